package org.dafu.opinion;

import java.time.Instant;

import org.dafu.access.Viewer;
import org.dafu.proposal.ProposalService;
import org.dafu.reply.DisclosureMode;
import org.dafu.reply.ReplyKind;
import org.dafu.reply.ReplyReview;
import org.dafu.reply.ResultClass;
import org.dafu.testing.TestData;
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
 * Who may do and see what with a co-handling opinion, through its routes: the co-unit's
 * drafter writes and submits, only its signer signs or returns; another unit never finds
 * it; the lead unit sees its status and, once signed, its text; the proposal's deputies
 * see it signed; the public only when the lead reply is public and the co-unit chose to
 * publish it; coordinators see all.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class OpinionAccessTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	ProposalService proposals;

	@Autowired
	ReplyReview review;

	@Autowired
	OpinionService opinions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theCoUnitDraftsSubmitsIsReturnedAndSignsEveryStepRecorded() throws Exception {
		OpinionFixture f = OpinionFixture.create(this.data, this.proposals);
		String url = "/workspace/unit/opinions/" + f.proposalId();
		this.mvc.perform(get("/workspace/unit/opinions").with(as(f.coDrafter())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("关于协办建议")))
			// due 15 days before the lead unit's deadline of 2022-06-10, and overdue
			// today
			.andExpect(content().string(containsString("2022-05-26")))
			.andExpect(content().string(containsString("已逾期")));
		this.mvc.perform(get(url).with(as(f.coDrafter()))).andExpect(status().isOk());
		save(f.coDrafter(), f, null, "初稿意见" + f.s().n(), false);
		// a drafter submits, but never signs nor returns
		this.mvc.perform(post(url + "/submission").param("version", version(f)).with(as(f.coDrafter())).with(csrf()))
			.andExpect(redirectedUrl(url));
		this.mvc.perform(post(url + "/signature").param("version", version(f)).with(as(f.coDrafter())).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post(url + "/return").param("version", version(f))
				.param("comment", "退回")
				.with(as(f.coDrafter()))
				.with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(this.opinions.ofOwnUnit(f.coSigner(), f.proposalId()).status()).isEqualTo(OpinionStatus.SUBMITTED);
		// a return says why
		this.mvc.perform(post(url + "/return").param("version", version(f)).with(as(f.coSigner())).with(csrf()))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(content().string(containsString("退回时请填写退回意见")));
		this.mvc
			.perform(post(url + "/return").param("version", version(f))
				.param("comment", "请补充资金数据。")
				.with(as(f.coSigner()))
				.with(csrf()))
			.andExpect(redirectedUrl(url));
		save(f.coDrafter(), f, version(f), "同意主办单位意见，已安排资金300万元。" + f.s().n(), true);
		this.mvc.perform(post(url + "/submission").param("version", version(f)).with(as(f.coDrafter())).with(csrf()))
			.andExpect(redirectedUrl(url));
		this.mvc.perform(post(url + "/signature").param("version", version(f)).with(as(f.coSigner())).with(csrf()))
			.andExpect(redirectedUrl(url));
		OpinionView signed = this.opinions.ofOwnUnit(f.coSigner(), f.proposalId());
		assertThat(signed.status()).isEqualTo(OpinionStatus.SIGNED);
		assertThat(signed.signedBy()).isEqualTo(f.coSigner().username());
		assertThat(signed.steps()).extracting(OpinionView.StepView::action)
			.containsExactly(OpinionAction.SAVED, OpinionAction.SUBMITTED, OpinionAction.RETURNED, OpinionAction.SAVED,
					OpinionAction.SUBMITTED, OpinionAction.SIGNED);
		this.mvc.perform(get(url).with(as(f.coDrafter())))
			.andExpect(content().string(containsString("请补充资金数据。")))
			.andExpect(content().string(containsString("北京时间")))
			.andExpect(content().string(containsString("已签发")));
		// the lead unit is told
		assertThat(this.jdbc
			.sql("select count(*) from notification where kind = 'OPINION_SIGNED' and recipient_unit_id = ?"
					+ " and proposal_id = ?")
			.params(f.s().unitId(), f.proposalId())
			.query(Long.class)
			.single()).isEqualTo(1);
		// a signed opinion is fixed
		save(f.coDrafter(), f, version(f), "改动", false, 422);
	}

	@Test
	void aStaleVersionIsAConflictAndChangesNothing() throws Exception {
		OpinionFixture f = OpinionFixture.create(this.data, this.proposals);
		save(f.coDrafter(), f, null, "第一版" + f.s().n(), false);
		String stale = version(f);
		save(f.coSigner(), f, stale, "签发人的改动" + f.s().n(), false);
		this.mvc
			.perform(post("/workspace/unit/opinions/" + f.proposalId()).param("version", stale)
				.param("body", "经办人的改动")
				.with(as(f.coDrafter()))
				.with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("该意见已被他人修改")))
			.andExpect(content().string(containsString("经办人的改动")));
		assertThat(this.opinions.ofOwnUnit(f.coDrafter(), f.proposalId()).body()).isEqualTo("签发人的改动" + f.s().n());
		// a second first save (from a page that showed nothing) is stale too
		save(f.coDrafter(), f, null, "又一版", false, 409);
	}

	@Test
	void anotherUnitNeverFindsTheOpinion() throws Exception {
		OpinionFixture f = OpinionFixture.create(this.data, this.proposals);
		String text = "另一单位不可见" + f.s().n();
		signed(f, text, true);
		this.data.issuedWith(f.proposalId(), f.s().unitId(), "T" + f.s().n(),
				TestData.letter("公开答复" + f.s().n(), DisclosureMode.NOT_PUBLIC, ResultClass.A));
		Viewer other = f.s().otherOfficial();
		this.mvc.perform(get("/workspace/unit/opinions/" + f.proposalId()).with(as(other)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/workspace/unit/opinions/" + f.proposalId()).param("body", "x").with(as(other)).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/workspace/unit/opinions").with(as(other)))
			.andExpect(content().string(not(containsString(text))));
		assertThat(this.opinions.opinionsVisibleTo(other, f.proposalId())).isEmpty();
		assertThat(this.opinions.forLeadUnit(other, f.proposalId())).isEmpty();
		// the lead unit and coordinators do see it
		assertThat(this.opinions.forLeadUnit(f.lead(), f.proposalId())).extracting(OpinionView::body)
			.containsExactly(text);
		this.mvc
			.perform(get("/workspace/coordinator/proposals/" + f.proposalId() + "/opinions").with(as(f.coordinator())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(text)));
		this.mvc.perform(get("/workspace/coordinator/proposals/" + f.proposalId() + "/opinions").with(as(other)))
			.andExpect(status().isForbidden());
	}

	@Test
	void theLeadUnitSeesStatusBeforeSigningAndTextAfter() throws Exception {
		OpinionFixture f = OpinionFixture.create(this.data, this.proposals);
		String text = "签发前主办单位看不到" + f.s().n();
		save(f.coDrafter(), f, null, text, false);
		long draft = this.data.draft(f.s(), f.proposalId(), "主办草稿" + f.s().n());
		this.mvc.perform(get("/workspace/unit/replies/" + draft + "/edit").with(as(f.lead())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("协办单位意见")))
			.andExpect(content().string(containsString("起草")))
			.andExpect(content().string(not(containsString(text))));
		this.mvc.perform(post("/workspace/unit/opinions/" + f.proposalId() + "/submission").param("version", version(f))
			.with(as(f.coDrafter()))
			.with(csrf()));
		this.mvc.perform(post("/workspace/unit/opinions/" + f.proposalId() + "/signature").param("version", version(f))
			.with(as(f.coSigner()))
			.with(csrf()));
		this.mvc.perform(get("/workspace/unit/replies/" + draft + "/edit").with(as(f.lead())))
			.andExpect(content().string(containsString(text)))
			.andExpect(content().string(containsString("已签发")));
	}

	@Test
	void deputiesSeeSignedOpinionsOfTheirOwnProposalsOnly() throws Exception {
		OpinionFixture f = OpinionFixture.create(this.data, this.proposals);
		String text = "代表可见" + f.s().n();
		save(f.coDrafter(), f, null, text, false);
		assertThat(this.opinions.opinionsVisibleTo(f.s().lead(), f.proposalId())).isEmpty();
		signedFromDraft(f);
		assertThat(this.opinions.opinionsVisibleTo(f.s().lead(), f.proposalId())).extracting(OpinionView::body)
			.containsExactly(text);
		assertThat(this.opinions.opinionsVisibleTo(f.s().cosigner(), f.proposalId())).hasSize(1);
		assertThat(this.opinions.opinionsVisibleTo(f.s().bystander(), f.proposalId())).isEmpty();
		this.mvc.perform(get("/my/proposals/" + f.proposalId()).with(as(f.s().lead())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(text)));
		this.mvc.perform(get("/my/proposals/" + f.proposalId()).with(as(f.s().bystander())))
			.andExpect(content().string(not(containsString(text))));
	}

	@Test
	void thePublicSeesAnOpinionOnlyWhenTheLeadReplyIsPublicAndTheUnitPublishesIt() throws Exception {
		// chosen for publication, but the lead reply is not public
		OpinionFixture hidden = OpinionFixture.create(this.data, this.proposals);
		String hiddenText = "答复未公开" + hidden.s().n();
		signed(hidden, hiddenText, true);
		long notPublic = this.data.issuedWith(hidden.proposalId(), hidden.s().unitId(), "T" + hidden.s().n(),
				TestData.letter("不公开答复" + hidden.s().n(), DisclosureMode.NOT_PUBLIC, ResultClass.A));
		assertThat(this.opinions.opinionsVisibleTo(Viewer.anonymous(), hidden.proposalId())).isEmpty();
		this.mvc.perform(get("/replies/" + notPublic)).andExpect(status().isNotFound());
		// the lead reply is public, but the unit did not choose to publish
		OpinionFixture unpublished = OpinionFixture.create(this.data, this.proposals);
		String unpublishedText = "单位未选择公开" + unpublished.s().n();
		signed(unpublished, unpublishedText, false);
		long reply = publicReply(unpublished);
		assertThat(this.opinions.opinionsVisibleTo(Viewer.anonymous(), unpublished.proposalId())).isEmpty();
		assertThat(this.opinions.opinionsVisibleTo(unpublished.s().otherOfficial(), unpublished.proposalId()))
			.isEmpty();
		this.mvc.perform(get("/replies/" + reply))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(unpublishedText))));
		// both: public
		OpinionFixture published = OpinionFixture.create(this.data, this.proposals);
		String publishedText = "公开的协办意见" + published.s().n();
		signed(published, publishedText, true);
		long publicReply = publicReply(published);
		this.mvc.perform(get("/replies/" + publicReply))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(publishedText)))
			.andExpect(content().string(containsString("协办单位意见")));
	}

	@Test
	void aPublicLetterShowsAnOpinionSignedAfterItWasRead() throws Exception {
		OpinionFixture f = OpinionFixture.create(this.data, this.proposals);
		long reply = publicReply(f);
		String text = "签发在后的协办意见" + f.s().n();
		// read once: the public's letter pages now know of no signed opinion on it
		this.mvc.perform(get("/replies/" + reply))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("co-opinions-visible"))));
		this.opinions.save(f.coDrafter(), f.proposalId(), null, text, true);
		this.mvc.perform(get("/replies/" + reply)).andExpect(content().string(not(containsString(text))));
		signedFromDraft(f);
		this.mvc.perform(get("/replies/" + reply))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(text)))
			.andExpect(content().string(containsString("co-opinions-visible")));
	}

	private long publicReply(OpinionFixture f) {
		return this.review.recordIssued(f.proposalId(), f.s().unitId(), ReplyKind.ORIGINAL,
				TestData.letter("公开答复" + f.s().n(), DisclosureMode.PROACTIVE, ResultClass.A),
				"T" + f.s().n() + "/2022-" + TestData.unique(), Instant.now());
	}

	private void signed(OpinionFixture f, String text, boolean publish) {
		this.opinions.save(f.coDrafter(), f.proposalId(), null, text, publish);
		signedFromDraft(f);
	}

	private void signedFromDraft(OpinionFixture f) {
		this.opinions.submit(f.coDrafter(), f.proposalId(),
				this.opinions.ofOwnUnit(f.coDrafter(), f.proposalId()).version());
		this.opinions.sign(f.coSigner(), f.proposalId(),
				this.opinions.ofOwnUnit(f.coSigner(), f.proposalId()).version());
	}

	private String version(OpinionFixture f) {
		Integer version = this.opinions.ofOwnUnit(f.coSigner(), f.proposalId()).version();
		return (version != null) ? version.toString() : "";
	}

	private void save(Viewer viewer, OpinionFixture f, String version, String body, boolean publish) throws Exception {
		save(viewer, f, version, body, publish, 302);
	}

	private void save(Viewer viewer, OpinionFixture f, String version, String body, boolean publish, int expected)
			throws Exception {
		MockHttpServletRequestBuilder request = post("/workspace/unit/opinions/" + f.proposalId()).param("body", body)
			.with(as(viewer))
			.with(csrf());
		if (version != null) {
			request = request.param("version", version);
		}
		if (publish) {
			request = request.param("publish", "true");
		}
		this.mvc.perform(request).andExpect(status().is(expected));
	}

}
