package org.dafu.platform.cache;

import org.dafu.history.AuditLog;
import org.dafu.notify.NotificationKind;
import org.dafu.notify.Notifier;
import org.dafu.notify.Recipient;
import org.dafu.reply.DisclosureMode;
import org.dafu.reply.ReplyDrafting;
import org.dafu.reply.ReplyReview;
import org.dafu.reply.ReplyService;
import org.dafu.reply.ReplyView;
import org.dafu.reply.ResultClass;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public change log (migration V77) holds only what the public can see: a draft's
 * creation and saves, a notification and an audit entry write nothing to it; issuing the
 * draft writes one row for its reply.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class PublicChangeLogTests {

	@Autowired
	TestData data;

	@Autowired
	ReplyService replies;

	@Autowired
	ReplyReview review;

	@Autowired
	ReplyDrafting drafting;

	@Autowired
	Notifier notifier;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void draftsNotificationsAndTheAuditLogWriteNoPublicChange() {
		Scenario s = this.data.scenario();
		long before = newest();
		long draft = this.data.draft(s, "草稿不记");
		ReplyView view = this.replies.readable(s.official(), draft);
		this.drafting.editDraft(s.official(), draft, view.version(),
				TestData.letter("草稿再存", DisclosureMode.PROACTIVE, ResultClass.B));
		this.notifier.notify(Recipient.unit(s.unitId()), NotificationKind.ASSIGNED, "通知", "", "/workspace", null, null);
		this.audit.record("someone", "TEST", "reply:" + draft, "审计", "127.0.0.1");
		assertThat(newest()).isEqualTo(before);

		view = this.replies.readable(s.official(), draft);
		this.review.issue(s.official(), draft, view.version());
		assertThat(this.jdbc.queryForList("select kind from public_change where id > ? and reply_id = ?", String.class,
				before, draft))
			.containsExactly("REPLY");
	}

	private long newest() {
		return this.jdbc.queryForObject("select max(id) from public_change", Long.class);
	}

}
