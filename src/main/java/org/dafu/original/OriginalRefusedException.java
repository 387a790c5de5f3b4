package org.dafu.original;

/**
 * An original that is not attached, and why: {@link #code} names the message
 * {@code original.error.<code>}. Nothing was stored.
 */
public class OriginalRefusedException extends RuntimeException {

	public static final String EMPTY = "EMPTY";

	public static final String TOO_LARGE = "TOO_LARGE";

	public static final String NOT_PDF_OR_OFD = "NOT_PDF_OR_OFD";

	public static final String BAD_NAME = "BAD_NAME";

	public static final String NOT_ISSUED = "NOT_ISSUED";

	private final String code;

	public OriginalRefusedException(String code) {
		super(code);
		this.code = code;
	}

	public String code() {
		return this.code;
	}

}
