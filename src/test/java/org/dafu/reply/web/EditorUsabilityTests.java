package org.dafu.reply.web;

import java.util.Map;

import org.dafu.reply.ReplyService;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dafu.testing.AsViewer.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What made the reply editor hard to use: 称谓 and 开头 typed by hand, 删除 looking like 保存, an
 * invalid field only described below it, typing lost on 添加答复专题.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class EditorUsabilityTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	ReplyService replies;

	@Test
	void aNewDraftHasItsSalutationAndOpeningFilledInFromTheProposal() throws Exception {
		Scenario s = this.data.scenario();
		// 第4号 has a co-signer: 等代表
		String page = startAndOpen(s, s.proposalId());
		assertThat(page).contains("value=\"领衔代表" + s.n() + "等代表：\"")
			.contains("您提出的《关于测试建议" + s.n() + "的建议》收悉。经认真研究，现答复如下：")
			.contains("id=\"greeting-filled\"");
		// a proposal of the lead deputy alone: 代表
		long alone = this.data.anotherProposal(s);
		assertThat(startAndOpen(s, alone)).contains("value=\"领衔代表" + s.n() + "代表：\"");
	}

	@Test
	void whatWasTypedIsKeptAndNotOverwrittenByTheGreeting() throws Exception {
		Scenario s = this.data.scenario();
		long id = this.data.draft(s, "保留");
		String page = this.mvc.perform(get("/workspace/unit/replies/" + id + "/edit").with(as(s.official())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("value=\"测试代表保留：\"").doesNotContain("id=\"greeting-filled\"");
	}

	@Test
	void addingAResponseSectionKeepsEverythingTyped() throws Exception {
		Scenario s = this.data.scenario();
		long id = this.data.draft(s, "专题");
		Map<String, String> fields = EditorPosts.fieldsOf(this.replies.ofOwnUnit(s.official(), id));
		fields.put("addressee", "新称谓" + s.n() + "：");
		fields.put("opening", "新开头第一行\n新开头第二行");
		fields.put("sections[0].heading", "改过的标题");
		fields.put("sections[0].body", "改过的正文");
		fields.put("sections[0].figures[0].value", "不是数字");
		fields.put("closing", "新的结束语");
		String page = this.mvc
			.perform(EditorPosts.save(id, fields).param("action", "add-response").with(as(s.official())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("value=\"新称谓" + s.n() + "：\"")
			.contains("新开头第一行\n新开头第二行")
			.contains("value=\"改过的标题\"")
			.contains("改过的正文")
			.contains("value=\"不是数字\"")
			.contains("新的结束语")
			.contains("name=\"sections[2].heading\"");
	}

	@Test
	void deleteButtonsAreMarkedDangerousAndInvalidFieldsAreMarkedInvalid() throws Exception {
		Scenario s = this.data.scenario();
		long id = this.data.draft(s, "标记");
		Map<String, String> fields = EditorPosts.fieldsOf(this.replies.ofOwnUnit(s.official(), id));
		fields.put("writtenOn", "2022-13-45");
		fields.put("sections[0].heading", "长".repeat(301));
		String page = this.mvc.perform(EditorPosts.save(id, fields).with(as(s.official())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Document doc = Jsoup.parse(page);
		assertThat(doc.getElementById("writtenOn").attr("aria-invalid")).isEqualTo("true");
		assertThat(doc.getElementById("s0-heading").attr("aria-invalid")).isEqualTo("true");
		assertThat(doc.getElementById("signedOn").hasAttr("aria-invalid")).isFalse();
		assertThat(doc.select("button[value=remove-0]").hasClass("danger")).isTrue();
		assertThat(doc.select("button[value=remove-figure-0-0]").hasClass("danger")).isTrue();
		assertThat(doc.select("button[value=add-response]").hasClass("secondary")).isTrue();
		assertThat(doc.select("button.danger").eachAttr("value")).allMatch((v) -> v.startsWith("remove"));
	}

	private String startAndOpen(Scenario s, long proposalId) throws Exception {
		String editor = this.mvc
			.perform(post("/workspace/unit/proposals/" + proposalId + "/drafts").with(csrf()).with(as(s.official())))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		return this.mvc.perform(get(editor).with(as(s.official())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
