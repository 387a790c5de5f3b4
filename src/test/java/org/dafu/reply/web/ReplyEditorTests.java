package org.dafu.reply.web;

import java.util.List;
import java.util.Map;

import org.dafu.access.Viewer;
import org.dafu.reply.DisclosureMode;
import org.dafu.reply.ReplyService;
import org.dafu.reply.ReplyView;
import org.dafu.reply.LetterLimits;
import org.dafu.reply.SectionKind;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.dafu.testing.AsViewer.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The reply editor of a unit's officials: edit, validate, restructure, preview. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class ReplyEditorTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	ReplyService replies;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theEditorShowsEveryPartOfTheDraft() throws Exception {
		Scenario s = this.data.scenario();
		long id = this.data.draft(s, "编辑器标记");
		this.mvc.perform(get("/workspace/unit/replies/" + id + "/edit").with(as(s.official())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"sections[0].heading\"")))
			.andExpect(content().string(containsString("一、关于产业发展编辑器标记")))
			.andExpect(content().string(containsString("name=\"sections[0].figures[1].growthRate\"")))
			.andExpect(content().string(containsString("value=\"12.3\"")))
			.andExpect(content().string(containsString("value=\"37.5\"")))
			.andExpect(content().string(containsString("name=\"version\" value=\"0\"")))
			// issuing and submitting save the editor's changes first: they are buttons of
			// its form
			.andExpect(content().string(containsString("name=\"action\" value=\"submit\"")))
			.andExpect(content().string(containsString("name=\"action\" value=\"sign\"")))
			.andExpect(content().string(not(containsString("action=\"/workspace/unit/replies/" + id + "/issue\""))));
	}

	@Test
	void aValidSaveChangesTheDraftAndIsRecordedInItsHistory() throws Exception {
		Scenario s = this.data.scenario();
		long id = this.data.draft(s, "保存前");
		Map<String, String> fields = EditorPosts.fieldsOf(this.replies.ofOwnUnit(s.official(), id));
		fields.put("opening", "您提出的建议已收悉，保存后。");
		fields.put("sections[0].figures[0].value", "5200.25");
		fields.put("sections[0].figures[0].comparator", "达到");
		fields.put("disclosureMode", "ON_REQUEST");
		fields.put("disclosureReason", "涉及个人信息");
		fields.put("resultClass", "C");
		fields.put("sections[0].figures[1].growthRate", "15");
		this.mvc.perform(EditorPosts.save(id, fields).with(as(s.official())))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/workspace/unit/replies/" + id + "/edit"))
			.andExpect(flash().attribute("message", "drafting.editor.saved"));
		ReplyView saved = this.replies.ofOwnUnit(s.official(), id);
		assertThat(saved.version()).isEqualTo(1);
		assertThat(saved.opening()).isEqualTo("您提出的建议已收悉，保存后。");
		assertThat(saved.figures().get(0).content().value()).isEqualByComparingTo("5200.25");
		assertThat(saved.figures().get(0).content().comparator()).isEqualTo("达到");
		assertThat(saved.figures().get(1).content().taskShare()).isEqualByComparingTo("130");
		assertThat(saved.disclosureMode()).isEqualTo(DisclosureMode.ON_REQUEST);
		assertThat(saved.disclosureReason()).isEqualTo("涉及个人信息");
		assertThat(saved.resultClass()).hasToString("C");
		assertThat(saved.sections()).hasSize(2);
		Map<String, Object> revision = this.jdbc
			.sql("select changed_by, change_kind, before_text, after_text from revision "
					+ "where entity_type = 'reply' and entity_id = :id order by ordinal desc limit 1")
			.param("id", id)
			.query()
			.singleRow();
		assertThat(revision.get("changed_by")).isEqualTo(s.official().username());
		assertThat(revision.get("change_kind")).isEqualTo("EDITED");
		assertThat((String) revision.get("before_text")).contains("收悉").doesNotContain("保存后");
		assertThat((String) revision.get("before_text")).contains("同比 12.3%");
		assertThat((String) revision.get("after_text")).contains("保存后").contains("5200.25").contains("同比 15%");
		this.mvc.perform(get("/workspace/history/reply/" + id).with(as(s.official())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("保存后")));
	}

	@Test
	void invalidInputIsExplainedAndNothingIsSaved() throws Exception {
		Scenario s = this.data.scenario();
		long id = this.data.draft(s, "校验");
		Map<String, String> fields = EditorPosts.fieldsOf(this.replies.ofOwnUnit(s.official(), id));
		fields.put("opening", "这段不应保存");
		fields.put("sections[0].heading", "长".repeat(301));
		fields.put("sections[0].figures[0].value", "5,000亿");
		fields.put("sections[0].figures[1].deadlineYear", "1900");
		fields.put("disclosureMode", "NOT_PUBLIC");
		fields.put("disclosureReason", " ");
		fields.put("writtenOn", "2022-02-31");
		this.mvc.perform(EditorPosts.save(id, fields).with(as(s.official())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请更正标出的内容")))
			.andExpect(content().string(containsString("太长了：最多 300 个字符")))
			.andExpect(content().string(containsString("请填写数字")))
			.andExpect(content().string(containsString("1949 至 2200")))
			.andExpect(content().string(containsString("必须说明理由")))
			.andExpect(content().string(containsString("请填写有效日期")))
			// what was typed comes back, for correcting
			.andExpect(content().string(containsString("5,000亿")))
			.andExpect(content().string(containsString("这段不应保存")));
		ReplyView unchanged = this.replies.ofOwnUnit(s.official(), id);
		assertThat(unchanged.version()).isZero();
		assertThat(unchanged.opening()).doesNotContain("不应保存");
		assertThat(unchanged.disclosureMode()).isEqualTo(DisclosureMode.PROACTIVE);
	}

	@Test
	void validationMessagesAreInEnglishToo() throws Exception {
		Scenario s = this.data.scenario();
		long id = this.data.draft(s, "英文");
		Map<String, String> fields = EditorPosts.fieldsOf(this.replies.ofOwnUnit(s.official(), id));
		fields.put("addressee", "x".repeat(201));
		fields.put("disclosureMode", "ON_REQUEST");
		fields.put("disclosureReason", "");
		this.mvc.perform(EditorPosts.save(id, fields).param("lang", "en").with(as(s.official())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Too long: at most 200 characters.")))
			.andExpect(content().string(containsString("A reason is required")))
			.andExpect(content().string(containsString("Nothing was saved.")));
		assertThat(this.replies.ofOwnUnit(s.official(), id).version()).isZero();
	}

	@Test
	void sectionsAndFiguresAreAddedMovedAndRemovedWithoutJavaScript() throws Exception {
		Scenario s = this.data.scenario();
		long id = this.data.draft(s, "结构");
		Map<String, String> fields = EditorPosts.fieldsOf(this.replies.ofOwnUnit(s.official(), id));
		// a structural button changes the form only: nothing is saved until "save"
		this.mvc.perform(EditorPosts.save(id, fields).param("action", "add-response").with(as(s.official())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"sections[2].heading\"")))
			.andExpect(content().string(containsString("尚未保存")));
		this.mvc.perform(EditorPosts.save(id, fields).param("action", "add-figure-1").with(as(s.official())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"sections[1].figures[0].subject\"")));
		assertThat(this.replies.ofOwnUnit(s.official(), id).version()).isZero();

		// move the next steps up, drop the achievement, add a third section, then save
		Map<String, String> edited = EditorPosts.fieldsOf(this.replies.ofOwnUnit(s.official(), id));
		edited.keySet().removeIf((k) -> k.startsWith("sections[0].figures[1]."));
		edited.put("sections[2].kind", "RESPONSE");
		edited.put("sections[2].heading", "关于新增专题");
		edited.put("sections[2].body", "新增正文。");
		edited.put("sections[2].figures[0].subject", "新增企业");
		edited.put("sections[2].figures[0].value", "12");
		edited.put("sections[2].figures[0].unit", "家");
		edited.put("sections[2].figures[0].kind", "ACHIEVEMENT");
		this.mvc.perform(EditorPosts.save(id, edited).with(as(s.official()))).andExpect(status().is3xxRedirection());
		ReplyView saved = this.replies.ofOwnUnit(s.official(), id);
		assertThat(saved.sections()).extracting(ReplyView.SectionView::heading)
			.containsExactly("一、关于产业发展结构", "下一步", "关于新增专题");
		assertThat(saved.sections().get(0).figures()).hasSize(1);
		assertThat(saved.sections().get(2).figures().get(0).content().unit()).isEqualTo("家");

		Map<String, String> again = EditorPosts.fieldsOf(saved);
		this.mvc.perform(EditorPosts.save(id, again).param("action", "up-1").with(as(s.official())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(
					"<input type=\"text\" maxlength=\"300\" id=\"s0-heading\" name=\"sections[0].heading\" value=\"下一步\">")));
		this.mvc.perform(EditorPosts.save(id, again).param("action", "remove-figure-0-0").with(as(s.official())))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("name=\"sections[0].figures[0].subject\""))));
		this.mvc.perform(EditorPosts.save(id, again).param("action", "remove-2").with(as(s.official())))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("name=\"sections[2].heading\""))));
		assertThat(this.replies.ofOwnUnit(s.official(), id).version()).isEqualTo(1);
	}

	@Test
	void scriptInTheTextIsStoredAsTextAndShownEscaped() throws Exception {
		Scenario s = this.data.scenario();
		long id = this.data.draft(s, "脚本");
		String hostile = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>";
		Map<String, String> fields = EditorPosts.fieldsOf(this.replies.ofOwnUnit(s.official(), id));
		fields.put("sections[0].body", hostile);
		fields.put("sections[0].heading", hostile);
		fields.put("addressee", hostile);
		fields.put("sections[0].figures[0].subject", hostile);
		fields.put("catalogCategory", "'; drop table reply; --");
		this.mvc.perform(EditorPosts.save(id, fields).with(as(s.official()))).andExpect(status().is3xxRedirection());
		ReplyView saved = this.replies.ofOwnUnit(s.official(), id);
		assertThat(saved.sections().get(0).body()).isEqualTo(hostile);
		assertThat(saved.catalogCategory()).isEqualTo("'; drop table reply; --");
		for (String page : List.of("/edit", "/preview")) {
			this.mvc.perform(get("/workspace/unit/replies/" + id + page).with(as(s.official())))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString("<script>alert"))))
				.andExpect(content().string(not(containsString("<img src=x"))))
				.andExpect(content().string(containsString("&lt;script&gt;")));
		}
	}

	@Test
	void postedIdsStatesAndUnitsAreIgnored() throws Exception {
		Scenario s = this.data.scenario();
		long id = this.data.draft(s, "注入");
		Map<String, String> fields = EditorPosts.fieldsOf(this.replies.ofOwnUnit(s.official(), id));
		fields.put("status", "ISSUED");
		fields.put("unitId", Long.toString(s.otherUnitId()));
		fields.put("indexNumber", "HACKED1/2022-1");
		fields.put("id", "1");
		this.mvc.perform(EditorPosts.save(id, fields).with(as(s.official()))).andExpect(status().is3xxRedirection());
		ReplyView saved = this.replies.ofOwnUnit(s.official(), id);
		assertThat(saved.isIssued()).isFalse();
		assertThat(saved.indexNumber()).isNull();
		assertThat(saved.unit().id()).isEqualTo(s.unitId());
	}

	@Test
	void tooManySectionsAndHugeIndexesAreRefused() throws Exception {
		Scenario s = this.data.scenario();
		long id = this.data.draft(s, "过多");
		Map<String, String> fields = EditorPosts.fieldsOf(this.replies.ofOwnUnit(s.official(), id));
		for (int i = 2; i < LetterLimits.SECTIONS + 2; i++) {
			fields.put("sections[" + i + "].kind", SectionKind.RESPONSE.name());
			fields.put("sections[" + i + "].heading", "节" + i);
		}
		this.mvc.perform(EditorPosts.save(id, fields).with(as(s.official())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("太多了：最多 " + LetterLimits.SECTIONS + " 项")));
		this.mvc
			.perform(post("/workspace/unit/replies/" + id).with(csrf())
				.with(as(s.official()))
				.param("version", "0")
				.param("disclosureMode", "PROACTIVE")
				.param("sections[99999].heading", "远"))
			.andExpect(status().is4xxClientError());
		assertThat(this.replies.ofOwnUnit(s.official(), id).version()).isZero();
	}

	@Test
	void thePreviewIsTheLetterOfThePublicPage() throws Exception {
		Scenario s = this.data.scenario();
		long id = this.data.draft(s, "预览");
		this.mvc.perform(get("/workspace/unit/replies/" + id + "/preview").with(as(s.official())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("class=\"letter\"")))
			.andExpect(content().string(containsString("一、关于产业发展预览")))
			.andExpect(content().string(containsString("下一步")))
			.andExpect(content().string(containsString("规上工业总产值预览")))
			.andExpect(content().string(containsString("测试代表预览：")))
			// a signer gets to the 签发 confirmation from here; the draft can be submitted
			.andExpect(content().string(containsString("id=\"issue-link\"")))
			.andExpect(content().string(containsString("id=\"submit-form\"")));
	}

	@Test
	void withoutCsrfNothingIsSaved() throws Exception {
		Scenario s = this.data.scenario();
		long id = this.data.draft(s, "跨站");
		this.mvc
			.perform(post("/workspace/unit/replies/" + id).with(as(s.official()))
				.param("version", "0")
				.param("disclosureMode", "PROACTIVE")
				.param("opening", "伪造"))
			.andExpect(status().isForbidden());
		for (String action : new String[] { "issue", "submit", "recall", "return" }) {
			this.mvc
				.perform(post("/workspace/unit/replies/" + id + "/" + action).with(as(s.official()))
					.param("version", "0")
					.param("signerName", "王某")
					.param("comment", "伪造"))
				.andExpect(status().isForbidden());
		}
		ReplyView unchanged = this.replies.ofOwnUnit(s.official(), id);
		assertThat(unchanged.version()).isZero();
		assertThat(unchanged.isIssued()).isFalse();
	}

	static Viewer coordinator() {
		return Viewer.coordinator("coordinator" + TestData.unique());
	}

}
