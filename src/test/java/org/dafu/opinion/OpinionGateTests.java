package org.dafu.opinion;

import java.util.Locale;

import org.dafu.proposal.ProposalService;
import org.dafu.proposal.ProposalStatus;
import org.dafu.reply.IssueRefusedException;
import org.dafu.reply.ReplyReview;
import org.dafu.reply.ReplyService;
import org.dafu.reply.ReplyStatus;
import org.dafu.testing.TestData;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dafu.testing.AsViewer.as;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The lead unit cannot issue while a co-unit's opinion is outstanding: refused with the
 * reason, nothing changed; it can once the opinion is signed, or once a coordinator
 * waived it with a reason (recorded and shown).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class OpinionGateTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	ProposalService proposals;

	@Autowired
	ReplyService replies;

	@Autowired
	ReplyReview review;

	@Autowired
	OpinionService opinions;

	@Autowired
	OpinionGate gate;

	@Test
	void issuingIsRefusedWhileAnOpinionIsOutstandingAndAllowedOnceSigned() throws Exception {
		OpinionFixture f = OpinionFixture.create(this.data, this.proposals);
		long draft = this.data.draft(f.s(), f.proposalId(), "等待协办" + f.s().n());
		int version = this.replies.ofOwnUnit(f.lead(), draft).version();
		this.mvc
			.perform(post("/workspace/unit/replies/" + draft + "/issue").param("version", String.valueOf(version))
				.param("signerName", "王签发")
				.with(as(f.lead()))
				.with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("协办单位")));
		assertThat(this.replies.ofOwnUnit(f.lead(), draft).status()).isEqualTo(ReplyStatus.DRAFT);
		assertThat(this.replies.ofOwnUnit(f.lead(), draft).version()).isEqualTo(version);
		assertThat(this.proposals.proposal(f.proposalId()).status()).isEqualTo(ProposalStatus.ASSIGNED);
		assertThatThrownBy(() -> this.review.issue(f.lead(), draft, version)).isInstanceOf(IssueRefusedException.class)
			.hasMessageContaining("协办单位");
		// a saved or submitted opinion is still outstanding
		this.opinions.save(f.coDrafter(), f.proposalId(), null, "意见" + f.s().n(), false);
		this.opinions.submit(f.coDrafter(), f.proposalId(), current(f));
		assertThatThrownBy(() -> this.review.issue(f.lead(), draft, version)).isInstanceOf(IssueRefusedException.class);
		this.opinions.sign(f.coSigner(), f.proposalId(), current(f));
		assertThat(this.review.issue(f.lead(), draft, version).status()).isEqualTo(ReplyStatus.ISSUED);
	}

	@Test
	void aCoordinatorsWaiverWithAReasonLetsTheLeadUnitIssue() throws Exception {
		OpinionFixture f = OpinionFixture.create(this.data, this.proposals);
		long draft = this.data.draft(f.s(), f.proposalId(), "免于等待" + f.s().n());
		int version = this.replies.ofOwnUnit(f.lead(), draft).version();
		String waiver = "/workspace/coordinator/proposals/" + f.proposalId() + "/opinions/" + f.coUnitId() + "/waiver";
		// the lead unit cannot waive; a coordinator must give a reason
		this.mvc.perform(post(waiver).param("reason", "自行决定").with(as(f.lead())).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(post(waiver).param("reason", "  ").with(as(f.coordinator())).with(csrf()))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(content().string(containsString("请填写不再等待的理由")));
		assertThat(this.opinions.outstandingUnits(f.proposalId())).hasSize(1);
		this.mvc.perform(post(waiver).param("reason", "协办单位已书面答复无意见。").with(as(f.coordinator())).with(csrf()))
			.andExpect(redirectedUrl("/workspace/coordinator/proposals/" + f.proposalId() + "/opinions"));
		assertThat(this.opinions.outstandingUnits(f.proposalId())).isEmpty();
		// recorded and shown, to the coordinator and beside the lead unit's draft
		this.mvc
			.perform(get("/workspace/coordinator/proposals/" + f.proposalId() + "/opinions").with(as(f.coordinator())))
			.andExpect(content().string(containsString("协办单位已书面答复无意见。")));
		this.mvc.perform(get("/workspace/unit/replies/" + draft + "/edit").with(as(f.lead())))
			.andExpect(content().string(containsString("协办单位已书面答复无意见。")));
		assertThat(this.review.issue(f.lead(), draft, version).status()).isEqualTo(ReplyStatus.ISSUED);
	}

	@Test
	void theRefusalNamesTheUnitInTheViewersLanguage() {
		OpinionFixture f = OpinionFixture.create(this.data, this.proposals);
		assertThat(this.gate.refusal(f.proposalId(), Locale.ENGLISH))
			.hasValueSatisfying((text) -> assertThat(text).contains("co-handling unit").contains("协办单位"));
		assertThat(this.gate.refusal(f.proposalId(), Locale.SIMPLIFIED_CHINESE))
			.hasValueSatisfying((text) -> assertThat(text).contains("尚未签发"));
		assertThat(this.gate.refusal(this.data.scenario().proposalId(), Locale.SIMPLIFIED_CHINESE)).isEmpty();
	}

	private int current(OpinionFixture f) {
		return this.opinions.ofOwnUnit(f.coSigner(), f.proposalId()).version();
	}

}
