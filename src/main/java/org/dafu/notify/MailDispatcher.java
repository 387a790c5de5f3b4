package org.dafu.notify;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.dafu.platform.web.LogSafe;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends outbox rows. A row is claimed first (status SENDING, for a few minutes) by an
 * update that skips rows another instance has locked, so two app instances never send the
 * same row; a row whose sender died is claimed again once its claim expires. Sent rows
 * become SENT; failures go back to PENDING with a growing delay, FAILED after
 * {@value #MAX_ATTEMPTS} attempts.
 */
@Component
class MailDispatcher {

	static final int MAX_ATTEMPTS = 5;

	private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

	private static final String CLAIM = """
			update mail_outbox set status = 'SENDING', attempts = attempts + 1,
			       claimed_until = now() + interval '5 minutes'
			where id in (select id from mail_outbox
			             where ((status = 'PENDING' and next_attempt_at <= now())
			                    or (status = 'SENDING' and claimed_until < now()))
			               %s
			             order by id limit 50 for update skip locked)
			returning id, recipient, subject, body, attempts""";

	private final NamedParameterJdbcTemplate jdbc;

	private final ObjectProvider<JavaMailSender> sender;

	private final TransactionTemplate newTransaction;

	private final String from;

	MailDispatcher(NamedParameterJdbcTemplate jdbc, ObjectProvider<JavaMailSender> sender,
			PlatformTransactionManager transactions, @Value("${dafu.mail.from:dafu@localhost}") String from) {
		this.jdbc = jdbc;
		this.sender = sender;
		this.newTransaction = new TransactionTemplate(transactions);
		this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.from = from;
	}

	/** Whether an SMTP server is configured ({@code spring.mail.host}). */
	boolean canSend() {
		return this.sender.getIfAvailable() != null;
	}

	/** Sends these rows if they are still due (after the transaction that wrote them). */
	int dispatch(List<Long> ids) {
		return send(claim("and id in (:ids)", new MapSqlParameterSource("ids", ids)));
	}

	/** Sends every due row: the retry job. */
	int dispatchDue() {
		int sent = 0;
		List<Claimed> batch;
		do {
			batch = claim("", new MapSqlParameterSource());
			sent += send(batch);
		}
		while (batch.size() == 50);
		return sent;
	}

	private List<Claimed> claim(String condition, MapSqlParameterSource params) {
		if (!canSend()) {
			return List.of();
		}
		return this.newTransaction.execute((status) -> this.jdbc.query(CLAIM.formatted(condition), params,
				(rs, row) -> new Claimed(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
						rs.getString("body"), rs.getInt("attempts"))));
	}

	private int send(List<Claimed> batch) {
		JavaMailSender mail = this.sender.getIfAvailable();
		int sent = 0;
		for (Claimed row : batch) {
			try {
				MimeMessage message = mail.createMimeMessage();
				MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
				helper.setFrom(this.from);
				helper.setTo(row.recipient());
				helper.setSubject(row.subject());
				helper.setText(row.body(), false);
				mail.send(message);
				this.jdbc.update("update mail_outbox set status = 'SENT', sent_at = now(), claimed_until = null,"
						+ " last_error = null where id = :id", Map.of("id", row.id()));
				sent++;
			}
			catch (Exception ex) {
				log.warn("mail {} not sent (attempt {}): {}", row.id(), row.attempts(), LogSafe.of(ex.toString()));
				this.jdbc.update("""
						update mail_outbox set status = case when attempts >= :max then 'FAILED' else 'PENDING' end,
						       claimed_until = null, last_error = :error,
						       next_attempt_at = now() + make_interval(mins => attempts * attempts)
						where id = :id""",
						Map.of("id", row.id(), "max", MAX_ATTEMPTS, "error", LogSafe.of(ex.getMessage())));
			}
		}
		return sent;
	}

	private record Claimed(long id, String recipient, String subject, String body, int attempts) {
	}

}
