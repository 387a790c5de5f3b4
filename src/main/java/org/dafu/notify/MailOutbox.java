package org.dafu.notify;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.dafu.platform.web.PageView;
import org.dafu.platform.web.Paging;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The mail outbox: every mail is a row first, written in the caller's transaction. After
 * commit the {@link MailDispatcher} sends it; failures stay PENDING and are retried. When
 * no SMTP server is configured (no {@code spring.mail.host}, the embedded/demo mode) the
 * row is HELD: kept and shown to coordinators at /workspace/coordinator/outbox.
 */
@Service
public class MailOutbox {

	private final NamedParameterJdbcTemplate jdbc;

	private final MailDispatcher dispatcher;

	MailOutbox(NamedParameterJdbcTemplate jdbc, MailDispatcher dispatcher) {
		this.jdbc = jdbc;
		this.dispatcher = dispatcher;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public long enqueue(String recipient, String subject, String body, Long notificationId) {
		boolean smtp = this.dispatcher.canSend();
		MapSqlParameterSource params = new MapSqlParameterSource(
				Map.of("recipient", recipient, "subject", subject, "body", body, "status", smtp ? "PENDING" : "HELD"));
		params.addValue("notification", notificationId);
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.update("""
				insert into mail_outbox (recipient, subject, body, status, notification_id)
				values (:recipient, :subject, :body, :status, :notification)""", params, key, new String[] { "id" });
		long id = key.getKey().longValue();
		if (smtp) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					MailOutbox.this.dispatcher.dispatch(List.of(id));
				}
			});
		}
		return id;
	}

	/** The newest mails first, for the coordinator's outbox page. */
	@Transactional(readOnly = true)
	public PageView<OutboxMail> mails(Paging paging) {
		List<OutboxMail> rows = this.jdbc.query("""
				select id, recipient, subject, body, status, attempts, last_error, created_at, sent_at
				from mail_outbox order by id desc limit :limit offset :offset""",
				Map.of("limit", paging.size(), "offset", paging.offset()),
				(rs, row) -> new OutboxMail(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
						rs.getString("body"), rs.getString("status"), rs.getInt("attempts"), rs.getString("last_error"),
						instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("sent_at"))));
		Long total = this.jdbc.queryForObject("select count(*) from mail_outbox", Map.of(), Long.class);
		return PageView.of(rows, paging, (total != null) ? total : 0);
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	public record OutboxMail(long id, String recipient, String subject, String body, String status, int attempts,
			String lastError, Instant createdAt, Instant sentAt) {
	}

}
