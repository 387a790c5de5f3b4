package org.dafu.notify;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.dafu.DafuApplication;
import org.dafu.evaluation.EvaluationService;
import org.dafu.evaluation.RateCommand;
import org.dafu.evaluation.Rating;
import org.dafu.proposal.ProposalService;
import org.dafu.proposal.ProposalService.RegisterProposalCommand;
import org.dafu.reply.DisclosureMode;
import org.dafu.reply.ReplyDrafting;
import org.dafu.reply.ReplyKind;
import org.dafu.reply.ReplyReview;
import org.dafu.reply.ReplyService;
import org.dafu.reply.ResultClass;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mail through a real SMTP server in the test JVM (GreenMail): the right recipients, a
 * Chinese subject that arrives RFC 2047 encoded and reads back as written, and deadline
 * reminders that go out once however often and wherever the job runs.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ TestDataConfiguration.class, TestRecipients.class })
class MailNotificationTests {

	static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	static {
		SMTP.start();
	}

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
	}

	@AfterAll
	static void stop() {
		SMTP.stop();
	}

	@Autowired
	TestData data;

	@Autowired
	ReplyService replies;

	@Autowired
	ReplyReview review;

	@Autowired
	ReplyDrafting drafting;

	@Autowired
	ProposalService proposals;

	@Autowired
	EvaluationService evaluations;

	@Autowired
	DeadlineReminders reminders;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Environment environment;

	@Autowired
	Clock clock;

	@Autowired
	MailDispatcher dispatcher;

	@Autowired
	NamedParameterJdbcTemplate namedJdbc;

	@Autowired
	PlatformTransactionManager transactions;

	static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String to(MimeMessage message) {
		try {
			return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
				.map(Object::toString)
				.reduce((a, b) -> a + "," + b)
				.orElse("");
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The mails whose subject contains both texts, waiting for at least {@code least}.
	 */
	static List<MimeMessage> mails(String kindText, String proposalText, int least) throws InterruptedException {
		List<MimeMessage> found = List.of();
		for (int i = 0; i < 100; i++) {
			found = Arrays.stream(SMTP.getReceivedMessages())
				.filter((m) -> subject(m).contains(kindText) && subject(m).contains(proposalText))
				.toList();
			if (found.size() >= least) {
				break;
			}
			Thread.sleep(100);
		}
		return found;
	}

	long issue(Scenario s, DisclosureMode mode, ResultClass resultClass, String marker) {
		long id = this.drafting.createDraft(s.official(), s.proposalId(), ReplyKind.ORIGINAL,
				TestData.letter(marker, mode, resultClass));
		return this.review.issue(s.official(), id, this.replies.readable(s.official(), id).version()).id();
	}

	/** A proposal of the scenario's session assigned today, due in three days. */
	long dueSoon(Scenario s, String title) {
		LocalDate today = LocalDate.now(this.clock);
		long id = this.proposals
			.register(new RegisterProposalCommand(s.sessionId(), 1000 + TestData.unique() % 100_000, title, "正文",
					s.leadDeputyId(), Set.of(), null, today, false))
			.id();
		this.proposals.assign(id, s.unitId(), List.of(), today, today.plusDays(3));
		return id;
	}

	@Test
	void anAssignmentIsMailedToTheUnit() throws Exception {
		Scenario s = this.data.scenario();
		List<MimeMessage> mails = mails("新交办建议", "关于测试建议" + s.n() + "的建议", 1);
		assertThat(mails).hasSize(1);
		assertThat(to(mails.get(0))).isEqualTo("unit-" + s.unitId() + "@example.org");
		assertThat(subject(mails.get(0))).isEqualTo("【答复】新交办建议：第4号《关于测试建议" + s.n() + "的建议》");
	}

	@Test
	void anIssuedReplyIsMailedToTheLeadDeputyAndCosignersWithAReadableChineseSubject() throws Exception {
		Scenario s = this.data.scenario();
		issue(s, DisclosureMode.ON_REQUEST, ResultClass.A, "邮件甲");
		List<MimeMessage> mails = mails("已收到答复", "关于测试建议" + s.n() + "的建议", 2);
		assertThat(mails).extracting(MailNotificationTests::to)
			.containsExactlyInAnyOrder("deputy-" + s.leadDeputyId() + "@example.org",
					"deputy-" + s.cosignerId() + "@example.org");
		MimeMessage mail = mails.get(0);
		assertThat(subject(mail)).isEqualTo("【答复】您的建议已收到答复：第4号《关于测试建议" + s.n() + "的建议》");
		// on the wire the subject is RFC 2047 encoded; getSubject() decoded it above
		assertThat(mail.getHeader("Subject")[0]).startsWith("=?UTF-8?").doesNotContain("答复");
		assertThat(mail.getContent().toString()).contains("测试单位" + s.n()).contains("/my/proposals/" + s.proposalId());
		assertThat(this.jdbc.queryForList("select status from mail_outbox where recipient = ? and subject like ?",
				String.class, "deputy-" + s.leadDeputyId() + "@example.org", "%已收到答复%"))
			.containsExactly("SENT");
	}

	@Test
	void anUnsatisfiedRatingIsMailedToTheUnitAndTheCoordinators() throws Exception {
		Scenario s = this.data.scenario();
		long reply = issue(s, DisclosureMode.PROACTIVE, ResultClass.C, "邮件乙");
		this.evaluations.rate(s.lead(), reply, new RateCommand(Rating.SATISFIED, Rating.UNSATISFIED, "未解决"));
		List<MimeMessage> mails = mails("退回重新办理", "关于测试建议" + s.n() + "的建议", 2);
		assertThat(mails).extracting(MailNotificationTests::to)
			.containsExactlyInAnyOrder("unit-" + s.unitId() + "@example.org", "coordinators@example.org");
	}

	@Test
	void theReminderJobRunTwiceSendsEachReminderOnce() throws Exception {
		Scenario s = this.data.scenario();
		String title = "关于期限提醒" + s.n() + "的建议";
		long proposal = dueSoon(s, title);
		this.reminders.run();
		this.reminders.run();
		List<MimeMessage> mails = mails("答复期限将至", title, 2);
		assertThat(mails).extracting(MailNotificationTests::to)
			.containsExactlyInAnyOrder("unit-" + s.unitId() + "@example.org", "coordinators@example.org");
		assertThat(this.jdbc.queryForObject("""
				select count(*) from reminder_sent r join assignment a on a.id = r.assignment_id
				where a.proposal_id = ?""", Integer.class, proposal)).isEqualTo(1);
		// the scenario's own proposal (deadline 2022-06-01, no reply) is overdue: told
		// once too
		assertThat(mails("已超过答复期限", "关于测试建议" + s.n() + "的建议", 2)).hasSize(2);
	}

	@Test
	void twoApplicationContextsOnOneDatabaseSendEachReminderOnce() throws Exception {
		Scenario s = this.data.scenario();
		String title = "关于两实例提醒" + s.n() + "的建议";
		dueSoon(s, title);
		List<String> properties = new ArrayList<>();
		for (String key : List.of("spring.datasource.url", "spring.datasource.username",
				"spring.datasource.password")) {
			properties.add(key + "=" + this.environment.getProperty(key));
		}
		properties.add("spring.mail.host=127.0.0.1");
		properties.add("spring.mail.port=" + SMTP.getSmtp().getPort());
		properties.add("dafu.notify.scheduler.enabled=false");
		properties.add("spring.jmx.enabled=false");
		properties.add("server.port=0");
		try (ConfigurableApplicationContext second = new SpringApplicationBuilder(DafuApplication.class,
				TestRecipients.class)
			// a whole second instance on a random port: the security configuration needs
			// a
			// servlet web application, so web type NONE cannot start the app
			.web(WebApplicationType.SERVLET)
			.properties(properties.toArray(String[]::new))
			.run()) {
			assertThat(second.getEnvironment().getProperty("spring.datasource.url"))
				.isEqualTo(this.environment.getProperty("spring.datasource.url"));
			DeadlineReminders other = second.getBean(DeadlineReminders.class);
			assertThat(other).isNotSameAs(this.reminders);
			CountDownLatch start = new CountDownLatch(1);
			CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> runAfter(start, this.reminders));
			CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> runAfter(start, other));
			start.countDown();
			a.get(60, TimeUnit.SECONDS);
			b.get(60, TimeUnit.SECONDS);
			// and once more each, as after a restart
			this.reminders.run();
			other.run();
		}
		List<MimeMessage> mails = mails("答复期限将至", title, 2);
		assertThat(mails).extracting(MailNotificationTests::to)
			.containsExactlyInAnyOrder("unit-" + s.unitId() + "@example.org", "coordinators@example.org");
	}

	@Test
	void aFailedSendIsRetriedAndAMailLeftByACrashedSenderIsSentOnce() throws Exception {
		String marker = "重试" + TestData.unique();
		long failing = insertMail("retry@example.org", "【答复】重试邮件" + marker, "PENDING", "now()");
		long orphan = insertMail("orphan@example.org", "【答复】遗留邮件" + marker, "SENDING", "now() - interval '1 hour'");
		// an SMTP server that is not there: the row goes back to PENDING, later
		JavaMailSenderImpl nowhere = new JavaMailSenderImpl();
		nowhere.setHost("127.0.0.1");
		nowhere.setPort(1);
		MailDispatcher broken = new MailDispatcher(this.namedJdbc,
				new StaticListableBeanFactory(Map.of("nowhere", nowhere)).getBeanProvider(JavaMailSender.class),
				this.transactions, "dafu@localhost");
		broken.dispatch(List.of(failing));
		Map<String, Object> row = this.jdbc
			.queryForMap("select status, attempts, last_error, next_attempt_at > now() as later from mail_outbox"
					+ " where id = ?", failing);
		assertThat(row.get("status")).isEqualTo("PENDING");
		assertThat(row.get("attempts")).isEqualTo(1);
		assertThat(row.get("last_error")).isNotNull();
		assertThat(row.get("later")).isEqualTo(true);
		// not yet due: the retry job leaves it
		this.dispatcher.dispatch(List.of(failing));
		assertThat(this.jdbc.queryForObject("select status from mail_outbox where id = ?", String.class, failing))
			.isEqualTo("PENDING");
		// once due, the retry job sends it, and the crashed sender's row, exactly once
		this.jdbc.update("update mail_outbox set next_attempt_at = now() where id = ?", failing);
		this.dispatcher.dispatchDue();
		this.dispatcher.dispatchDue();
		assertThat(mails("重试邮件", marker, 1)).extracting(MailNotificationTests::to).containsExactly("retry@example.org");
		assertThat(mails("遗留邮件", marker, 1)).extracting(MailNotificationTests::to)
			.containsExactly("orphan@example.org");
		assertThat(this.jdbc.queryForList("select status from mail_outbox where id in (?, ?)", String.class, failing,
				orphan))
			.containsOnly("SENT");
	}

	long insertMail(String recipient, String subject, String status, String claimedUntil) {
		return this.jdbc.queryForObject("insert into mail_outbox (recipient, subject, body, status, claimed_until)"
				+ " values (?, ?, '正文', ?, " + claimedUntil + ") returning id", Long.class, recipient, subject, status);
	}

	static int runAfter(CountDownLatch start, DeadlineReminders reminders) {
		try {
			start.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return reminders.run();
	}

}
