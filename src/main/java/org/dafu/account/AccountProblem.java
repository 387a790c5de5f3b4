package org.dafu.account;

/**
 * A request about accounts that cannot be carried out, with the message key that tells
 * the person why (e.g. {@code account.error.username-taken}).
 */
public class AccountProblem extends RuntimeException {

	private final String messageKey;

	public AccountProblem(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return this.messageKey;
	}

}
