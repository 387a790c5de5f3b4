package org.dafu.reply.web;

import java.time.LocalDate;
import java.util.List;

import org.dafu.access.Viewer;
import org.dafu.proposal.ProposalService;
import org.dafu.proposal.ProposalService.RegisterProposalCommand;
import org.dafu.reply.ReplyDrafting;
import org.dafu.reply.ReplyKind;
import org.dafu.reply.ReplyService;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dafu.testing.AsViewer.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The inbox, starting drafts, and who may do what in the unit workspace, role by role.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class UnitWorkspaceTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	ProposalService proposals;

	@Autowired
	ReplyService replies;

	@Autowired
	ReplyDrafting drafting;

	@Test
	void theInboxListsLeadAndCoProposalsOverdueFirstThenByDeadline() throws Exception {
		Scenario s = this.data.scenario();
		LocalDate today = LocalDate.now(org.dafu.platform.ClockConfiguration.ZONE);
		long later = register(s, "稍后到期");
		this.proposals.assign(later, s.unitId(), List.of(), today, today.plusDays(40));
		long sooner = register(s, "较早到期");
		this.proposals.assign(sooner, s.otherUnitId(), List.of(s.unitId()), today, today.plusDays(10));
		// s.proposalId(): assigned 2022-03-01, deadline 2022-06-01, long overdue
		long draft = this.data.draft(s, "收件箱草稿");
		String page = this.mvc.perform(get("/workspace/unit").with(as(s.official())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		int overdue = page.indexOf("关于测试建议" + s.n());
		int soon = page.indexOf("较早到期" + s.n());
		int late = page.indexOf("稍后到期" + s.n());
		assertThat(overdue).isPositive().isLessThan(soon);
		assertThat(soon).isLessThan(late);
		assertThat(page).contains("已逾期").contains("剩余 10 天").contains("剩余 40 天").contains("协办").contains("主办");
		assertThat(page).contains("/workspace/unit/replies/" + draft + "/edit");
		// the co-unit gets no button to write the reply; the lead unit's open proposal
		// does
		assertThat(page).doesNotContain("/workspace/unit/proposals/" + sooner + "/drafts")
			.contains("/workspace/unit/proposals/" + later + "/drafts")
			.doesNotContain("/workspace/unit/proposals/" + s.proposalId() + "/drafts");
		// the other unit sees none of it
		this.mvc.perform(get("/workspace/unit").with(as(s.otherOfficial())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("较早到期" + s.n())))
			.andExpect(content().string(not(containsString("稍后到期" + s.n()))))
			.andExpect(content().string(not(containsString("/workspace/unit/replies/" + draft + "/"))));
	}

	@Test
	void theLeadUnitStartsADraftAndOpensTheSameDraftAgain() throws Exception {
		Scenario s = this.data.scenario();
		long proposal = this.data.anotherProposal(s);
		String location = this.mvc
			.perform(post("/workspace/unit/proposals/" + proposal + "/drafts").with(csrf()).with(as(s.official())))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/workspace/unit/replies/*/edit"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = this.drafting.draftOfOwnUnit(s.official(), proposal).orElseThrow();
		assertThat(location).isEqualTo("/workspace/unit/replies/" + id + "/edit");
		assertThat(this.replies.ofOwnUnit(s.official(), id).sections()).isEmpty();
		assertThat(this.replies.ofOwnUnit(s.official(), id).issuer()).startsWith("测试单位");
		this.mvc.perform(post("/workspace/unit/proposals/" + proposal + "/drafts").with(csrf()).with(as(s.official())))
			.andExpect(redirectedUrl("/workspace/unit/replies/" + id + "/edit"));
		this.mvc.perform(get(location).with(as(s.official()))).andExpect(status().isOk());
	}

	@Test
	void aCoUnitMayNotWriteTheReplyAndAnUnassignedUnitDoesNotSeeTheProposal() throws Exception {
		Scenario s = this.data.scenario();
		long shared = register(s, "协办建议");
		LocalDate today = LocalDate.now(org.dafu.platform.ClockConfiguration.ZONE);
		this.proposals.assign(shared, s.otherUnitId(), List.of(s.unitId()), today, null);
		this.mvc.perform(post("/workspace/unit/proposals/" + shared + "/drafts").with(csrf()).with(as(s.official())))
			.andExpect(status().isForbidden());
		assertThatThrownBy(() -> this.drafting.createDraft(s.official(), shared, ReplyKind.ORIGINAL,
				TestData.letter("协办", null, null)))
			.isInstanceOf(AccessDeniedException.class);
		Viewer stranger = Viewer.official("stranger" + s.n(), this.data.unit("无关单位"));
		this.mvc.perform(post("/workspace/unit/proposals/" + shared + "/drafts").with(csrf()).with(as(stranger)))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/workspace/unit/proposals/99999999999/drafts").with(csrf()).with(as(stranger)))
			.andExpect(status().isNotFound());
		assertThat(this.drafting.draftOfOwnUnit(s.official(), shared)).isEmpty();
	}

	@Test
	void anOfficialOfAnotherUnitFindsNoDraftOfOursAnywhere() throws Exception {
		Scenario s = this.data.scenario();
		long id = this.data.draft(s, "他人草稿");
		Viewer other = s.otherOfficial();
		for (MockHttpServletRequestBuilder request : List.of(get("/workspace/unit/replies/" + id + "/edit"),
				get("/workspace/unit/replies/" + id + "/preview"),
				post("/workspace/unit/replies/" + id).with(csrf())
					.param("version", "0")
					.param("disclosureMode", "PROACTIVE"),
				post("/workspace/unit/replies/" + id + "/issue").with(csrf()).param("version", "0"),
				get("/workspace/unit/replies/" + id + "/issue"),
				post("/workspace/unit/replies/" + id + "/submit").with(csrf()).param("version", "0"),
				post("/workspace/unit/replies/" + id + "/recall").with(csrf()).param("version", "0"),
				post("/workspace/unit/replies/" + id + "/return").with(csrf())
					.param("version", "0")
					.param("comment", "他人退回"),
				post("/workspace/unit/replies/" + (id + 1_000_000) + "/issue").with(csrf()).param("version", "0"))) {
			this.mvc.perform(request.with(as(other)))
				.andExpect(status().isNotFound())
				.andExpect(content().string(not(containsString("他人草稿"))));
		}
		assertThat(this.replies.ofOwnUnit(s.official(), id).version()).isZero();
		assertThat(this.replies.ofOwnUnit(s.official(), id).isIssued()).isFalse();
	}

	@Test
	void coordinatorsDeputiesAndAnonymousVisitorsAreRefused() throws Exception {
		Scenario s = this.data.scenario();
		long id = this.data.draft(s, "拒绝");
		List<String> gets = List.of("/workspace/unit", "/workspace/unit/replies/" + id + "/edit",
				"/workspace/unit/replies/" + id + "/preview", "/workspace/unit/replies/" + id + "/issue");
		List<String> posts = List.of("/workspace/unit/replies/" + id, "/workspace/unit/replies/" + id + "/issue",
				"/workspace/unit/replies/" + id + "/submit", "/workspace/unit/replies/" + id + "/recall",
				"/workspace/unit/replies/" + id + "/return", "/workspace/unit/proposals/" + s.proposalId() + "/drafts");
		for (Viewer refused : List.of(Viewer.coordinator("coord" + s.n()), s.lead(), s.bystander())) {
			for (String url : gets) {
				this.mvc.perform(get(url).with(as(refused)))
					.andExpect(status().isForbidden())
					.andExpect(content().string(not(containsString("拒绝"))));
			}
			for (String url : posts) {
				this.mvc.perform(post(url).with(csrf()).with(as(refused)).param("version", "0"))
					.andExpect(status().isForbidden());
			}
		}
		for (String url : gets) {
			this.mvc.perform(get(url)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
		}
		for (String url : posts) {
			this.mvc.perform(post(url).with(csrf()).param("version", "0")).andExpect(status().is3xxRedirection());
		}
		assertThat(this.replies.ofOwnUnit(s.official(), id).version()).isZero();
		assertThat(this.drafting.draftOfOwnUnit(s.official(), s.proposalId())).contains(id);
	}

	private long register(Scenario s, String title) {
		int number = 1000 + TestData.unique() % 100_000;
		return this.proposals
			.register(new RegisterProposalCommand(s.sessionId(), number, title + s.n(), "正文", s.leadDeputyId(),
					java.util.Set.of(), null, LocalDate.now(org.dafu.platform.ClockConfiguration.ZONE), false))
			.id();
	}

}
