package org.dafu.reply.web;

import java.time.LocalDate;

import java.util.Map;

import org.dafu.access.Viewer;
import org.dafu.history.HistoryService;
import org.dafu.history.RevisionView;
import org.dafu.platform.ClockConfiguration;
import org.dafu.reply.DisclosureMode;
import org.dafu.reply.ReplyService;
import org.dafu.reply.ReplyView;
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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 更正: the issuing unit publishes a correction of an issued reply through the editor's
 * correction page. The public letter (and its print view, the same page) shows the
 * correction note with its date; the 索引号 stays; the original text stays in the history.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class ReplyCorrectionTests {

	static final Viewer COORDINATOR = Viewer.coordinator("boss");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	ReplyService replies;

	@Autowired
	HistoryService history;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theUnitPublishesACorrectionThatVisitorsSeeWithItsDate() throws Exception {
		Scenario s = this.data.scenario();
		long id = this.data.issued(s, DisclosureMode.PROACTIVE, "原文" + s.n());
		ReplyView original = this.replies.readable(COORDINATOR, id);
		this.mvc.perform(get("/replies/{id}", id))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"corrections\""))));
		this.mvc.perform(get("/workspace/unit/replies/{id}/preview", id).with(as(s.official())))
			.andExpect(content().string(containsString("/workspace/unit/replies/" + id + "/correction")));
		this.mvc.perform(get("/workspace/unit/replies/{id}/correction", id).with(as(s.official())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"correctionNote\"")))
			.andExpect(content().string(not(containsString("issue-form"))));

		Map<String, String> fields = EditorPosts.fieldsOf(original);
		fields.put("opening", "更正后的开头" + s.n());
		fields.put("disclosureMode", "NOT_PUBLIC");
		fields.put("disclosureReason", "想顺便撤回");
		this.mvc.perform(correction(id, fields, "第一段的日期写错，已更正为11月6日。").with(as(s.official())))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/workspace/unit/replies/" + id + "/preview"));

		ReplyView corrected = this.replies.readable(COORDINATOR, id);
		assertThat(corrected.opening()).isEqualTo("更正后的开头" + s.n());
		assertThat(corrected.indexNumber()).isEqualTo(original.indexNumber());
		assertThat(corrected.issuedAt()).isEqualTo(original.issuedAt());
		// a correction does not change the disclosure (that has its own page)
		assertThat(corrected.isPublic()).isTrue();
		String today = LocalDate.now(ClockConfiguration.ZONE).toString();
		String page = this.mvc.perform(get("/replies/{id}", id))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"corrections\"", "更正说明", "第一段的日期写错，已更正为11月6日。", today + " 更正", "更正后的开头" + s.n());
		// printed with the letter: the note is inside the letter, not in a no-print part
		String article = page.substring(page.indexOf("<article"), page.indexOf("</article>"));
		assertThat(article).contains("class=\"corrections\"");
		assertThat(article.substring(article.indexOf("class=\"corrections\"") - 200,
				article.indexOf("class=\"corrections\"")))
			.doesNotContain("no-print");
		// the original stays in the history; the correction is audited
		RevisionView revision = this.history.revisions("reply", id).get(1);
		assertThat(revision.changeKind()).isEqualTo("CORRECTED");
		assertThat(revision.before()).contains("您提出的建议原文" + s.n());
		assertThat(revision.summary()).contains("第一段的日期写错");
		assertThat(this.jdbc.sql("select count(*) from audit_log where action = 'REPLY_CORRECTED' and target = ?")
			.param("reply:" + id)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void onlyTheIssuingUnitCorrectsAndBadInputChangesNothing() throws Exception {
		Scenario s = this.data.scenario();
		long id = this.data.issued(s, DisclosureMode.PROACTIVE, "坏更正" + s.n());
		ReplyView original = this.replies.readable(COORDINATOR, id);
		Map<String, String> fields = EditorPosts.fieldsOf(original);
		fields.put("opening", "不应保存" + s.n());
		String url = "/workspace/unit/replies/" + id + "/correction";
		this.mvc.perform(get(url).with(as(s.otherOfficial()))).andExpect(status().isNotFound());
		this.mvc.perform(get(url).with(as(COORDINATOR))).andExpect(status().isForbidden());
		this.mvc.perform(get(url).with(as(s.lead()))).andExpect(status().isForbidden());
		this.mvc.perform(correction(id, fields, "说明").with(as(s.otherOfficial()))).andExpect(status().isNotFound());
		MockHttpServletRequestBuilder noCsrf = post(url).param("correctionNote", "说明");
		fields.forEach(noCsrf::param);
		this.mvc.perform(noCsrf.with(as(s.official()))).andExpect(status().isForbidden());

		this.mvc.perform(correction(id, fields, "  ").with(as(s.official())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请填写更正说明")));
		this.mvc.perform(correction(id, fields, "长".repeat(1001)).with(as(s.official())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("更正说明太长了")));
		this.mvc.perform(correction(id, fields, "").param("lang", "en").with(as(s.official())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Please write the correction note")));
		Map<String, String> noClass = new java.util.LinkedHashMap<>(fields);
		noClass.put("resultClass", "");
		this.mvc.perform(correction(id, noClass, "说明").with(as(s.official())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"invalid\"")));
		Map<String, String> noSections = new java.util.LinkedHashMap<>();
		fields.forEach((k, v) -> {
			if (!k.startsWith("sections")) {
				noSections.put(k, v);
			}
		});
		this.mvc.perform(correction(id, noSections, "说明").with(as(s.official())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("至少要有一节正文")));
		Map<String, String> stale = new java.util.LinkedHashMap<>(fields);
		stale.put("version", Integer.toString(original.version() + 7));
		this.mvc.perform(correction(id, stale, "说明").with(as(s.official())))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("/workspace/unit/replies/" + id + "/correction")));
		ReplyView after = this.replies.readable(COORDINATOR, id);
		assertThat(after.version()).isEqualTo(original.version());
		assertThat(after.opening()).isEqualTo(original.opening());
		assertThat(after.corrections()).isEmpty();
		// a draft is corrected by editing it
		long draft = this.data.draft(s, this.data.anotherProposal(s), "草稿" + s.n());
		this.mvc.perform(get("/workspace/unit/replies/{id}/correction", draft).with(as(s.official())))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/workspace/unit/replies/" + draft + "/edit"));
	}

	private static MockHttpServletRequestBuilder correction(long id, Map<String, String> fields, String note) {
		MockHttpServletRequestBuilder request = post("/workspace/unit/replies/" + id + "/correction").with(csrf())
			.param("action", "save")
			.param("correctionNote", note);
		fields.forEach(request::param);
		return request;
	}

}
