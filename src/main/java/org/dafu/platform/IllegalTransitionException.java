package org.dafu.platform;

/** A workflow move the current state does not allow. */
public class IllegalTransitionException extends IllegalStateException {

	private final String from;

	private final String to;

	public IllegalTransitionException(String what, Object from, Object to) {
		super(what + " cannot move from " + from + " to " + to);
		this.from = String.valueOf(from);
		this.to = String.valueOf(to);
	}

	public String from() {
		return this.from;
	}

	public String to() {
		return this.to;
	}

}
