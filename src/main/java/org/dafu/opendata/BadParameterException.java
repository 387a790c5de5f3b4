package org.dafu.opendata;

/** A parameter of the API has a value it does not accept. */
public class BadParameterException extends RuntimeException {

	private final String parameter;

	private final String value;

	private final String allowed;

	BadParameterException(String parameter, String value, String allowed) {
		super("bad parameter " + parameter);
		this.parameter = parameter;
		this.value = value;
		this.allowed = allowed;
	}

	public String parameter() {
		return this.parameter;
	}

	public String value() {
		return this.value;
	}

	public String allowed() {
		return this.allowed;
	}

}
