package org.dafu.letter;

/**
 * An uploaded letter that cannot be read. The {@link #code()} is stable (EMPTY,
 * TOO_LARGE, TEXT_TOO_LARGE, NOT_DOCX, BINARY, UNSUPPORTED_TYPE, NO_LETTER) so that the
 * web layer can turn it into a message key; the message is a Chinese default.
 */
public class LetterFormatException extends RuntimeException {

	public static final String EMPTY = "EMPTY";

	public static final String TOO_LARGE = "TOO_LARGE";

	/**
	 * A small file whose content, once decompressed, passes the limit: reading stopped
	 * there.
	 */
	public static final String TEXT_TOO_LARGE = "TEXT_TOO_LARGE";

	public static final String NOT_DOCX = "NOT_DOCX";

	public static final String BINARY = "BINARY";

	public static final String UNSUPPORTED_TYPE = "UNSUPPORTED_TYPE";

	public static final String NO_LETTER = "NO_LETTER";

	private final String code;

	public LetterFormatException(String code, String message) {
		super(message);
		this.code = code;
	}

	public LetterFormatException(String code, String message, Throwable cause) {
		super(message, cause);
		this.code = code;
	}

	public String code() {
		return this.code;
	}

}
