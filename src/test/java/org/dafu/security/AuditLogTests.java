package org.dafu.security;

import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.dafu.access.Role;
import org.dafu.access.Viewer;
import org.dafu.account.AccountService;
import org.dafu.account.AccountView;
import org.dafu.history.AuditLog;
import org.dafu.reply.DisclosureMode;
import org.dafu.reply.ReplyCorrections;
import org.dafu.reply.ReplyService;
import org.dafu.testing.AsViewer;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Promise 19 of docs/security.md: sign-ins, failed sign-ins, denials, disclosure changes
 * and account changes reach the {@code dafu.audit} logger; no password appears, and user
 * input with line breaks cannot forge a second entry. Reads the logger's events with a
 * Logback list appender.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class AuditLogTests {

	static final String PASSWORD = "audit pass phrase 42";

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	ReplyService replies;

	@Autowired
	ReplyCorrections corrections;

	@Autowired
	TestData data;

	final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	Logger logger;

	@BeforeEach
	void capture() {
		this.logger = (Logger) LoggerFactory.getLogger(AuditLog.CATEGORY);
		this.appender.start();
		this.logger.addAppender(this.appender);
	}

	@AfterEach
	void release() {
		this.logger.detachAppender(this.appender);
		this.appender.stop();
	}

	static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	static String address() {
		int n = TestData.unique();
		return "10.77." + (n / 256 % 256) + "." + (n % 256);
	}

	/** The entries this test caused, as they would be written (one message each). */
	List<String> entries(String mark) {
		return this.appender.list.stream()
			.map(ILoggingEvent::getFormattedMessage)
			.filter((m) -> m.contains(mark))
			.toList();
	}

	@Test
	void loginsFailuresDenialsDisclosureChangesAndDisablingAreAuditedWithoutPasswords() throws Exception {
		Scenario s = this.data.scenario();
		String name = "audited" + s.n();
		AccountView official = AsViewer.call(Viewer.coordinator("auditboss" + s.n()),
				() -> this.accounts.create(name, PASSWORD, Role.OFFICIAL, s.unitId(), null));
		this.mvc.perform(
				post("/login").param("username", name).param("password", PASSWORD).with(csrf()).with(from(address())))
			.andExpect(redirectedUrl("/workspace/unit"));
		this.mvc
			.perform(post("/login").param("username", name)
				.param("password", "wrong " + PASSWORD)
				.with(csrf())
				.with(from(address())))
			.andExpect(redirectedUrl("/login?error"));
		this.mvc.perform(get("/workspace/coordinator/accounts").with(AsViewer.as(Viewer.official(name, s.unitId()))))
			.andExpect(status().isForbidden());
		long reply = this.data.issued(s, DisclosureMode.PROACTIVE, "审计" + s.n());
		int version = this.replies.readable(s.official(), reply).version();
		this.corrections.changeDisclosure(s.official(), reply, version, DisclosureMode.NOT_PUBLIC, "涉及个人信息");
		AsViewer.call(Viewer.coordinator("auditboss" + s.n()), () -> {
			this.accounts.resetPassword(official.id(), "another " + PASSWORD);
			this.accounts.disable(official.id());
			return null;
		});

		List<String> mine = entries(name);
		assertThat(mine).anySatisfy((e) -> assertThat(e).contains("action=ACCOUNT_CREATED"))
			.anySatisfy((e) -> assertThat(e).contains("action=LOGIN_SUCCESS"))
			.anySatisfy((e) -> assertThat(e).contains("action=LOGIN_FAILURE"))
			.anySatisfy(
					(e) -> assertThat(e).contains("action=ACCESS_DENIED").contains("/workspace/coordinator/accounts"))
			.anySatisfy((e) -> assertThat(e).contains("action=PASSWORD_RESET"))
			.anySatisfy((e) -> assertThat(e).contains("action=ACCOUNT_DISABLED"));
		assertThat(entries("reply:" + reply))
			.anySatisfy((e) -> assertThat(e).contains("action=DISCLOSURE_CHANGED").contains("NOT_PUBLIC"));
		for (ILoggingEvent event : this.appender.list) {
			assertThat(event.getFormattedMessage()).doesNotContain(PASSWORD).doesNotContain("pass phrase");
		}
	}

	@Test
	void lineBreaksInUserInputCannotForgeASecondEntry() throws Exception {
		Scenario s = this.data.scenario();
		String mark = "forger" + s.n();
		for (String username : List.of(mark + "\nFORGED action=LOGIN_SUCCESS actor=boss",
				mark + "\rFORGED action=LOGIN_SUCCESS actor=boss", mark + "\r\nFORGED action=LOGIN_SUCCESS")) {
			this.mvc
				.perform(post("/login").param("username", username)
					.param("password", "x")
					.with(csrf())
					.with(from(address())))
				.andExpect(redirectedUrl("/login?error"));
		}
		long reply = this.data.issued(s, DisclosureMode.PROACTIVE, "审计换行" + s.n());
		int version = this.replies.readable(s.official(), reply).version();
		this.corrections.changeDisclosure(s.official(), reply, version, DisclosureMode.NOT_PUBLIC,
				mark + "理由\r\nFORGED action=DISCLOSURE_CHANGED");

		List<String> forged = entries(mark);
		assertThat(forged).hasSize(4);
		for (String entry : forged) {
			assertThat(entry).as(entry).doesNotContain("\n").doesNotContain("\r").contains("FORGED");
			assertThat(entry.lines()).hasSize(1);
		}
		assertThat(forged).allSatisfy((e) -> assertThat(e).containsAnyOf("\\n", "\\r"));
		assertThat(this.appender.list).extracting(ILoggingEvent::getFormattedMessage)
			.noneMatch((m) -> m.startsWith("FORGED"));
	}

}
