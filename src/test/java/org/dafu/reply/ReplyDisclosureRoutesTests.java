package org.dafu.reply;

import java.util.List;

import org.dafu.access.Viewer;
import org.dafu.history.HistoryService;
import org.dafu.history.RevisionView;
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
 * Withdrawing a reply from public view and making it public again, through the staff
 * routes: who may, what bad input gets, and that a withdrawal leaves every public exit
 * (pages in the page cache included) at once.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class ReplyDisclosureRoutesTests {

	static final Viewer COORDINATOR = Viewer.coordinator("boss");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	ReplyService replies;

	@Autowired
	ReplyCorrections corrections;

	@Autowired
	HistoryService history;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCoordinatorWithdrawsThroughTheRouteAndEveryPublicExitDropsItAtOnce() throws Exception {
		Scenario s = this.data.scenario();
		String word = TestData.cjkWord();
		long id = this.data.issued(s, DisclosureMode.PROACTIVE, word);
		String index = this.replies.readable(COORDINATOR, id).indexNumber();
		List<String> exits = List.of("/replies/" + id, "/replies/index/" + index, "/search?q=" + word,
				"/api/v1/replies?q=" + word, "/api/v1/replies/" + id, "/replies.csv?q=" + word,
				"/replies.atom?q=" + word, "/sitemap.xml");
		List<String> lists = List.of("/replies", "/");
		String link = "href=\"/replies/" + id + "\"";
		// the visitor's view, which also fills the page cache
		for (String exit : exits) {
			assertThat(anonymous(exit)).as(exit + " before").contains(index);
		}
		for (String list : lists) {
			assertThat(anonymous(list)).as(list + " before").contains(link);
		}
		this.mvc.perform(get("/workspace/replies/{id}/disclosure", id).with(as(COORDINATOR)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("withdraw-form")));

		this.mvc.perform(withdrawal(id, version(id), "NOT_PUBLIC", "涉及个人隐私" + word).with(as(COORDINATOR)))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/workspace/replies/" + id + "/disclosure"));

		for (String exit : exits) {
			assertThat(anonymous(exit)).as(exit + " after").doesNotContain(index);
		}
		for (String list : lists) {
			assertThat(anonymous(list)).as(list + " after").doesNotContain(link);
		}
		this.mvc.perform(get("/replies/{id}", id)).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/replies/{id}", id)).andExpect(status().isNotFound());
		// the deputies it concerns still read it
		this.mvc.perform(get("/replies/{id}", id).with(as(s.lead()))).andExpect(status().isOk());
		// audited and in the history, with the reason
		assertThat(this.jdbc.sql("select detail from audit_log where action = 'DISCLOSURE_CHANGED' and target = ?")
			.param("reply:" + id)
			.query(String.class)
			.list()).singleElement().asString().contains("NOT_PUBLIC").contains("涉及个人隐私");
		assertThat(this.history.revisions("reply", id)).extracting(RevisionView::changeKind)
			.containsExactly("ISSUED", "DISCLOSURE_CHANGED");
		assertThat(this.history.revisions("reply", id).get(1).summary()).contains("涉及个人隐私");

		// the coordinator makes it public again
		this.mvc.perform(redisclosure(id, version(id), "已删除个人信息").with(as(COORDINATOR)))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/replies/{id}", id)).andExpect(status().isOk());
		assertThat(anonymous("/search?q=" + word)).contains(index);
	}

	@Test
	void theRepliesUnitWithdrawsButOnlyACoordinatorRestores() throws Exception {
		Scenario s = this.data.scenario();
		long id = this.data.issued(s, DisclosureMode.PROACTIVE, "单位撤回" + s.n());
		String url = "/workspace/replies/" + id + "/disclosure";
		this.mvc.perform(get(url).with(as(s.official())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("withdraw-form")));
		// others: another unit's official 403, deputies 403, visitors to the sign-in page
		this.mvc.perform(get(url).with(as(s.otherOfficial()))).andExpect(status().isForbidden());
		this.mvc.perform(get(url).with(as(s.lead()))).andExpect(status().isForbidden());
		this.mvc.perform(get(url)).andExpect(status().is3xxRedirection());
		this.mvc.perform(withdrawal(id, version(id), "ON_REQUEST", "理由").with(as(s.otherOfficial())))
			.andExpect(status().isForbidden());
		this.mvc.perform(withdrawal(id, version(id), "ON_REQUEST", "理由").with(as(s.lead())))
			.andExpect(status().isForbidden());
		this.mvc.perform(withdrawal(id, version(id), "ON_REQUEST", "理由")).andExpect(status().is3xxRedirection());
		// without the CSRF token
		this.mvc
			.perform(post("/workspace/replies/{id}/withdrawal", id).param("version", Integer.toString(version(id)))
				.param("mode", "ON_REQUEST")
				.param("reason", "理由")
				.param("confirm", "yes")
				.with(as(s.official())))
			.andExpect(status().isForbidden());
		assertThat(this.replies.readable(COORDINATOR, id).isPublic()).isTrue();

		this.mvc.perform(withdrawal(id, version(id), "ON_REQUEST", "依申请公开").with(as(s.official())))
			.andExpect(status().is3xxRedirection());
		assertThat(this.replies.readable(COORDINATOR, id).disclosureMode()).isEqualTo(DisclosureMode.ON_REQUEST);
		// once withdrawn, a reply of another unit is not found at all
		this.mvc.perform(get(url).with(as(s.otherOfficial()))).andExpect(status().isNotFound());
		// the unit cannot make it public again: coordinators do
		this.mvc.perform(get(url).with(as(s.official())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("redisclose-by-coordinator")))
			.andExpect(content().string(not(containsString("redisclose-form"))));
		this.mvc.perform(redisclosure(id, version(id), "恢复").with(as(s.official()))).andExpect(status().isForbidden());
		assertThat(this.replies.readable(COORDINATOR, id).isPublic()).isFalse();
		this.mvc.perform(get(url).with(as(COORDINATOR))).andExpect(content().string(containsString("redisclose-form")));
	}

	@Test
	void badInputGetsAClearMessageAndChangesNothing() throws Exception {
		Scenario s = this.data.scenario();
		long id = this.data.issued(s, DisclosureMode.PROACTIVE, "坏输入" + s.n());
		int version = version(id);
		String tooLong = "长".repeat(ReplyCorrections.MAX_DISCLOSURE_REASON + 1);
		check(withdrawal(id, version, "NOT_PUBLIC", " "), 200, "请填写理由");
		check(withdrawal(id, version, "NOT_PUBLIC", tooLong), 200, "理由太长了");
		check(withdrawal(id, version, "PROACTIVE", "理由"), 200, "请选择");
		check(withdrawal(id, version, "nonsense", "理由"), 200, "请选择");
		check(withdrawal(id, version, "NOT_PUBLIC", "理由").param("version", "x"), 200, "表单版本无效");
		check(post("/workspace/replies/{id}/withdrawal", id).param("version", Integer.toString(version))
			.param("mode", "NOT_PUBLIC")
			.param("reason", "没有勾选确认")
			.with(csrf()), 200, "请勾选确认");
		// in English when chosen
		check(withdrawal(id, version, "NOT_PUBLIC", "").param("lang", "en"), 200, "Please state the reason");
		assertThat(this.replies.readable(COORDINATOR, id).isPublic()).isTrue();
		assertThat(version(id)).isEqualTo(version);

		// a stale form: someone changed the reply after the page was opened
		this.corrections.correct(s.official(), id, version,
				TestData.letter("更正后" + s.n(), DisclosureMode.PROACTIVE, ResultClass.A), "更正错别字");
		check(withdrawal(id, version, "NOT_PUBLIC", "理由"), 409, "已被修改");
		assertThat(this.replies.readable(COORDINATOR, id).isPublic()).isTrue();
		assertThat(this.jdbc.sql("select count(*) from audit_log where action = 'DISCLOSURE_CHANGED' and target = ?")
			.param("reply:" + id)
			.query(Long.class)
			.single()).isZero();
		// a draft has no disclosure page
		long draft = this.data.draft(s, this.data.anotherProposal(s), "草稿" + s.n());
		this.mvc.perform(get("/workspace/replies/{id}/disclosure", draft).with(as(s.official())))
			.andExpect(status().isNotFound());
	}

	private void check(MockHttpServletRequestBuilder request, int status, String message) throws Exception {
		this.mvc.perform(request.with(as(COORDINATOR)))
			.andExpect(status().is(status))
			.andExpect(content().string(containsString(message)));
	}

	private int version(long id) {
		return this.replies.readable(COORDINATOR, id).version();
	}

	private String anonymous(String url) throws Exception {
		return this.mvc.perform(get(url)).andReturn().getResponse().getContentAsString();
	}

	static MockHttpServletRequestBuilder withdrawal(long id, int version, String mode, String reason) {
		return post("/workspace/replies/{id}/withdrawal", id).param("version", Integer.toString(version))
			.param("mode", mode)
			.param("reason", reason)
			.param("confirm", "yes")
			.with(csrf());
	}

	static MockHttpServletRequestBuilder redisclosure(long id, int version, String reason) {
		return post("/workspace/replies/{id}/redisclosure", id).param("version", Integer.toString(version))
			.param("reason", reason)
			.param("confirm", "yes")
			.with(csrf());
	}

}
