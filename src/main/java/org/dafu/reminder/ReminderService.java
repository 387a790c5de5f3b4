package org.dafu.reminder;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dafu.access.AccessPolicy;
import org.dafu.access.Viewer;
import org.dafu.notify.NotificationKind;
import org.dafu.notify.Notifier;
import org.dafu.notify.Recipient;
import org.dafu.platform.ClockConfiguration;
import org.dafu.platform.web.NotFoundException;
import org.dafu.proposal.ProposalService;
import org.dafu.reply.ReplyReads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.dafu.proposal.ProposalProjections.ASSIGNMENTS;
import static org.dafu.proposal.ProposalProjections.PROPOSALS;
import static org.dafu.unit.UnitProjections.UNITS;

/**
 * 催办: a coordinator reminds the lead unit of a proposal that still waits for its reply
 * and whose deadline has passed or is at most {@code dafu.reminder.due-within-days} (14)
 * days away, with an optional message of at most {@value #MAX_MESSAGE} characters. The
 * reminder is recorded (who, when, the deadline, the message), the unit is told in the
 * portal and by mail (notify/Notifier: the notice and the outbox mails commit with it),
 * and the statistics count it per session and unit (table {@code reminder_count}, kept by
 * triggers: migration V91).
 */
@Service
@Transactional(readOnly = true)
public class ReminderService {

	public static final int MAX_MESSAGE = 300;

	private static final Logger log = LoggerFactory.getLogger(ReminderService.class);

	/** The lead assignment of a proposal that still waits for its unit's reply. */
	private static final String OPEN_LEAD = """
			select a.unit_id, u.name as unit_name, a.deadline, p.id, p.number, p.title
			from %s p
			join %s a on a.proposal_id = p.id and a.role = 'LEAD'
			join %s u on u.id = a.unit_id
			where p.id = :proposal
			  and ((p.status = 'ASSIGNED' and not %s) or p.status = 'REHANDLING')
			""".formatted(PROPOSALS, ASSIGNMENTS, UNITS, ReplyReads.issuedReplyExists("p.id"));

	private final NamedParameterJdbcTemplate jdbc;

	private final ProposalService proposals;

	private final Notifier notifier;

	private final AccessPolicy access;

	private final Clock clock;

	private final int dueWithinDays;

	ReminderService(NamedParameterJdbcTemplate jdbc, ProposalService proposals, Notifier notifier, AccessPolicy access,
			Clock clock, @Value("${dafu.reminder.due-within-days:14}") int dueWithinDays) {
		this.jdbc = jdbc;
		this.proposals = proposals;
		this.notifier = notifier;
		this.access = access;
		this.clock = clock;
		this.dueWithinDays = dueWithinDays;
	}

	public int dueWithinDays() {
		return this.dueWithinDays;
	}

	/**
	 * What a reminder about this proposal would go to, when one may be sent now (the
	 * proposal waits for its lead unit's reply, and its deadline is past or near).
	 */
	public Optional<Target> target(long proposalId) {
		LocalDate today = LocalDate.now(this.clock);
		return this.jdbc
			.query(OPEN_LEAD, Map.of("proposal", proposalId),
					(rs, i) -> new Target(rs.getLong("id"), rs.getInt("number"), rs.getString("title"),
							rs.getLong("unit_id"), rs.getString("unit_name"), rs.getObject("deadline", LocalDate.class),
							today))
			.stream()
			.filter((t) -> !t.deadline().isAfter(today.plusDays(this.dueWithinDays)))
			.findFirst();
	}

	/**
	 * Sends a reminder as the viewer (a coordinator). Refused (nothing recorded, nobody
	 * told) with {@link ReminderRefusedException} when the proposal does not wait for a
	 * reply or is not yet near its deadline, or the message is too long.
	 */
	@Transactional
	public ReminderView send(Viewer viewer, long proposalId, String message) {
		this.access.requireCoordinator(viewer);
		String text = clean(message);
		if (text != null && text.length() > MAX_MESSAGE) {
			throw new ReminderRefusedException(ReminderRefusedException.MESSAGE_TOO_LONG);
		}
		if (!proposalExists(proposalId)) {
			throw new NotFoundException("proposal", proposalId);
		}
		// one reminder at a time per proposal: its row lock orders them
		this.proposals.lock(proposalId);
		Target target = target(proposalId)
			.orElseThrow(() -> new ReminderRefusedException(ReminderRefusedException.NOT_DUE));
		MapSqlParameterSource params = new MapSqlParameterSource(new HashMap<>(Map.of("proposal", proposalId, "unit",
				target.unitId(), "deadline", target.deadline(), "by", viewer.username())));
		params.addValue("message", text);
		Long id = this.jdbc.queryForObject("""
				insert into proposal_reminder (proposal_id, unit_id, deadline, message, sent_by)
				values (:proposal, :unit, :deadline, :message, :by) returning id""", params, Long.class);
		String label = "第" + target.number() + "号《" + target.title() + "》";
		String detail = target.deadline() + ((text != null) ? "；" + text : "");
		this.notifier.notify(Recipient.unit(target.unitId()), NotificationKind.REMINDED, label, detail,
				"/workspace/unit/reminders", proposalId, null);
		log.info("reminder {} about proposal {} sent to unit {} by {}", id, proposalId, target.unitId(),
				viewer.username());
		return reminders("r.id = :id", Map.of("id", id)).get(0);
	}

	public boolean proposalExists(long proposalId) {
		return this.proposals.exists(proposalId);
	}

	/** The reminders about a proposal, newest first (coordinators). */
	public List<ReminderView> ofProposal(Viewer viewer, long proposalId) {
		this.access.requireCoordinator(viewer);
		return reminders("r.proposal_id = :proposal", Map.of("proposal", proposalId));
	}

	/** The reminders the viewer's unit received, newest first (its officials). */
	public List<ReminderView> ofOwnUnit(Viewer viewer) {
		if (!viewer.isOfficial()) {
			throw new AccessDeniedException("unit officials only");
		}
		return reminders("r.unit_id = :unit", Map.of("unit", viewer.unitId()));
	}

	private List<ReminderView> reminders(String where, Map<String, Object> params) {
		return this.jdbc.query("""
				select r.id, r.proposal_id, p.number, p.title, r.unit_id, u.name as unit_name, r.deadline,
				       r.message, r.sent_by, r.sent_at
				from proposal_reminder r
				join %s p on p.id = r.proposal_id
				join %s u on u.id = r.unit_id
				where %s
				order by r.id desc
				limit 500""".formatted(PROPOSALS, UNITS, where), params, ReminderService::view);
	}

	private static ReminderView view(ResultSet rs, int row) throws SQLException {
		Instant sentAt = rs.getTimestamp("sent_at").toInstant();
		return new ReminderView(rs.getLong("id"), rs.getLong("proposal_id"), rs.getInt("number"), rs.getString("title"),
				rs.getLong("unit_id"), rs.getString("unit_name"), rs.getObject("deadline", LocalDate.class),
				rs.getString("message"), rs.getString("sent_by"),
				LocalDateTime.ofInstant(sentAt, ClockConfiguration.ZONE));
	}

	/**
	 * The message as kept: stripped, no control characters but line breaks; null if
	 * blank.
	 */
	static String clean(String message) {
		if (message == null) {
			return null;
		}
		String text = message.replace("\r\n", "\n").replaceAll("[\\p{Cc}&&[^\\n]]", "").strip();
		return text.isEmpty() ? null : text;
	}

	/**
	 * The proposal a reminder goes about and its lead unit, with the day it is judged on.
	 */
	public record Target(long proposalId, int number, String title, long unitId, String unitName, LocalDate deadline,
			LocalDate today) {

		public boolean overdue() {
			return this.deadline.isBefore(this.today);
		}

		public long daysLeft() {
			return java.time.temporal.ChronoUnit.DAYS.between(this.today, this.deadline);
		}

	}

	/** A reminder as shown; {@code sentAt} in Beijing time. */
	public record ReminderView(long id, long proposalId, int number, String title, long unitId, String unitName,
			LocalDate deadline, String message, String sentBy, LocalDateTime sentAt) {
	}

}
