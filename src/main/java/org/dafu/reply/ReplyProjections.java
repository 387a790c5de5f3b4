package org.dafu.reply;

/**
 * The reply's tables as read-only projections, for a downstream module's statement that
 * joins its own rows to replies in the same statement (the figures dashboard, ratings to
 * do): a subquery PostgreSQL flattens into the reader's plan (no extra statement, the
 * same plan), through which nothing can be written. The reply's rules come with them,
 * written once: {@link ReplyReads#dateOf}, {@link ReplyReads#publicRule},
 * {@link ReplyReads#issuedReplyExists} and {@link ReplyVisibility#filter}. Readers name
 * the constant, never the table; a renamed column keeps its old name here as an alias
 * until they move. Everything else goes through {@link ReplyReads}. See
 * {@code TableOwnershipTests}.
 */
public final class ReplyProjections {

	/**
	 * {@code reply}: id, proposal_id, unit_id, kind, status, disclosure_mode,
	 * index_number, signed_on, issued_at, ...
	 */
	public static final String REPLIES = "(select id, proposal_id, unit_id, kind, status, index_number, written_on, signed_on, disclosure_mode, disclosure_reason, catalog_category, addressee, opening, closing, issuer, result_class, issued_at, created_at, updated_at, letter_index_number, public_changed_at, signer_name, signed_by from reply)";

	/** {@code reply_section}: id, reply_id, ordinal, kind, heading, body. */
	public static final String SECTIONS = "(select id, reply_id, ordinal, kind, heading, body from reply_section)";

	/**
	 * {@code figure}, the figures a letter states: id, reply_id, section_id, ordinal,
	 * kind (TARGET, ACHIEVEMENT, ...), subject, value, unit, comparator, region,
	 * deadline_year.
	 */
	public static final String FIGURES = "(select id, reply_id, section_id, ordinal, subject, value, unit, kind, comparator, period, deadline_year, region, growth_rate, rank, task_share, source_sentence from figure)";

	private ReplyProjections() {
	}

}
