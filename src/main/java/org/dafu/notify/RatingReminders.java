package org.dafu.notify;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.dafu.evaluation.RatingTodo;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 待测评 reminders: when the rating window of an issued reply (evaluation/RatingTodo) closes
 * in {@code dafu.evaluation.rating-reminder-days-before} (7) days or less and its lead
 * deputy has not rated it, the deputy is told once, in the portal and by mail. As with
 * {@link DeadlineReminders}, the job inserts into {@code rating_reminder_sent} with "on
 * conflict do nothing" and writes the notice only when its own insert happened, in the
 * same transaction: running it again, after a restart or in several app instances at
 * once, sends nothing twice.
 */
@Service
public class RatingReminders {

	private final NamedParameterJdbcTemplate jdbc;

	private final Notifier notifier;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final RatingTodo todo;

	private final int daysBefore;

	RatingReminders(NamedParameterJdbcTemplate jdbc, Notifier notifier, PlatformTransactionManager transactions,
			Clock clock, RatingTodo todo, @Value("${dafu.evaluation.rating-reminder-days-before:7}") int daysBefore) {
		this.jdbc = jdbc;
		this.notifier = notifier;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
		this.todo = todo;
		this.daysBefore = daysBefore;
	}

	/** Sends the reminders that are due and not yet sent; returns how many it sent. */
	public int run() {
		LocalDate today = LocalDate.now(this.clock);
		List<Due> due = this.jdbc.query("select * from (" + RatingTodo.UNRATED + """
				) t
				where t.window_ends between :today and :soon
				  and not exists (select 1 from rating_reminder_sent s
				                  where s.reply_id = t.reply_id and s.deputy_id = t.lead_deputy_id)
				order by t.window_ends, t.reply_id""",
				Map.of("window", this.todo.windowDays(), "today", today, "soon", today.plusDays(this.daysBefore)),
				(rs, i) -> new Due(rs.getLong("reply_id"), rs.getLong("lead_deputy_id"), rs.getLong("proposal_id"),
						rs.getInt("number"), rs.getString("title"), rs.getObject("window_ends", LocalDate.class)));
		int sent = 0;
		for (Due d : due) {
			if (Boolean.TRUE.equals(this.transaction.execute((status) -> remindOnce(d)))) {
				sent++;
			}
		}
		return sent;
	}

	private boolean remindOnce(Due due) {
		int inserted = this.jdbc.update("""
				insert into rating_reminder_sent (reply_id, deputy_id) values (:reply, :deputy)
				on conflict do nothing""", Map.of("reply", due.replyId(), "deputy", due.deputyId()));
		if (inserted == 0) {
			return false;
		}
		this.notifier.notify(Recipient.deputy(due.deputyId()), NotificationKind.RATING_DUE,
				"第" + due.number() + "号《" + due.title() + "》", due.windowEnds().toString(),
				"/my/proposals/" + due.proposalId() + "#reply-" + due.replyId(), due.proposalId(), due.replyId());
		return true;
	}

	private record Due(long replyId, long deputyId, long proposalId, int number, String title, LocalDate windowEnds) {
	}

}
