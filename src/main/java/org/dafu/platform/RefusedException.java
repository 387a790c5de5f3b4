package org.dafu.platform;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A change refused by a rule of the domain: for each form field the refusal concerns, the
 * key of a message that says why (with arguments, for the first). Nothing was changed.
 * Each feature names its own refusals (e.g. {@code proposal.DeadlineRefusedException}); a
 * controller shows each message beside its field.
 */
public class RefusedException extends IllegalArgumentException {

	private final Map<String, String> fields;

	private final transient Object[] arguments;

	public RefusedException(String field, String messageKey, Object... arguments) {
		this(Map.of(field, messageKey), arguments);
	}

	/** Several fields refused at once: field to message key, in the form's order. */
	protected RefusedException(Map<String, String> fields, Object... arguments) {
		super(String.join(", ", fields.values()) + " (" + String.join(", ", fields.keySet()) + ")");
		if (fields.isEmpty()) {
			throw new IllegalArgumentException("a refusal names a field");
		}
		this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
		this.arguments = arguments.clone();
	}

	/** The (first) field of the form the refused value came from. */
	public String field() {
		return this.fields.keySet().iterator().next();
	}

	/** The key of the message that says why the (first) field is refused. */
	public String messageKey() {
		return this.fields.values().iterator().next();
	}

	/** Every refused field, with the key of its message. */
	public Map<String, String> fields() {
		return this.fields;
	}

	public Object[] arguments() {
		return Arrays.copyOf(this.arguments, this.arguments.length);
	}

}
