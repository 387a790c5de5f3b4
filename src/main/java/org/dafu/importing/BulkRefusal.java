package org.dafu.importing;

/**
 * A letter of an archive that the bulk import does not record; nothing of it was written.
 * The {@link #code()} names the message key {@code importing.bulk.reason.<code>}, the
 * arguments fill it.
 */
class BulkRefusal extends RuntimeException {

	/** Neither a signing date nor a written date. */
	static final String DATE_MISSING = "DATE_MISSING";

	/** The unit of the 索引号 is unknown and the letter names no issuer to create it. */
	static final String ISSUER_MISSING = "ISSUER_MISSING";

	/** A unit with the issuer's name exists with another organisation code. */
	static final String UNIT_CODE_CONFLICT = "UNIT_CODE_CONFLICT";

	/** The letter names no session and the run gave none. */
	static final String SESSION_MISSING = "SESSION_MISSING";

	/** The proposal is led by another unit. */
	static final String PROPOSAL_OF_OTHER_UNIT = "PROPOSAL_OF_OTHER_UNIT";

	private final String code;

	private final transient Object[] args;

	BulkRefusal(String code, Object... args) {
		super("bulk import refused: " + code);
		this.code = code;
		this.args = args;
	}

	String code() {
		return this.code;
	}

	Object[] args() {
		return this.args.clone();
	}

}
