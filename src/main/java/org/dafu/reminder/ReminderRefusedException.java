package org.dafu.reminder;

/**
 * A reminder not sent, and why ({@code reminder.error.<code>}); nothing was recorded.
 */
public class ReminderRefusedException extends RuntimeException {

	/** The proposal does not wait for a reply, or its deadline is not near yet. */
	public static final String NOT_DUE = "NOT_DUE";

	public static final String MESSAGE_TOO_LONG = "MESSAGE_TOO_LONG";

	private final String code;

	public ReminderRefusedException(String code) {
		super(code);
		this.code = code;
	}

	public String code() {
		return this.code;
	}

}
