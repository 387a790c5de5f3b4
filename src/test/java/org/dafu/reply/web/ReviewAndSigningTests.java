package org.dafu.reply.web;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.dafu.access.Viewer;
import org.dafu.reply.IssueGate;
import org.dafu.reply.ReplyReview;
import org.dafu.reply.ReplyService;
import org.dafu.reply.ReplyStatus;
import org.dafu.reply.ReplyView;
import org.dafu.reply.ReviewStep;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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

/**
 * Review and signing inside a unit: a drafter (经办人) submits, a signer (签发人) of the lead
 * unit returns with a comment or issues after confirming the version shown; nobody else
 * issues, and a refusal changes nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ TestDataConfiguration.class, ReviewAndSigningTests.Gates.class })
class ReviewAndSigningTests {

	/** Proposals the test gate holds back, with the reason it gives. */
	static final Map<Long, String> HELD = new ConcurrentHashMap<>();

	@TestConfiguration
	static class Gates {

		@Bean
		IssueGate heldProposals() {
			return (proposalId, locale) -> Optional.ofNullable(HELD.get(proposalId));
		}

	}

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	ReplyService replies;

	@Autowired
	ReplyReview review;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aDrafterSubmitsTheSignerReturnsWithACommentTheDrafterFixesItAndTheSignerIssuesTheVersionShown()
			throws Exception {
		Scenario s = this.data.scenario();
		long id = this.data.draft(s, "审核流程");
		Viewer drafter = s.drafter();
		Viewer leader = s.official();

		// the editor's "save and submit" saves the typed text first, then submits it
		Map<String, String> fields = EditorPosts.fieldsOf(this.replies.ofOwnUnit(drafter, id));
		fields.put("opening", "经办人的初稿。");
		fields.put("action", "submit");
		this.mvc.perform(EditorPosts.save(id, fields).with(as(drafter)))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/workspace/unit/replies/" + id + "/preview"))
			.andExpect(flash().attribute("message", "drafting.review.submitted"));
		ReplyView submitted = this.replies.ofOwnUnit(drafter, id);
		assertThat(submitted.status()).isEqualTo(ReplyStatus.SUBMITTED);
		assertThat(submitted.opening()).isEqualTo("经办人的初稿。");

		// a submitted draft is not edited: the editor sends back to the preview, a save
		// changes nothing
		this.mvc.perform(get("/workspace/unit/replies/" + id + "/edit").with(as(drafter)))
			.andExpect(redirectedUrl("/workspace/unit/replies/" + id + "/preview"))
			.andExpect(flash().attribute("message", "drafting.review.locked"));
		Map<String, String> late = EditorPosts.fieldsOf(submitted);
		late.put("opening", "提交后偷偷改");
		this.mvc.perform(EditorPosts.save(id, late).with(as(drafter)))
			.andExpect(flash().attribute("message", "drafting.review.locked"));
		assertThat(this.replies.ofOwnUnit(drafter, id).opening()).isEqualTo("经办人的初稿。");

		// a return needs a comment; without one nothing changes
		this.mvc
			.perform(post("/workspace/unit/replies/" + id + "/return").with(csrf())
				.with(as(leader))
				.param("version", Integer.toString(submitted.version()))
				.param("comment", "  "))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("退回时请写明要修改什么。")));
		assertThat(this.replies.ofOwnUnit(leader, id).status()).isEqualTo(ReplyStatus.SUBMITTED);
		this.mvc
			.perform(post("/workspace/unit/replies/" + id + "/return").with(csrf())
				.with(as(leader))
				.param("version", Integer.toString(submitted.version()))
				.param("comment", "请补充完成时限。"))
			.andExpect(redirectedUrl("/workspace/unit/replies/" + id + "/preview"))
			.andExpect(flash().attribute("message", "drafting.review.returned"));

		// the drafter sees the comment in the editor and in the inbox count
		this.mvc.perform(get("/workspace/unit/replies/" + id + "/edit").with(as(drafter)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请补充完成时限。")));
		this.mvc.perform(get("/workspace/unit").with(as(drafter)))
			.andExpect(content().string(containsString("退回给我修改 1 件")));

		// fixed and submitted again
		fields = EditorPosts.fieldsOf(this.replies.ofOwnUnit(drafter, id));
		fields.put("opening", "经办人的修改稿，2026年底前完成。");
		fields.put("action", "submit");
		this.mvc.perform(EditorPosts.save(id, fields).with(as(drafter))).andExpect(status().is3xxRedirection());
		ReplyView again = this.replies.ofOwnUnit(leader, id);
		assertThat(again.status()).isEqualTo(ReplyStatus.SUBMITTED);
		this.mvc.perform(get("/workspace/unit").with(as(leader))).andExpect(content().string(containsString("待审核签发 ")));

		// the confirmation shows what will be published and carries its version
		this.mvc.perform(get("/workspace/unit/replies/" + id + "/issue").with(as(leader)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("经办人的修改稿，2026年底前完成。")))
			.andExpect(content().string(containsString("name=\"version\" value=\"" + again.version() + "\"")))
			.andExpect(content().string(containsString("确认签发")));
		this.mvc
			.perform(post("/workspace/unit/replies/" + id + "/issue").with(csrf())
				.with(as(leader))
				.param("version", Integer.toString(again.version()))
				.param("signerName", "李明"))
			.andExpect(redirectedUrl("/workspace/unit/replies/" + id + "/preview"))
			.andExpect(flash().attribute("message", "drafting.issue.done"));

		ReplyView issued = this.replies.ofOwnUnit(leader, id);
		assertThat(issued.isIssued()).isTrue();
		assertThat(issued.signerName()).isEqualTo("李明");
		assertThat(issued.opening()).isEqualTo("经办人的修改稿，2026年底前完成。");
		assertThat(issued.review()).extracting(ReplyView.ReviewView::step)
			.containsExactly(ReviewStep.SUBMITTED, ReviewStep.RETURNED, ReviewStep.SUBMITTED, ReviewStep.ISSUED);
		assertThat(issued.review()).extracting(ReplyView.ReviewView::actor)
			.containsExactly(drafter.username(), leader.username(), drafter.username(), leader.username());
		assertThat(issued.review().get(1).comment()).isEqualTo("请补充完成时限。");

		// the history in the workspace, in Beijing time and labelled; the public letter
		// names its 签发人
		this.mvc.perform(get("/workspace/unit/replies/" + id + "/preview").with(as(drafter)))
			.andExpect(content().string(containsString("审核记录")))
			.andExpect(content().string(containsString("（北京时间）")))
			.andExpect(content().string(containsString("请补充完成时限。")));
		this.mvc.perform(get("/replies/" + id))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("签发人：李明")))
			.andExpect(content().string(not(containsString("审核记录"))));
		assertThat(this.jdbc.sql(
				"select count(*) from revision where entity_type = 'reply' and entity_id = :id and change_kind = 'RETURNED'")
			.param("id", id)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aDrafterCannotIssueOrReturnAndNothingChanges() throws Exception {
		Scenario s = this.data.scenario();
		long id = this.data.draft(s, "经办人不能签发");
		Viewer drafter = s.drafter();
		this.review.submit(drafter, id, 0);
		int version = this.replies.ofOwnUnit(drafter, id).version();

		this.mvc.perform(get("/workspace/unit/replies/" + id + "/issue").with(as(drafter)))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("只有主办单位的签发人才能签发或退回答复")));
		this.mvc
			.perform(post("/workspace/unit/replies/" + id + "/issue").with(csrf())
				.with(as(drafter))
				.param("version", Integer.toString(version))
				.param("signerName", "冒名"))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("只有主办单位的签发人才能签发或退回答复")));
		this.mvc
			.perform(post("/workspace/unit/replies/" + id + "/return").with(csrf())
				.with(as(drafter))
				.param("version", Integer.toString(version))
				.param("comment", "自己退回"))
			.andExpect(status().isForbidden());
		// the preview offers a drafter no 签发
		this.mvc.perform(get("/workspace/unit/replies/" + id + "/preview").with(as(drafter)))
			.andExpect(content().string(not(containsString("id=\"issue-link\""))))
			.andExpect(content().string(not(containsString("id=\"return-form\""))));
		// the service refuses too, whatever page sent it
		assertThatThrownBy(() -> this.review.issue(drafter, id, version)).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.review.returnForChanges(drafter, id, version, "自己退回"))
			.isInstanceOf(AccessDeniedException.class);

		ReplyView unchanged = this.replies.ofOwnUnit(drafter, id);
		assertThat(unchanged.status()).isEqualTo(ReplyStatus.SUBMITTED);
		assertThat(unchanged.version()).isEqualTo(version);
		assertThat(this.jdbc
			.sql("select count(*) from audit_log where action = 'ACCESS_DENIED' and target = :t and actor = :a")
			.param("t", "reply:" + id)
			.param("a", drafter.username())
			.query(Integer.class)
			.single()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void anotherUnitsSignerCannotIssueOrReturnAndThePublicCannotSeeASubmittedDraft() throws Exception {
		Scenario s = this.data.scenario();
		long id = this.data.draft(s, "他单位签发人");
		this.review.submit(s.drafter(), id, 0);
		int version = this.replies.ofOwnUnit(s.official(), id).version();
		Viewer other = s.otherOfficial();
		assertThat(other.isSigner()).isTrue();
		this.mvc
			.perform(post("/workspace/unit/replies/" + id + "/issue").with(csrf())
				.with(as(other))
				.param("version", Integer.toString(version))
				.param("signerName", "外人"))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/workspace/unit/replies/" + id + "/return").with(csrf())
				.with(as(other))
				.param("version", Integer.toString(version))
				.param("comment", "外人退回"))
			.andExpect(status().isNotFound());
		assertThatThrownBy(() -> this.review.issue(other, id, version))
			.isInstanceOf(org.dafu.platform.web.NotFoundException.class);
		for (Viewer outsider : new Viewer[] { Viewer.anonymous(), s.lead(), s.bystander() }) {
			this.mvc.perform(get("/replies/" + id).with(as(outsider)))
				.andExpect(status().isNotFound())
				.andExpect(content().string(not(containsString("他单位签发人"))));
		}
		this.mvc.perform(get("/replies/" + id))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString("他单位签发人"))));
		assertThat(this.replies.ofOwnUnit(s.official(), id).status()).isEqualTo(ReplyStatus.SUBMITTED);
		assertThat(this.replies.ofOwnUnit(s.official(), id).version()).isEqualTo(version);
	}

	@Test
	void aDraftChangedAfterTheConfirmationPageIsNotIssued() throws Exception {
		Scenario s = this.data.scenario();
		long id = this.data.draft(s, "确认后改动");
		Viewer drafter = s.drafter();
		Viewer leader = s.official();
		this.review.submit(drafter, id, 0);
		int shown = this.replies.ofOwnUnit(leader, id).version();
		this.mvc.perform(get("/workspace/unit/replies/" + id + "/issue").with(as(leader))).andExpect(status().isOk());
		// meanwhile the drafter recalls it, changes it and submits it again
		this.review.recall(drafter, id, shown);
		Map<String, String> fields = EditorPosts.fieldsOf(this.replies.ofOwnUnit(drafter, id));
		fields.put("opening", "确认页之后的改动");
		fields.put("action", "submit");
		this.mvc.perform(EditorPosts.save(id, fields).with(as(drafter))).andExpect(status().is3xxRedirection());

		this.mvc
			.perform(post("/workspace/unit/replies/" + id + "/issue").with(csrf())
				.with(as(leader))
				.param("version", Integer.toString(shown))
				.param("signerName", "李明"))
			.andExpect(status().isConflict());
		ReplyView after = this.replies.ofOwnUnit(leader, id);
		assertThat(after.isIssued()).isFalse();
		assertThat(after.status()).isEqualTo(ReplyStatus.SUBMITTED);
		assertThat(after.indexNumber()).isNull();
	}

	@Test
	void aSignerNameIsRequiredAndAnIssueGateRefusalChangesNothing() throws Exception {
		Scenario s = this.data.scenario();
		long id = this.data.draft(s, "签发门");
		Viewer leader = s.official();
		this.review.submit(s.drafter(), id, 0);
		int version = this.replies.ofOwnUnit(leader, id).version();
		this.mvc
			.perform(post("/workspace/unit/replies/" + id + "/issue").with(csrf())
				.with(as(leader))
				.param("version", Integer.toString(version))
				.param("signerName", " "))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("请填写签发人姓名")));
		HELD.put(s.proposalId(), "协办意见尚未提交（测试）");
		try {
			this.mvc.perform(get("/workspace/unit/replies/" + id + "/issue").with(as(leader)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("协办意见尚未提交（测试）")));
			this.mvc
				.perform(post("/workspace/unit/replies/" + id + "/issue").with(csrf())
					.with(as(leader))
					.param("version", Integer.toString(version))
					.param("signerName", "李明"))
				.andExpect(status().isConflict())
				.andExpect(content().string(containsString("协办意见尚未提交（测试）")));
			assertThat(this.review.issueRefusal(s.proposalId(), Locale.SIMPLIFIED_CHINESE)).contains("协办意见尚未提交（测试）");
		}
		finally {
			HELD.remove(s.proposalId());
		}
		ReplyView after = this.replies.ofOwnUnit(leader, id);
		assertThat(after.isIssued()).isFalse();
		assertThat(after.version()).isEqualTo(version);
		// once the gate agrees, the same confirmation issues
		this.mvc
			.perform(post("/workspace/unit/replies/" + id + "/issue").with(csrf())
				.with(as(leader))
				.param("version", Integer.toString(version))
				.param("signerName", "李明"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.replies.ofOwnUnit(leader, id).signerName()).isEqualTo("李明");
	}

	@Test
	void theDrafterRecallsASubmittedDraftToEditIt() throws Exception {
		Scenario s = this.data.scenario();
		long id = this.data.draft(s, "撤回");
		Viewer drafter = s.drafter();
		this.review.submit(drafter, id, 0);
		int version = this.replies.ofOwnUnit(drafter, id).version();
		this.mvc
			.perform(post("/workspace/unit/replies/" + id + "/recall").with(csrf())
				.with(as(drafter))
				.param("version", Integer.toString(version)))
			.andExpect(redirectedUrl("/workspace/unit/replies/" + id + "/edit"))
			.andExpect(flash().attribute("message", "drafting.review.recalled"));
		assertThat(this.replies.ofOwnUnit(drafter, id).status()).isEqualTo(ReplyStatus.DRAFT);
		this.mvc.perform(get("/workspace/unit/replies/" + id + "/edit").with(as(drafter)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("value=\"sign\""))));
		assertThat(Set.of(ReviewStep.SUBMITTED, ReviewStep.RECALLED)).containsAll(
				this.replies.ofOwnUnit(drafter, id).review().stream().map(ReplyView.ReviewView::step).toList());
	}

}
