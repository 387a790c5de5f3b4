package org.dafu.record.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.dafu.access.Viewer;
import org.dafu.evaluation.EvaluationService;
import org.dafu.evaluation.RateCommand;
import org.dafu.evaluation.Rating;
import org.dafu.proposal.ProposalService;
import org.dafu.proposal.ProposalService.RegisterProposalCommand;
import org.dafu.proposal.ProposalView;
import org.dafu.reply.DisclosureMode;
import org.dafu.reply.ResultClass;
import org.dafu.testing.AsViewer;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The public record of a proposal (/sessions/{id}/proposals/{number}): every part through
 * the access policy, for every kind of viewer; odd addresses are 404 for everyone; each
 * step of its timeline keeps its own deadline.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class ProposalRecordTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	ProposalService proposals;

	@Autowired
	EvaluationService evaluations;

	@Autowired
	JdbcClient jdbc;

	/**
	 * A proposal led by the scenario's deputy with its co-signer, assigned to the
	 * scenario's unit (lead) and a co-handling unit, with a public reply, an undisclosed
	 * one (不予公开) and a draft.
	 */
	record Case(Scenario s, long proposalId, int number, long coUnit, String publicIndex, String hiddenIndex,
			long draft, String text) {

		String url() {
			return "/sessions/" + this.s.sessionId() + "/proposals/" + this.number;
		}

		Viewer coOfficial() {
			return Viewer.official("co" + this.s.n(), this.coUnit);
		}

		Viewer drafter() {
			return Viewer.drafter("drafter" + this.s.n(), this.s.unitId());
		}

	}

	Case aCase(boolean withPublicReply) {
		return aCase(withPublicReply, null);
	}

	/** As {@link #aCase(boolean)}, the deadline extended first to {@code extendedTo}. */
	Case aCase(boolean withPublicReply, LocalDate extendedTo) {
		Scenario s = this.data.scenario();
		int number = 1000 + TestData.unique() % 100_000;
		long coUnit = this.data.unit("协办单位");
		String text = "建议正文" + TestData.cjkWord();
		long proposal = this.proposals
			.register(new RegisterProposalCommand(s.sessionId(), number, "关于档案" + number + "的建议", text,
					s.leadDeputyId(), Set.of(s.cosignerId()), null, LocalDate.of(2022, 2, 20), false))
			.id();
		this.proposals.assign(proposal, s.unitId(), List.of(coUnit), LocalDate.of(2022, 3, 1),
				LocalDate.of(2022, 6, 1));
		if (extendedTo != null) {
			AsViewer.run(Viewer.coordinator("boss"), () -> this.proposals.extendDeadline(proposal,
					this.proposals.proposal(proposal).version(), extendedTo, "情况复杂", "boss"));
		}
		String publicIndex = null;
		if (withPublicReply) {
			publicIndex = index(this.data.issuedWith(proposal, s.unitId(), "T" + s.n(),
					TestData.letter("档案公开", DisclosureMode.PROACTIVE, ResultClass.A)));
		}
		String hiddenIndex = index(this.data.issuedWith(proposal, s.unitId(), "T" + s.n(),
				TestData.letter("档案隐藏", DisclosureMode.NOT_PUBLIC, ResultClass.B)));
		long draft = this.data.draft(s, proposal, "档案草稿");
		return new Case(s, proposal, number, coUnit, publicIndex, hiddenIndex, draft, text);
	}

	private String index(long replyId) {
		return this.jdbc.sql("select index_number from reply where id = ?").param(replyId).query(String.class).single();
	}

	@Test
	void everyRoleSeesTheRepliesItMayReadAndNothingElse() throws Exception {
		Case c = aCase(true);
		String draftLink = "href=\"/replies/" + c.draft() + "\"";
		// the public, a deputy of another proposal, officials of the co-handling unit and
		// of another unit: the public reply only
		for (Viewer v : List.of(Viewer.anonymous(), c.s().bystander(), c.coOfficial(), c.s().otherOfficial())) {
			String page = page(c, v);
			assertThat(page).as("%s", v)
				.contains(c.publicIndex())
				.doesNotContain(c.hiddenIndex())
				.doesNotContain(draftLink)
				.doesNotContain("涉及内部事项")
				.doesNotContain("不予公开")
				// the text is disclosed with the public reply
				.contains(c.text());
		}
		// the lead deputy and the co-signer: both issued replies, never the draft
		for (Viewer v : List.of(c.s().lead(), c.s().cosigner())) {
			assertThat(page(c, v)).as("%s", v)
				.contains(c.publicIndex(), c.hiddenIndex(), c.text())
				.doesNotContain(draftLink);
		}
		// the unit's officials (signer and drafter) and coordinators: everything
		for (Viewer v : List.of(c.s().official(), c.drafter(), Viewer.coordinator("boss" + c.s().n()))) {
			assertThat(page(c, v)).as("%s", v).contains(c.publicIndex(), c.hiddenIndex(), draftLink, c.text());
		}
		// the proposal, its deputies and units, each unit with its deadline
		assertThat(page(c, Viewer.anonymous())).contains("关于档案" + c.number() + "的建议", "领衔代表" + c.s().n(),
				"联名代表" + c.s().n(), "测试单位" + c.s().n(), "协办单位", "主办", "协办", "2022-06-01", "北京时间");
	}

	@Test
	void aProposalWithoutAReadableReplySaysWhyAndShowsNothingOfTheReply() throws Exception {
		Case c = aCase(false);
		this.evaluations.rate(c.s().lead(), this.replyId(c.hiddenIndex()),
				new RateCommand(Rating.SATISFIED, Rating.BASICALLY_SATISFIED, "评价" + c.s().n()));
		for (Viewer v : List.of(Viewer.anonymous(), c.s().bystander(), c.coOfficial(), c.s().otherOfficial())) {
			String page = page(c, v);
			assertThat(page).as("%s", v)
				.contains("已答复，答复不予公开，未在网上公开")
				.doesNotContain(c.hiddenIndex())
				.doesNotContain("涉及内部事项")
				.doesNotContain("评价" + c.s().n())
				.doesNotContain("领衔代表测评")
				.doesNotContain("基本满意");
		}
		// the text goes with a readable reply; the co-handling unit's officials handle it
		assertThat(page(c, Viewer.anonymous())).doesNotContain(c.text()).contains("正文暂不公开");
		assertThat(page(c, c.s().bystander())).doesNotContain(c.text());
		assertThat(page(c, c.s().otherOfficial())).doesNotContain(c.text());
		assertThat(page(c, c.coOfficial())).contains(c.text());
		// the lead deputy reads the reply and its rating
		assertThat(page(c, c.s().lead())).contains(c.hiddenIndex(), "办理结果基本满意").doesNotContain("未在网上公开");
	}

	@Test
	void aRatingIsShownOnlyToTheProposalsDeputiesAndCoordinatorsOthersLearnOnlyThatItWasRated() throws Exception {
		Case c = aCase(true);
		this.evaluations.rate(c.s().lead(), this.replyId(c.publicIndex()),
				new RateCommand(Rating.SATISFIED, Rating.BASICALLY_SATISFIED, null));
		for (Viewer v : List.of(Viewer.anonymous(), c.s().bystander(), c.s().official())) {
			assertThat(page(c, v)).as("%s", v).contains("单件测评结果不公布").doesNotContain("办理结果基本满意");
		}
		for (Viewer v : List.of(c.s().lead(), c.s().cosigner(), Viewer.coordinator("boss"))) {
			assertThat(page(c, v)).as("%s", v).contains("办理结果基本满意");
		}
	}

	@Test
	void afterRehandlingTheAssignmentStepKeepsItsOwnDeadline() throws Exception {
		// extended, then sent back for re-handling: each of the three steps has its own
		Case c = aCase(true, LocalDate.of(2022, 7, 15));
		this.evaluations.rate(c.s().lead(), this.replyId(c.publicIndex()),
				new RateCommand(Rating.UNSATISFIED, Rating.UNSATISFIED, null));
		ProposalView p = this.proposals.proposal(c.proposalId());
		LocalDate rehandlingDeadline = p.lead().deadline();
		assertThat(rehandlingDeadline).isNotEqualTo(LocalDate.of(2022, 6, 1)).isNotEqualTo(LocalDate.of(2022, 7, 15));
		assertThat(p.lead().assignedDeadline()).isEqualTo(LocalDate.of(2022, 6, 1));
		String page = page(c, Viewer.anonymous());
		assertThat(page).contains("交办测试单位" + c.s().n() + "主办，办理期限 2022-06-01")
			.contains("协办，办理期限 2022-06-01")
			.contains("测试单位" + c.s().n() + "（主办）延期至 2022-07-15")
			.contains("退回重新办理，新的办理期限 " + rehandlingDeadline)
			.doesNotContain("主办，办理期限 " + rehandlingDeadline);
		// the deputy's own journey (我的建议) says the same
		String mine = this.mvc.perform(get("/my/proposals/{id}", c.proposalId()).with(AsViewer.as(c.s().lead())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(mine).contains("交办测试单位" + c.s().n() + "主办，答复期限 2022-06-01")
			.doesNotContain("主办，答复期限 " + rehandlingDeadline);
	}

	@Test
	void oddAndUnknownAddressesAre404ForEveryone() throws Exception {
		Case c = aCase(true);
		long session = c.s().sessionId();
		List<String> urls = List.of("/sessions/" + session + "/proposals/0", "/sessions/" + session + "/proposals/-1",
				"/sessions/" + session + "/proposals/999999999", "/sessions/" + session + "/proposals/abc",
				"/sessions/" + session + "/proposals/99999999999999999999999",
				"/sessions/" + session + "/proposals/" + c.number() + "x", "/sessions/0/proposals/" + c.number(),
				"/sessions/999999999999/proposals/" + c.number(), "/sessions/abc/proposals/" + c.number(),
				"/sessions/-1/proposals/" + c.number());
		for (Viewer v : List.of(Viewer.anonymous(), c.s().lead(), c.s().official(), Viewer.coordinator("boss"))) {
			for (String url : urls) {
				MockHttpServletResponse response = response(get(url), v);
				assertThat(response.getStatus()).as("%s as %s", url, v).isEqualTo(404);
				assertThat(response.getContentAsString()).doesNotContain(c.hiddenIndex());
			}
		}
		// the same proposal number in another session is another proposal (or none)
		long otherSession = this.data.session(2022).id();
		assertThat(
				response(get("/sessions/" + otherSession + "/proposals/" + c.number()), Viewer.anonymous()).getStatus())
			.isEqualTo(404);
	}

	@Test
	void everyReplyPageLinksToItsProposalsRecord() throws Exception {
		Case c = aCase(true);
		String letter = response(get("/replies/{id}", replyId(c.publicIndex())), Viewer.anonymous())
			.getContentAsString();
		assertThat(letter).contains("href=\"" + c.url() + "\"");
	}

	private long replyId(String index) {
		return this.jdbc.sql("select id from reply where index_number = ?").param(index).query(Long.class).single();
	}

	private String page(Case c, Viewer viewer) throws Exception {
		MockHttpServletResponse response = response(get(c.url()), viewer);
		assertThat(response.getStatus()).as("%s as %s", c.url(), viewer).isEqualTo(200);
		return response.getContentAsString();
	}

	private MockHttpServletResponse response(MockHttpServletRequestBuilder request, Viewer viewer) throws Exception {
		if (viewer.role() != org.dafu.access.Role.PUBLIC) {
			request = request.with(AsViewer.as(viewer));
		}
		return this.mvc.perform(request).andReturn().getResponse();
	}

}
