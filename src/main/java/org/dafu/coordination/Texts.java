package org.dafu.coordination;

/** What text fields accept: no angle brackets (no markup) and no control characters. */
final class Texts {

	/** One line. */
	static final String LINE = "[^<>\\p{Cntrl}]*";

	/** Several lines: line breaks and tabs allowed. */
	static final String LINES = "[^<>\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";

	private Texts() {
	}

	static String clean(String value) {
		if (value == null) {
			return null;
		}
		String stripped = value.strip();
		return stripped.isEmpty() ? null : stripped;
	}

}
