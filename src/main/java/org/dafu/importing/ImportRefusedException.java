package org.dafu.importing;

/**
 * A confirmed import that cannot be saved; nothing was written. The {@link #code()} is
 * stable and names the message key {@code importing.refused.<code>}.
 */
public class ImportRefusedException extends RuntimeException {

	/** No session was chosen, or the chosen one does not exist. */
	public static final String SESSION_UNKNOWN = "SESSION_UNKNOWN";

	/**
	 * The session has no proposal of that number assigned to the official's unit as lead
	 * (arguments: the session's name and the number).
	 */
	public static final String NOT_YOUR_PROPOSAL = "NOT_YOUR_PROPOSAL";

	/** A letter with this 索引号 is already in the portal (imported or issued). */
	public static final String DUPLICATE_INDEX_NUMBER = "DUPLICATE_INDEX_NUMBER";

	/**
	 * The 索引号 cannot be used by this unit: another unit's number, or one that a reply the
	 * official may not read already has (the message does not say which).
	 */
	public static final String INDEX_NUMBER_UNAVAILABLE = "INDEX_NUMBER_UNAVAILABLE";

	/** The 索引号 is not of the form unitcode/year-serial. */
	public static final String INDEX_NUMBER_MALFORMED = "INDEX_NUMBER_MALFORMED";

	/** The proposal is new and has no title. */
	public static final String TITLE_MISSING = "TITLE_MISSING";

	/** The proposal is new and no lead deputy is named. */
	public static final String DEPUTY_MISSING = "DEPUTY_MISSING";

	/** No proposal number. */
	public static final String NUMBER_MISSING = "NUMBER_MISSING";

	/** A letter not proactively public needs its reason. */
	public static final String REASON_MISSING = "REASON_MISSING";

	/** The result class given is none of A/B/C/D (甲/乙/丙/丁). */
	public static final String RESULT_CLASS_UNKNOWN = "RESULT_CLASS_UNKNOWN";

	/** The letter has no section left. */
	public static final String NO_SECTIONS = "NO_SECTIONS";

	/** The letter is beyond what the reply editor can save again (LetterLimits). */
	public static final String LETTER_TOO_LARGE = "LETTER_TOO_LARGE";

	private final String code;

	private final Object[] args;

	/**
	 * A refusal.
	 * @param code the refusal's code
	 * @param args the message's arguments
	 */
	public ImportRefusedException(String code, Object... args) {
		super("import refused: " + code);
		this.code = code;
		this.args = args.clone();
	}

	public String code() {
		return this.code;
	}

	/** The arguments of the message {@code importing.refused.<code>}. */
	public Object[] args() {
		return this.args.clone();
	}

}
