package org.dafu.platform.web.forms;

/**
 * What text fields accept (no angle brackets, no control characters) and how posted text
 * is tidied: absent fields are empty, blank optional fields null.
 */
public final class Texts {

	/** One line. */
	public static final String LINE = "[^<>\\p{Cntrl}]*";

	/** Several lines: line breaks and tabs allowed. */
	public static final String LINES = "[^<>\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";

	private Texts() {
	}

	/** Stripped, or null when absent or blank. */
	public static String clean(String value) {
		if (value == null) {
			return null;
		}
		String stripped = value.strip();
		return stripped.isEmpty() ? null : stripped;
	}

	/** Stripped, and empty when absent. */
	public static String trim(String value) {
		return (value != null) ? value.strip() : "";
	}

	/** Keeps the text as typed (line breaks matter), only absent becomes empty. */
	public static String keep(String value) {
		return (value != null) ? value.replace("\r\n", "\n") : "";
	}

	/** As typed, or null when absent or blank. */
	public static String orNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
