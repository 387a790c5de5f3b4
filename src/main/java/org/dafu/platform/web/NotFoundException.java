package org.dafu.platform.web;

/**
 * Something asked for does not exist, or the viewer may not know that it exists: both
 * answer 404, so that hidden replies cannot be told apart from missing ones.
 */
public class NotFoundException extends RuntimeException {

	private final String what;

	private final transient Object id;

	public NotFoundException(String what, Object id) {
		super(what + " not found: " + id);
		this.what = what;
		this.id = id;
	}

	public String what() {
		return this.what;
	}

	public Object id() {
		return this.id;
	}

}
