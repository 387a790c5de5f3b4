package org.dafu.record.web;

import java.util.List;

import org.dafu.access.Viewer;
import org.dafu.reply.DisclosureMode;
import org.dafu.testing.AsViewer;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Session, unit and deputy pages list proposals, and only the replies the viewer may
 * read.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class BrowsePagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Test
	void theSessionPageListsProposalsAndLinksOnlyReadableReplies() throws Exception {
		Scenario s = this.data.scenario();
		long visible = this.data.issued(s, DisclosureMode.PROACTIVE, "会议页公开");
		long hidden = this.data.issued(s, DisclosureMode.ON_REQUEST, "会议页隐藏");
		long draft = this.data.draft(s, "会议页草稿");
		this.mvc.perform(get("/sessions/{id}", s.sessionId()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("关于测试建议" + s.n() + "的建议")))
			.andExpect(content().string(containsString("测试单位" + s.n())))
			.andExpect(content().string(containsString("href=\"/replies/" + visible + "\"")))
			.andExpect(content().string(not(containsString("href=\"/replies/" + hidden + "\""))))
			.andExpect(content().string(not(containsString("href=\"/replies/" + draft + "\""))));
		this.mvc.perform(get("/sessions/{id}", s.sessionId()).with(AsViewer.as(s.cosigner())))
			.andExpect(content().string(containsString("href=\"/replies/" + hidden + "\"")))
			.andExpect(content().string(containsString("依申请公开")))
			.andExpect(content().string(not(containsString("href=\"/replies/" + draft + "\""))));
		this.mvc.perform(get("/sessions/{id}", s.sessionId()).with(AsViewer.as(s.official())))
			.andExpect(content().string(containsString("href=\"/replies/" + draft + "\"")));
		this.mvc.perform(get("/sessions"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("测试会议" + s.n())));
		this.mvc.perform(get("/sessions/{id}", 999_999_999L)).andExpect(status().isNotFound());
	}

	@Test
	void theUnitPageListsItsReadableRepliesAndItsStatistics() throws Exception {
		Scenario s = this.data.scenario();
		long visible = this.data.issued(s, DisclosureMode.PROACTIVE, "单位页公开");
		long hidden = this.data.issued(s, DisclosureMode.NOT_PUBLIC, "单位页隐藏");
		this.mvc.perform(get("/units/{id}", s.unitId()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/replies/" + visible + "\"")))
			.andExpect(content().string(not(containsString("href=\"/replies/" + hidden + "\""))))
			.andExpect(content().string(containsString("可查看的答复共 1 件")))
			// the statistics count the proposal as replied, whatever the disclosure mode
			.andExpect(content().string(containsString("办复率")))
			.andExpect(content().string(containsString("<title id=\"chart-unit-classes-t\">")))
			.andExpect(content().string(not(containsString("单位页隐藏"))));
		this.mvc.perform(get("/units/{id}", s.unitId()).with(AsViewer.as(Viewer.coordinator("c" + s.n()))))
			.andExpect(content().string(containsString("href=\"/replies/" + hidden + "\"")))
			.andExpect(content().string(containsString("可查看的答复共 2 件")));
		this.mvc.perform(get("/units"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("测试单位" + s.n())));
		this.mvc.perform(get("/units/{id}", s.unitId()).param("lang", "en"))
			.andExpect(content().string(containsString("1 replies you can read")));
	}

	@Test
	void theDeputyPageListsTheirProposalsAndOnlyReadableReplies() throws Exception {
		Scenario s = this.data.scenario();
		long visible = this.data.issued(s, DisclosureMode.PROACTIVE, "代表页公开");
		long hidden = this.data.issued(s, DisclosureMode.ON_REQUEST, "代表页隐藏");
		for (long deputy : new long[] { s.leadDeputyId(), s.cosignerId() }) {
			this.mvc.perform(get("/deputies/{id}", deputy))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("关于测试建议" + s.n() + "的建议")))
				.andExpect(content().string(containsString("href=\"/replies/" + visible + "\"")))
				.andExpect(content().string(not(containsString("href=\"/replies/" + hidden + "\""))));
		}
		this.mvc.perform(get("/deputies/{id}", s.cosignerId()).with(AsViewer.as(s.bystander())))
			.andExpect(content().string(not(containsString("href=\"/replies/" + hidden + "\""))))
			.andExpect(content().string(containsString("联名")));
		this.mvc.perform(get("/deputies/{id}", s.cosignerId()).with(AsViewer.as(s.lead())))
			.andExpect(content().string(containsString("href=\"/replies/" + hidden + "\"")));
		this.mvc.perform(get("/deputies/{id}", s.bystanderId()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("暂无建议")));
		this.mvc.perform(get("/deputies"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("领衔代表" + s.n())));
		this.mvc.perform(get("/deputies/{id}", 999_999_999L)).andExpect(status().isNotFound());
	}

	@Test
	void anAnsweredProposalWithoutAReadableReplySaysWhyWithoutShowingIt() throws Exception {
		Scenario s = this.data.scenario();
		long hidden = this.data.issued(s, DisclosureMode.ON_REQUEST, "理由隐藏");
		long undisclosed = this.data.issued(s, DisclosureMode.NOT_PUBLIC, "理由不公开");
		// a proposal with only a draft is not answered: nothing to explain, no draft
		// hinted
		long draftOnly = this.data.anotherProposal(s);
		this.data.draft(s, draftOnly, "理由草稿");
		for (String page : List.of("/sessions/" + s.sessionId(), "/deputies/" + s.leadDeputyId())) {
			String body = this.mvc.perform(get(page)).andReturn().getResponse().getContentAsString();
			assertThat(body).as(page)
				.contains("已答复，答复依申请公开、不予公开，未在网上公开")
				.doesNotContain("href=\"/replies/" + hidden + "\"")
				.doesNotContain("href=\"/replies/" + undisclosed + "\"")
				.doesNotContain("涉及内部事项")
				.doesNotContain("理由");
			// one explanation (for the answered proposal); the draft-only one: none to
			// read
			assertThat(body.split("未在网上公开", -1)).as(page).hasSize(2);
			assertThat(body).as(page).contains("暂无可查看的答复");
			// in English too
			String en = this.mvc.perform(get(page).param("lang", "en")).andReturn().getResponse().getContentAsString();
			assertThat(en).as(page).contains("Replied; the reply is");
		}
		// who may read them sees them, and no explanation
		String asLead = this.mvc.perform(get("/sessions/{id}", s.sessionId()).with(AsViewer.as(s.lead())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(asLead).contains("href=\"/replies/" + hidden + "\"").doesNotContain("未在网上公开");
	}

	@Test
	void theListOffersTheDeputiesWithMostPublicRepliesAndKeepsTheChosenOne() throws Exception {
		Scenario s = this.data.scenario();
		this.data.issued(s, DisclosureMode.PROACTIVE, "代表选项一");
		String list = this.mvc.perform(get("/replies")).andReturn().getResponse().getContentAsString();
		String choices = list.substring(list.indexOf("id=\"filter-deputy\""),
				list.indexOf("</select>", list.indexOf("id=\"filter-deputy\"")));
		// the deputies with most public replies, not every deputy: the bystander has none
		assertThat(choices.split("<option", -1).length - 2).isLessThanOrEqualTo(50);
		assertThat(choices).doesNotContain("value=\"" + s.bystanderId() + "\"");
		// a deputy chosen from the deputies' index stays shown as chosen
		String chosen = this.mvc.perform(get("/replies").param("deputy", Long.toString(s.bystanderId())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(chosen).containsPattern("value=\"" + s.bystanderId() + "\"[^>]*selected");
	}

	@Test
	void theUnitAndDeputyIndexesCountPublicRepliesAndLinkToThem() throws Exception {
		Scenario s = this.data.scenario();
		this.data.issued(s, DisclosureMode.PROACTIVE, "索引一");
		this.data.issued(s, DisclosureMode.PROACTIVE, "索引二");
		this.data.issued(s, DisclosureMode.ON_REQUEST, "索引隐");
		this.data.draft(s, "索引草稿");
		String units = this.mvc.perform(get("/units")).andReturn().getResponse().getContentAsString();
		assertThat(units).contains("href=\"/units/" + s.unitId() + "\"")
			.contains("href=\"/replies?unit=" + s.unitId() + "\"")
			.containsPattern("href=\"/replies\\?unit=" + s.unitId() + "\"[^>]*>公开答复 2 件<")
			.containsPattern("href=\"/replies\\?unit=" + s.otherUnitId() + "\"[^>]*>公开答复 0 件<");
		String deputies = this.mvc.perform(get("/deputies")).andReturn().getResponse().getContentAsString();
		assertThat(deputies).contains("href=\"/deputies/" + s.leadDeputyId() + "\"")
			.containsPattern("href=\"/replies\\?deputy=" + s.leadDeputyId() + "\"[^>]*>公开答复 2 件<")
			.containsPattern("href=\"/replies\\?deputy=" + s.cosignerId() + "\"[^>]*>公开答复 2 件<")
			.containsPattern("href=\"/replies\\?deputy=" + s.bystanderId() + "\"[^>]*>公开答复 0 件<");
		// the counts are of public replies, whoever looks
		String asOfficial = this.mvc.perform(get("/units").with(AsViewer.as(s.official())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(asOfficial).containsPattern("href=\"/replies\\?unit=" + s.unitId() + "\"[^>]*>公开答复 2 件<");
	}

}
