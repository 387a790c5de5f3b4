package org.dafu.proposal;

/**
 * The proposal tables as read-only projections, for another module's statement that
 * filters, counts or sorts its own rows by their proposal (a reply's session, a deadline)
 * in the same statement. Each is a subquery PostgreSQL flattens into the reader's plan:
 * no extra statement and the same plan as a join on the table, and nothing can be written
 * through it. Readers name the constant, never the table; a renamed column keeps its old
 * name here as an alias until they move. See {@code TableOwnershipTests}.
 */
public final class ProposalProjections {

	/**
	 * {@code proposal}: id, session_id, number, title, status, lead_deputy_id,
	 * topic_category_id, ...
	 */
	public static final String PROPOSALS = "(select id, session_id, number, title, body, lead_deputy_id, topic_category_id, submitted_on, key_proposal, status, created_at, updated_at, origin from proposal)";

	/** {@code proposal_cosigner}: proposal_id, deputy_id. */
	public static final String COSIGNERS = "(select proposal_id, deputy_id from proposal_cosigner)";

	/**
	 * {@code assignment}: id, proposal_id, unit_id, role (LEAD, CO), assigned_on,
	 * deadline, ...
	 */
	public static final String ASSIGNMENTS = "(select id, proposal_id, unit_id, role, assigned_on, deadline, extension_reason, created_at, assigned_deadline from assignment)";

	/**
	 * {@code deadline_extension}: id, assignment_id, previous_deadline, new_deadline,
	 * reason, extended_at, ...
	 */
	public static final String EXTENSIONS = "(select id, assignment_id, previous_deadline, new_deadline, reason, extended_by, extended_at from deadline_extension)";

	/** {@code topic_category}: id, name, ... */
	public static final String TOPICS = "(select id, name from topic_category)";

	/**
	 * The ids of the proposals the deputy bound to {@code :param} led or co-signed, as a
	 * subquery.
	 */
	public static String ofDeputy(String param) {
		return "select p.id from proposal p where p.lead_deputy_id = :" + param
				+ " union select c.proposal_id from proposal_cosigner c where c.deputy_id = :" + param;
	}

	private ProposalProjections() {
	}

}
