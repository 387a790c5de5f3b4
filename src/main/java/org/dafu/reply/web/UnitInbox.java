package org.dafu.reply.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dafu.access.Viewer;
import org.dafu.reply.ReplyRowReads;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.dafu.congress.CongressProjections.SESSIONS;
import static org.dafu.proposal.ProposalProjections.ASSIGNMENTS;
import static org.dafu.proposal.ProposalProjections.PROPOSALS;

/**
 * The unit official's inbox: every proposal assigned to the unit, as lead or co-unit,
 * with its deadline and the unit's own replies to it. Overdue proposals come first, then
 * the rest by deadline. Replies are read through the access policy's SQL filter.
 */
@Service
@Transactional(readOnly = true)
public class UnitInbox {

	static final int LIMIT = 500;

	private final NamedParameterJdbcTemplate jdbc;

	private final ReplyRowReads replies;

	private final Clock clock;

	UnitInbox(NamedParameterJdbcTemplate jdbc, ReplyRowReads replies, Clock clock) {
		this.jdbc = jdbc;
		this.replies = replies;
		this.clock = clock;
	}

	public List<InboxRow> of(Viewer viewer) {
		if (!viewer.isOfficial()) {
			throw new AccessDeniedException("the inbox is a unit official's");
		}
		LocalDate today = LocalDate.now(this.clock);
		Map<String, Object> params = new HashMap<>();
		params.put("unit", viewer.unitId());
		params.put("today", today);
		params.put("limit", LIMIT);
		Map<Long, InboxRow> rows = new LinkedHashMap<>();
		this.jdbc.query("""
				select p.id, p.number, p.title, p.status, s.name as session_name, a.role, a.deadline,
				       a.extension_reason
				from %s a
				join %s p on p.id = a.proposal_id
				join %s s on s.id = p.session_id
				where a.unit_id = :unit
				order by (a.deadline < :today and p.status in ('ASSIGNED', 'REHANDLING')) desc, a.deadline, p.id
				limit :limit""".formatted(ASSIGNMENTS, PROPOSALS, SESSIONS), params, (rs) -> {
			LocalDate deadline = rs.getObject("deadline", LocalDate.class);
			String status = rs.getString("status");
			long daysLeft = ChronoUnit.DAYS.between(today, deadline);
			boolean open = "ASSIGNED".equals(status) || "REHANDLING".equals(status);
			rows.put(rs.getLong("id"),
					new InboxRow(rs.getLong("id"), rs.getInt("number"), rs.getString("title"),
							rs.getString("session_name"), status, "LEAD".equals(rs.getString("role")), deadline,
							rs.getString("extension_reason"), daysLeft, open && daysLeft < 0, open, new ArrayList<>()));
		});
		if (rows.isEmpty()) {
			return List.of();
		}
		Set<Long> returned = new HashSet<>(this.jdbc.queryForList(RETURNED_DRAFTS + " and r.unit_id = :unit",
				Map.of("unit", viewer.unitId()), Long.class));
		this.replies.ofProposals(viewer, rows.keySet())
			.forEach((proposalId, replies) -> replies.stream()
				.filter((r) -> viewer.unitId().equals(r.unitId()))
				.forEach((r) -> rows.get(proposalId)
					.replies()
					.add(new InboxReply(r.id(), r.status(), r.kind(), r.indexNumber(), returned.contains(r.id())))));
		return List.copyOf(rows.values());
	}

	/**
	 * What waits for this official, counted for the top of the inbox: proposals the unit
	 * leads that still need a draft written or finished (to draft), drafts submitted for
	 * review (to sign, for a 签发人; in review, for a drafter), and drafts a 签发人 returned to
	 * changes after this official submitted them.
	 */
	public Waiting waiting(Viewer viewer, List<InboxRow> rows) {
		if (!viewer.isOfficial()) {
			throw new AccessDeniedException("the inbox is a unit official's");
		}
		long toDraft = rows.stream()
			.filter((row) -> row.lead() && row.open())
			.filter((row) -> row.replies().stream().noneMatch((r) -> "SUBMITTED".equals(r.status())))
			.count();
		Map<String, Object> params = Map.of("unit", viewer.unitId(), "me", viewer.username());
		Long submitted = this.jdbc.queryForObject(
				"select count(*) from reply r where r.unit_id = :unit and r.status = 'SUBMITTED'", params, Long.class);
		Long returnedToMe = this.jdbc.queryForObject("select count(*) from (" + RETURNED_DRAFTS + """
				and r.unit_id = :unit
				and (select s.actor from reply_review_step s where s.reply_id = r.id and s.step = 'SUBMITTED'
				     order by s.taken_at desc, s.id desc limit 1) = :me) t""", params, Long.class);
		return new Waiting(viewer.isSigner(), toDraft, (submitted != null) ? submitted : 0,
				(returnedToMe != null) ? returnedToMe : 0);
	}

	/** Drafts whose latest review step is a return (退回修改). */
	private static final String RETURNED_DRAFTS = """
			select r.id from reply r
			where r.status = 'DRAFT'
			  and (select s.step from reply_review_step s where s.reply_id = r.id
			       order by s.taken_at desc, s.id desc limit 1) = 'RETURNED'""";

	/**
	 * The counts at the top of the inbox.
	 *
	 * @param signer whether the official signs (签发人): then submitted drafts wait for them
	 * @param toDraft lead proposals waiting for a reply that is not yet submitted
	 * @param toSign drafts of the unit submitted for review
	 * @param returnedToMe drafts returned for changes after this official submitted them
	 */
	public record Waiting(boolean signer, long toDraft, long toSign, long returnedToMe) {
	}

	/**
	 * One assigned proposal.
	 *
	 * @param lead whether the unit is its lead unit (主办), which writes the reply
	 * @param daysLeft days until the deadline (negative when past)
	 * @param overdue past the deadline and not yet replied
	 * @param open waiting for a reply (assigned or sent back for re-handling)
	 */
	public record InboxRow(long proposalId, int number, String title, String sessionName, String status, boolean lead,
			LocalDate deadline, String extensionReason, long daysLeft, boolean overdue, boolean open,
			List<InboxReply> replies) {

		public boolean hasDraft() {
			return this.replies.stream().anyMatch(InboxReply::isDraft);
		}

	}

	public record InboxReply(long id, String status, String kind, String indexNumber, boolean returned) {

		public boolean isDraft() {
			return !"ISSUED".equals(this.status);
		}

	}

}
