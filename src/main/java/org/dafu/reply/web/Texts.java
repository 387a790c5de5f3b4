package org.dafu.reply.web;

/** Small helpers for posted text: absent fields are empty, blank optional fields null. */
final class Texts {

	private Texts() {
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
