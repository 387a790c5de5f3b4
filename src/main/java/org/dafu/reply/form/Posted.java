package org.dafu.reply.form;

/** What posted text becomes: absent fields are empty, blank optional fields null. */
final class Posted {

	private Posted() {
	}

	static String trim(String value) {
		return (value != null) ? value.strip() : "";
	}

	/** Keeps the text as typed (line breaks matter), only absent becomes empty. */
	static String keep(String value) {
		return (value != null) ? value.replace("\r\n", "\n") : "";
	}

	static String orNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
