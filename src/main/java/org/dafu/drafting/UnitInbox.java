package org.dafu.drafting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dafu.access.Viewer;
import org.dafu.reply.ReplyReads;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

	private final ReplyReads replies;

	private final Clock clock;

	UnitInbox(NamedParameterJdbcTemplate jdbc, ReplyReads replies, Clock clock) {
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
				from assignment a
				join proposal p on p.id = a.proposal_id
				join congress_session s on s.id = p.session_id
				where a.unit_id = :unit
				order by (a.deadline < :today and p.status in ('ASSIGNED', 'REHANDLING')) desc, a.deadline, p.id
				limit :limit""", params, (rs) -> {
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
		this.replies.ofProposals(viewer, rows.keySet())
			.forEach((proposalId, replies) -> replies.stream()
				.filter((r) -> viewer.unitId().equals(r.unitId()))
				.forEach((r) -> rows.get(proposalId)
					.replies()
					.add(new InboxReply(r.id(), r.status(), r.kind(), r.indexNumber()))));
		return List.copyOf(rows.values());
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

	public record InboxReply(long id, String status, String kind, String indexNumber) {

		public boolean isDraft() {
			return "DRAFT".equals(this.status);
		}

	}

}
