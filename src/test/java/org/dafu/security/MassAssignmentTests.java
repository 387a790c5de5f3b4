package org.dafu.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.dafu.testing.AsViewer;
import org.dafu.access.Role;
import org.dafu.access.Viewer;
import org.dafu.account.AccountService;
import org.dafu.account.AccountView;
import org.dafu.reply.DisclosureMode;
import org.dafu.reply.ReplyDrafting;
import org.dafu.reply.ReplyKind;
import org.dafu.reply.ReplyReview;
import org.dafu.reply.ReplyService;
import org.dafu.reply.ResultClass;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dafu.testing.AsViewer.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Promise 13 of docs/security.md: forms bind to records, so ids, states and owners cannot
 * be posted in. Every form on main gets extra fields ({@code status=ISSUED},
 * {@code unitId}, {@code deputyId}, {@code id}, {@code version}, {@code role},
 * {@code enabled}, ...) that are not its own; the change it makes is the one its own
 * fields describe, for the signed-in owner, and nothing else moves.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class MassAssignmentTests {

	static final String PASSWORD = "mass assignment passphrase";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	AccountService accounts;

	@Autowired
	ReplyService replies;

	@Autowired
	ReplyReview review;

	@Autowired
	ReplyDrafting drafting;

	@Autowired
	JdbcClient jdbc;

	final Viewer coordinator = Viewer.coordinator("massboss");

	/** Fields that are not the form's own, aimed at someone else's rows. */
	static Map<String, String> extras(Scenario victim, long victimId, String... own) {
		Map<String, String> extras = new LinkedHashMap<>();
		extras.put("id", String.valueOf(victimId));
		extras.put("status", "ISSUED");
		extras.put("kind", "REHANDLING");
		extras.put("unitId", String.valueOf(victim.otherUnitId()));
		extras.put("deputyId", String.valueOf(victim.bystanderId()));
		extras.put("proposalId", String.valueOf(victim.proposalId()));
		extras.put("replyId", String.valueOf(victimId));
		extras.put("sessionId", String.valueOf(victim.sessionId()));
		extras.put("version", "99");
		extras.put("username", "victim" + victim.n());
		extras.put("role", "COORDINATOR");
		extras.put("enabled", "false");
		extras.put("active", "false");
		extras.put("sessionEpoch", "7");
		extras.put("passwordHash", "{noop}known");
		extras.put("evaluationClosed", "true");
		extras.put("disclosureMode", "NOT_PUBLIC");
		extras.put("createdAt", "2000-01-01T00:00:00Z");
		for (String field : own) {
			extras.remove(field);
		}
		return extras;
	}

	static MockHttpServletRequestBuilder with(MockHttpServletRequestBuilder request, Map<String, String> params) {
		params.forEach(request::param);
		return request.with(csrf());
	}

	AccountView account(Role role, Scenario s) {
		String name = "mass" + role.name().toLowerCase() + TestData.unique();
		return AsViewer.call(this.coordinator, () -> this.accounts.create(name, PASSWORD, role,
				(role == Role.OFFICIAL) ? s.unitId() : null, (role == Role.DEPUTY) ? s.leadDeputyId() : null));
	}

	Map<String, Object> accountRow(long id) {
		return this.jdbc
			.sql("select username, password_hash, role, enabled, session_epoch, email, unit_id, deputy_id"
					+ " from account where id = ?")
			.param(id)
			.query()
			.singleRow();
	}

	@Test
	void anEvaluationIsTheSignedInDeputysOwnOfTheRepliesInItsUrl() throws Exception {
		Scenario s = this.data.scenario();
		long reply = this.data.issued(s, DisclosureMode.PROACTIVE, "测评" + s.n());
		long other = this.data.issued(s, DisclosureMode.PROACTIVE, "另一" + s.n());
		Map<String, String> params = extras(s, other, "deputyId");
		params.put("deputyId", String.valueOf(s.bystanderId()));
		params.put("attitude", "SATISFIED");
		params.put("result", "SATISFIED");
		params.put("comment", "好");
		this.mvc.perform(with(post("/my/replies/{id}/evaluation", reply).with(as(s.lead())), params))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("select reply_id, deputy_id from evaluation where reply_id in (?, ?)")
			.params(reply, other)
			.query()
			.listOfRows()).singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("reply_id", reply)
				.containsEntry("deputy_id", s.leadDeputyId()));
	}

	@Test
	void aFollowIsTheSignedInViewersOwn() throws Exception {
		Scenario s = this.data.scenario();
		String keyword = "关注" + s.n();
		Map<String, String> params = extras(s, 1, "unitId", "proposalId");
		params.put("kind", "KEYWORD");
		params.put("keyword", keyword);
		this.mvc.perform(with(post("/following").with(as(s.lead())), params)).andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("select username from follow where keyword = ?")
			.param(keyword)
			.query(String.class)
			.list()).containsExactly(s.lead().username());
	}

	@Test
	void ownEmailAndPasswordChangesTouchOnlyTheSignedInAccountAndOnlyThoseFields() throws Exception {
		Scenario s = this.data.scenario();
		AccountView me = account(Role.OFFICIAL, s);
		AccountView victim = account(Role.OFFICIAL, s);
		Map<String, Object> victimBefore = accountRow(victim.id());
		Viewer viewer = Viewer.official(me.username(), s.unitId());
		Map<String, String> params = extras(s, victim.id());
		params.put("username", victim.username());
		params.put("email", "me" + s.n() + "@example.gov.cn");
		this.mvc.perform(with(post("/account/email").with(as(viewer)), params)).andExpect(status().is3xxRedirection());
		params.remove("email");
		params.put("currentPassword", PASSWORD);
		params.put("newPassword", "a brand new passphrase");
		params.put("confirmPassword", "a brand new passphrase");
		this.mvc.perform(with(post("/account/password").with(as(viewer)), params))
			.andExpect(status().is3xxRedirection());

		Map<String, Object> mine = accountRow(me.id());
		assertThat(mine).containsEntry("email", "me" + s.n() + "@example.gov.cn")
			.containsEntry("role", "OFFICIAL")
			.containsEntry("enabled", true)
			.containsEntry("unit_id", s.unitId());
		assertThat((String) mine.get("password_hash")).startsWith("{bcrypt}");
		assertThat(accountRow(victim.id())).isEqualTo(victimBefore);
	}

	@Test
	void aNewAccountGetsItsStateFromTheServiceNotTheForm() throws Exception {
		Scenario s = this.data.scenario();
		AccountView victim = account(Role.DEPUTY, s);
		Map<String, Object> victimBefore = accountRow(victim.id());
		String name = "massnew" + s.n();
		Map<String, String> params = extras(s, victim.id(), "unitId", "deputyId");
		params.put("username", name);
		params.put("password", PASSWORD);
		params.put("role", "OFFICIAL");
		params.put("unitId", String.valueOf(s.unitId()));
		this.mvc.perform(with(post("/workspace/coordinator/accounts").with(as(this.coordinator)), params))
			.andExpect(status().is3xxRedirection());
		Map<String, Object> created = this.jdbc
			.sql("select password_hash, role, enabled, session_epoch from account where username = ?")
			.param(name)
			.query()
			.singleRow();
		assertThat(created).containsEntry("role", "OFFICIAL")
			.containsEntry("enabled", true)
			.containsEntry("session_epoch", 0);
		assertThat((String) created.get("password_hash")).startsWith("{bcrypt}");
		assertThat(accountRow(victim.id())).isEqualTo(victimBefore);
	}

	@Test
	void coordinatorFormsChangeOnlyTheRowInTheirUrlAndOnlyTheirFields() throws Exception {
		Scenario s = this.data.scenario();
		Scenario victim = this.data.scenario();
		// session
		Map<String, Object> session = this.jdbc
			.sql("select body_type, level, term, session_number, name from congress_session where id = ?")
			.param(s.sessionId())
			.query()
			.singleRow();
		Map<String, String> params = extras(victim, victim.sessionId(), "version");
		params.put("bodyType", (String) session.get("body_type"));
		params.put("level", (String) session.get("level"));
		params.put("term", String.valueOf(session.get("term")));
		params.put("sessionNumber", String.valueOf(session.get("session_number")));
		params.put("year", "2023");
		params.put("name", session.get("name") + "改");
		params.put("version", "0");
		this.mvc
			.perform(with(post("/workspace/coordinator/sessions/{id}", s.sessionId()).with(as(this.coordinator)),
					params))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("select evaluation_closed, year from congress_session where id = ?")
			.param(s.sessionId())
			.query()
			.singleRow()).containsEntry("evaluation_closed", false).containsEntry("year", 2023);
		assertThat(sessionName(victim.sessionId())).isEqualTo("测试会议" + victim.n());
		// unit
		params = extras(victim, victim.unitId(), "version");
		params.put("name", "改名单位" + s.n());
		params.put("orgCode", "T" + s.n());
		params.put("version", "0");
		this.mvc.perform(with(post("/workspace/coordinator/units/{id}", s.unitId()).with(as(this.coordinator)), params))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("select active, name from handling_unit where id = ?")
			.param(s.unitId())
			.query()
			.singleRow()).containsEntry("active", true).containsEntry("name", "改名单位" + s.n());
		assertThat(this.jdbc.sql("select name from handling_unit where id = ?")
			.param(victim.unitId())
			.query(String.class)
			.single()).isEqualTo("测试单位" + victim.n());
		// new deputy
		params = extras(victim, victim.leadDeputyId());
		params.put("name", "新代表" + s.n());
		params.put("delegation", "柯城区");
		this.mvc.perform(with(post("/workspace/coordinator/deputies").with(as(this.coordinator)), params))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("select active from deputy where name = ?")
			.param("新代表" + s.n())
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(this.jdbc.sql("select name from deputy where id = ?")
			.param(victim.leadDeputyId())
			.query(String.class)
			.single()).isEqualTo("领衔代表" + victim.n());
	}

	@Test
	void proposalFormsCannotSetStatusSessionNumberOrUnitsOfOtherRows() throws Exception {
		Scenario s = this.data.scenario();
		Scenario victim = this.data.scenario();
		String title = "关于批量赋值" + s.n() + "的建议";
		Map<String, String> params = extras(victim, victim.proposalId(), "sessionId");
		params.put("sessionId", String.valueOf(s.sessionId()));
		params.put("number", "77");
		params.put("title", title);
		params.put("body", "正文");
		params.put("leadDeputyId", String.valueOf(s.leadDeputyId()));
		params.put("status", "REPLIED");
		this.mvc.perform(with(post("/workspace/coordinator/proposals").with(as(this.coordinator)), params))
			.andExpect(status().is3xxRedirection());
		long created = this.jdbc.sql("select id from proposal where title = ?").param(title).query(Long.class).single();
		assertThat(proposalRow(created)).containsEntry("status", "REGISTERED")
			.containsEntry("session_id", s.sessionId())
			.containsEntry("number", 77);
		Map<String, Object> victimBefore = proposalRow(victim.proposalId());

		// revising cannot move the proposal to another session, number or status
		params = extras(victim, victim.proposalId(), "sessionId", "version");
		params.put("sessionId", String.valueOf(victim.sessionId()));
		params.put("number", "999");
		params.put("title", title + "改");
		params.put("leadDeputyId", String.valueOf(s.leadDeputyId()));
		params.put("status", "CLOSED");
		params.put("version", "0");
		this.mvc
			.perform(with(post("/workspace/coordinator/proposals/{id}", created).with(as(this.coordinator)), params))
			.andExpect(status().is3xxRedirection());
		assertThat(proposalRow(created)).containsEntry("status", "REGISTERED")
			.containsEntry("session_id", s.sessionId())
			.containsEntry("number", 77)
			.containsEntry("title", title + "改");

		// assigning sets the lead unit named by leadUnitId, and only the status a
		// proposal takes when assigned
		int version = this.jdbc.sql("select version from proposal where id = ?")
			.param(created)
			.query(Integer.class)
			.single();
		params = extras(victim, victim.proposalId(), "version");
		params.put("leadUnitId", String.valueOf(s.unitId()));
		params.put("assignedOn", "2022-03-01");
		params.put("status", "CLOSED");
		params.put("version", String.valueOf(version));
		this.mvc
			.perform(with(post("/workspace/coordinator/proposals/{id}/assignment", created).with(as(this.coordinator)),
					params))
			.andExpect(status().is3xxRedirection());
		assertThat(proposalRow(created)).containsEntry("status", "ASSIGNED");
		assertThat(this.jdbc.sql("select unit_id from assignment where proposal_id = ?")
			.param(created)
			.query(Long.class)
			.list()).containsExactly(s.unitId());
		assertThat(proposalRow(victim.proposalId())).isEqualTo(victimBefore);
	}

	@Test
	void aFollowUpIsIssuedForTheOfficialsUnitOnTheReplyInItsUrl() throws Exception {
		Scenario s = this.data.scenario();
		Scenario victim = this.data.scenario();
		long draft = this.drafting.createDraft(s.official(), s.proposalId(), ReplyKind.ORIGINAL,
				TestData.letter("续办" + s.n(), DisclosureMode.PROACTIVE, ResultClass.B));
		long base = this.review.issue(s.official(), draft, this.replies.readable(s.official(), draft).version()).id();
		Map<String, String> params = extras(victim, victim.proposalId());
		params.put("heading", "续办标题" + s.n());
		params.put("body", "续办正文");
		params.put("resultClass", "A");
		params.put("formToken", UUID.randomUUID().toString());
		params.put("status", "DRAFT");
		params.put("kind", "ORIGINAL");
		this.mvc.perform(with(post("/workspace/unit/follow-ups/{id}", base).with(as(s.official())), params))
			.andExpect(status().is3xxRedirection());
		Map<String, Object> followUp = this.jdbc
			.sql("select r.proposal_id, r.unit_id, r.kind, r.status from reply r join reply_section rs"
					+ " on rs.reply_id = r.id where rs.heading = ?")
			.param("续办标题" + s.n())
			.query()
			.singleRow();
		assertThat(followUp).containsEntry("proposal_id", s.proposalId())
			.containsEntry("unit_id", s.unitId())
			.containsEntry("kind", "FOLLOW_UP")
			.containsEntry("status", "ISSUED");
		assertThat(this.jdbc.sql("select count(*) from reply where proposal_id = ?")
			.param(victim.proposalId())
			.query(Long.class)
			.single()).isZero();
	}

	String sessionName(long id) {
		return this.jdbc.sql("select name from congress_session where id = ?").param(id).query(String.class).single();
	}

	Map<String, Object> proposalRow(long id) {
		return this.jdbc.sql("select session_id, number, title, status, lead_deputy_id from proposal where id = ?")
			.param(id)
			.query()
			.singleRow();
	}

}
