package org.dafu.opendata;

import java.util.List;

/** The search parameters cannot be searched (e.g. a query of punctuation only). */
public class BadSearchException extends RuntimeException {

	private final String parameter;

	private final List<String> messageKeys;

	BadSearchException(String parameter, List<String> messageKeys) {
		super("bad search: " + parameter + " " + messageKeys);
		this.parameter = parameter;
		this.messageKeys = List.copyOf(messageKeys);
	}

	/** The request parameter that was refused. */
	public String parameter() {
		return this.parameter;
	}

	public List<String> messageKeys() {
		return this.messageKeys;
	}

}
