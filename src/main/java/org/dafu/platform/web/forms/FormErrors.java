package org.dafu.platform.web.forms;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.dafu.platform.web.LogSafe;

import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * The first problem of each field of a refused form, as a message key: business rules
 * reject with a {@code coordination.*} key of their own; constraint and conversion
 * failures map to the field's {@code <prefix>.<field>.invalid} key, which says what is
 * expected. Logged by field name only, never with the submitted values.
 */
public final class FormErrors {

	private static final Logger log = LoggerFactory.getLogger(FormErrors.class);

	private FormErrors() {
	}

	/**
	 * Rejects a field with a business rule's key. When a form record could not be built
	 * (a value of the wrong type for one of its components, say), the binding result has
	 * no target to read the field's value from, and {@code rejectValue} would throw: the
	 * error is then added without the value.
	 */
	public static void reject(BindingResult binding, String field, String code) {
		if (binding.getTarget() != null) {
			binding.rejectValue(field, code);
			return;
		}
		binding.addError(new FieldError(binding.getObjectName(), field, null, false,
				binding.resolveMessageCodes(code, field), null, null));
	}

	public static Map<String, String> of(BindingResult binding, String prefix) {
		return of(binding, prefix, Set.of());
	}

	/**
	 * As {@link #of(BindingResult, String)}, leaving out fields the page does not post.
	 */
	public static Map<String, String> of(BindingResult binding, String prefix, Set<String> ignored) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (FieldError error : binding.getFieldErrors()) {
			if (ignored.contains(error.getField())) {
				continue;
			}
			String code = error.getCode();
			String key = (code != null && code.startsWith("coordination.")) ? code
					: prefix + "." + error.getField().replaceAll("\\[.*", "") + ".invalid";
			errors.putIfAbsent(error.getField().replaceAll("\\[.*", ""), key);
		}
		if (errors.isEmpty()) {
			return errors;
		}
		log.info("Refused {} form: {}", LogSafe.of(prefix), LogSafe.of(String.join(",", errors.keySet())));
		return errors;
	}

}
