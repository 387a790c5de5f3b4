package org.dafu.notify;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dafu.platform.i18n.MessagesConfiguration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a notice and its mails in the caller's transaction: the notice and the outbox
 * rows commit together with the change they report, or not at all. Mails are sent after
 * commit by the {@link MailOutbox}.
 */
@Service
public class Notifier {

	private final NamedParameterJdbcTemplate jdbc;

	private final MailOutbox outbox;

	private final ObjectProvider<RecipientDirectory> directory;

	private final MessageSource messages;

	private final String baseUrl;

	Notifier(NamedParameterJdbcTemplate jdbc, MailOutbox outbox, ObjectProvider<RecipientDirectory> directory,
			MessageSource messages,
			@Value("${dafu.base-url:${dafu.public-url:http://localhost:8080}}") String baseUrl) {
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.directory = directory;
		this.messages = messages;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/**
	 * A notice to one recipient, and a mail to each of its addresses.
	 * @param subject the proposal as the notice names it (argument 0 of the messages)
	 * @param detail a detail such as a date or unit (argument 1), may be empty
	 * @param link a path inside the portal, may be null
	 */
	@Transactional
	public long notify(Recipient recipient, NotificationKind kind, String subject, String detail, String link,
			Long proposalId, Long replyId) {
		MapSqlParameterSource params = new MapSqlParameterSource(Map.of("kind", kind.name(), "subject",
				cut(subject, 400), "detail", cut((detail != null) ? detail : "", 400)));
		params.addValue("deputy", recipient.deputyId());
		params.addValue("unit", recipient.unitId());
		params.addValue("role", recipient.role());
		params.addValue("username", recipient.username());
		params.addValue("link", link);
		params.addValue("proposal", proposalId);
		params.addValue("reply", replyId);
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.update("""
				insert into notification (kind, recipient_deputy_id, recipient_unit_id, recipient_role,
				  recipient_username, subject_text, detail_text, link, proposal_id, reply_id)
				values (:kind, :deputy, :unit, :role, :username, :subject, :detail, :link, :proposal, :reply)""",
				params, key, new String[] { "id" });
		long id = key.getKey().longValue();
		Set<String> addresses = new LinkedHashSet<>(
				this.directory.getIfAvailable(() -> RecipientDirectory.NONE).of(recipient));
		if (!addresses.isEmpty()) {
			Object[] args = { subject, (detail != null) ? detail : "" };
			String mailSubject = text("notify.mail.subject." + kind, args);
			String body = text("notify.mail.body." + kind, args) + ((link != null) ? "\n\n" + this.baseUrl + link : "")
					+ "\n\n" + text("notify.mail.footer", args);
			for (String address : addresses) {
				this.outbox.enqueue(address, mailSubject, body, id);
			}
		}
		return id;
	}

	/** The same notice to several recipients. */
	@Transactional
	public void notifyAll(List<Recipient> recipients, NotificationKind kind, String subject, String detail, String link,
			Long proposalId, Long replyId) {
		for (Recipient recipient : recipients) {
			notify(recipient, kind, subject, detail, link, proposalId, replyId);
		}
	}

	private String text(String key, Object[] args) {
		return this.messages.getMessage(key, args, MessagesConfiguration.DEFAULT_LOCALE);
	}

	private static String cut(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max - 1) + "…";
	}

}
