package org.dafu.unit;

import java.util.Map;

import org.dafu.platform.RefusedException;

/** A handling unit refused by one of its rules (a blank name, a malformed code …). */
public class UnitRefusedException extends RefusedException {

	public UnitRefusedException(String field, String messageKey, Object... arguments) {
		super(field, messageKey, arguments);
	}

	/** Several fields at once (a name and a code both taken, say). */
	public UnitRefusedException(Map<String, String> fields) {
		super(fields);
	}

}
