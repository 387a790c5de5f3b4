package org.dafu.congress;

import java.util.Map;

import org.dafu.platform.RefusedException;

/** A session or deputy refused by one of its rules (a blank name, no term …). */
public class CongressRefusedException extends RefusedException {

	public CongressRefusedException(String field, String messageKey, Object... arguments) {
		super(field, messageKey, arguments);
	}

	/** Several fields at once (a name and a code both taken, say). */
	public CongressRefusedException(Map<String, String> fields) {
		super(fields);
	}

}
