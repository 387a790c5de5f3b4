package org.dafu.platform.web.forms;

/** What text fields accept: no angle brackets (no markup) and no control characters. */
public final class Texts {

	/** One line. */
	public static final String LINE = "[^<>\\p{Cntrl}]*";

	/** Several lines: line breaks and tabs allowed. */
	public static final String LINES = "[^<>\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";

	private Texts() {
	}

	public static String clean(String value) {
		if (value == null) {
			return null;
		}
		String stripped = value.strip();
		return stripped.isEmpty() ? null : stripped;
	}

}
