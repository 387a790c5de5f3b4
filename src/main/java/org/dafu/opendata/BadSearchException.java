package org.dafu.opendata;

import java.util.List;

/** The search parameters cannot be searched (e.g. a query of punctuation only). */
class BadSearchException extends RuntimeException {

	private final List<String> messageKeys;

	BadSearchException(List<String> messageKeys) {
		super("bad search: " + messageKeys);
		this.messageKeys = List.copyOf(messageKeys);
	}

	List<String> messageKeys() {
		return this.messageKeys;
	}

}
