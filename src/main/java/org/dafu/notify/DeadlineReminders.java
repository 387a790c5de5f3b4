package org.dafu.notify;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.dafu.reply.ReplyReads;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.dafu.proposal.ProposalProjections.ASSIGNMENTS;
import static org.dafu.proposal.ProposalProjections.PROPOSALS;

/**
 * Deadline reminders: when an assignment's deadline is {@value #DAYS_BEFORE} days away or
 * less (DUE_SOON), and when it has passed (OVERDUE), while the proposal still waits for
 * the unit's reply. Each reminder goes out once per assignment, kind and deadline: the
 * job inserts into {@code reminder_sent} with "on conflict do nothing" and writes the
 * notices (and outbox mails) only when its own insert happened, in the same transaction.
 * Running it again, after a restart or in several app instances at once, sends nothing
 * twice.
 */
@Service
public class DeadlineReminders {

	static final int DAYS_BEFORE = 7;

	private final NamedParameterJdbcTemplate jdbc;

	private final Notifier notifier;

	private final TransactionTemplate transaction;

	private final Clock clock;

	DeadlineReminders(NamedParameterJdbcTemplate jdbc, Notifier notifier, PlatformTransactionManager transactions,
			Clock clock) {
		this.jdbc = jdbc;
		this.notifier = notifier;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** Sends the reminders that are due and not yet sent; returns how many it sent. */
	public int run() {
		LocalDate today = LocalDate.now(this.clock);
		List<Due> due = this.jdbc.query("""
				select a.id, a.unit_id, a.deadline, p.id as proposal_id, p.number, p.title
				from %s a join %s p on p.id = a.proposal_id
				where a.deadline <= :soon
				  and ((p.status = 'ASSIGNED'
				        and not %s)
				       or (p.status = 'REHANDLING' and a.role = 'LEAD'))
				  and not exists (select 1 from reminder_sent s where s.assignment_id = a.id
				                  and s.deadline = a.deadline
				                  and s.kind = case when a.deadline < :today then 'OVERDUE' else 'DUE_SOON' end)
				order by a.deadline, a.id""".formatted(ASSIGNMENTS, PROPOSALS, ReplyReads.issuedReplyExists("p.id")),
				Map.of("soon", today.plusDays(DAYS_BEFORE), "today", today),
				(rs, row) -> new Due(rs.getLong("id"), rs.getLong("unit_id"), rs.getObject("deadline", LocalDate.class),
						rs.getLong("proposal_id"), rs.getInt("number"), rs.getString("title")));
		int sent = 0;
		for (Due d : due) {
			NotificationKind kind = d.deadline().isBefore(today) ? NotificationKind.OVERDUE : NotificationKind.DUE_SOON;
			Boolean done = this.transaction.execute((status) -> remindOnce(d, kind));
			if (Boolean.TRUE.equals(done)) {
				sent++;
			}
		}
		return sent;
	}

	private boolean remindOnce(Due due, NotificationKind kind) {
		int inserted = this.jdbc.update("""
				insert into reminder_sent (assignment_id, kind, deadline) values (:assignment, :kind, :deadline)
				on conflict do nothing""",
				Map.of("assignment", due.assignmentId(), "kind", kind.name(), "deadline", due.deadline()));
		if (inserted == 0) {
			return false;
		}
		String label = "第" + due.number() + "号《" + due.title() + "》";
		this.notifier.notify(Recipient.unit(due.unitId()), kind, label, due.deadline().toString(), "/workspace/unit",
				due.proposalId(), null);
		this.notifier.notify(Recipient.coordinators(), kind, label, due.deadline().toString(), "/workspace/coordinator",
				due.proposalId(), null);
		return true;
	}

	private record Due(long assignmentId, long unitId, LocalDate deadline, long proposalId, int number, String title) {
	}

}
