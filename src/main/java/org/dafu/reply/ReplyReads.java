package org.dafu.reply;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.dafu.access.AccessPolicy;
import org.dafu.access.SqlFilter;
import org.dafu.access.Viewer;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reply's rules for reads, written once: the date rule ({@link #dateOf}), the
 * is-public rule ({@link #publicRule}, {@link #isPublic}) and the conditions other
 * features compose into their own SQL ({@link #issuedReplyExists},
 * {@link #readableReplyExists}), with the few reads that are such a rule and no more.
 * Other features read replies through the reply feature's reads instead of writing their
 * own SQL against {@code reply}, and every one of them adds the {@link AccessPolicy}'s
 * filter, so rows and counts never include what the viewer may not see:
 * <ul>
 * <li>{@link LetterReads}: one letter (two statements);</li>
 * <li>{@link ReplyListReads}: the list of replies, newest first (a public page is one
 * statement plus the result cache's, at any depth), filtered or not;</li>
 * <li>{@link ReplyRowReads}: replies as rows of other features' lists (of a unit, of
 * proposals);</li>
 * <li>{@link PublicReplyReads}: counts of public replies per unit and deputy, and the
 * sitemap's and feeds' links.</li>
 * </ul>
 */
@Service
@Transactional(readOnly = true)
public class ReplyReads {

	private final NamedParameterJdbcTemplate jdbc;

	ReplyReads(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The condition under which a row of {@code reply} (aliased {@code alias}) is public:
	 * issued and 主动公开. The access policy builds on it.
	 */
	public static String publicRule(String alias) {
		return alias + ".status = 'ISSUED' and " + alias + ".disclosure_mode = 'PROACTIVE'";
	}

	/** The same rule in Java. */
	public static boolean isPublic(ReplyStatus status, DisclosureMode mode) {
		return status == ReplyStatus.ISSUED && mode == DisclosureMode.PROACTIVE;
	}

	/**
	 * The reply's date as SQL (the signing date, else the day it was issued in China's
	 * time zone), for a row of {@code reply} aliased {@code alias}.
	 */
	public static String dateOf(String alias) {
		return "coalesce(" + alias + ".signed_on, (" + alias + ".issued_at at time zone 'Asia/Shanghai')::date)";
	}

	/**
	 * The issued replies whose public side changed (V73, kept by triggers) or that were
	 * first published here (a letter imported with an earlier issue date) at or after
	 * {@code since}; read by its index ({@code ix_reply_public_changed}).
	 */
	public List<Long> issuedChangedSince(Instant since) {
		return this.jdbc.queryForList("""
				select r.id from reply r where r.status = 'ISSUED'
				   and (r.public_changed_at >= :since or r.created_at >= :since)""",
				Map.of("since", Timestamp.from(since)), Long.class);
	}

	/**
	 * Whether the unit has a public reply to the proposal (for its co-units' opinions).
	 */
	public boolean hasPublicReply(long proposalId, long unitId) {
		Boolean exists = this.jdbc.queryForObject("select exists (select 1 from reply r where r.proposal_id = :p"
				+ " and r.unit_id = :u and " + publicRule("r") + ")", Map.of("p", proposalId, "u", unitId),
				Boolean.class);
		return Boolean.TRUE.equals(exists);
	}

	// ---- conditions for other features' SQL

	/**
	 * A condition for another feature's query: the reply whose id is the SQL expression
	 * {@code replyId} exists and the viewer may read it.
	 */
	public SqlFilter readableReplyExists(Viewer viewer, String replyId) {
		SqlFilter acl = ReplyVisibility.filter(viewer, "r");
		return new SqlFilter("exists (select 1 from reply r where r.id = " + replyId + " and " + acl.sql() + ")",
				acl.params());
	}

	/**
	 * A condition for another feature's query: the proposal whose id is the SQL
	 * expression {@code proposalId} has an issued reply.
	 */
	public static String issuedReplyExists(String proposalId) {
		return "exists (select 1 from reply r where r.proposal_id = " + proposalId + " and r.status = 'ISSUED')";
	}

}
