package org.dafu.platform;

import java.util.Arrays;

/**
 * A domain rule refused a value: which field, and the message key (with its arguments)
 * that tells the person what is expected. Controllers turn it into that field's message;
 * one that reaches no controller's handler becomes a 400 page (platform/web
 * ErrorPageAdvice), never a 500. Nothing was changed.
 */
public class RuleViolationException extends IllegalArgumentException {

	private final String field;

	private final String messageKey;

	private final transient Object[] arguments;

	public RuleViolationException(String field, String messageKey, Object... arguments) {
		super(field + ": " + messageKey);
		this.field = field;
		this.messageKey = messageKey;
		this.arguments = (arguments != null) ? arguments.clone() : new Object[0];
	}

	public String field() {
		return this.field;
	}

	public String messageKey() {
		return this.messageKey;
	}

	public Object[] arguments() {
		return this.arguments.clone();
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[" + this.field + ", " + this.messageKey + ", "
				+ Arrays.toString(this.arguments) + "]";
	}

}
