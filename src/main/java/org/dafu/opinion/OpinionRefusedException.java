package org.dafu.opinion;

/**
 * A step that the opinion's state or the input does not allow (submitting an empty
 * opinion, signing one not submitted, returning without a comment…): nothing changed;
 * {@link #getMessage()} is the message key that says why.
 */
public class OpinionRefusedException extends RuntimeException {

	public OpinionRefusedException(String messageKey) {
		super(messageKey);
	}

}
