package org.dafu.history;

import java.util.List;

import org.dafu.access.Viewer;
import org.dafu.platform.web.NotFoundException;
import org.dafu.reply.DisclosureMode;
import org.dafu.reply.LetterContent;
import org.dafu.reply.ReplyCorrections;
import org.dafu.reply.ReplyDrafting;
import org.dafu.reply.ReplyService;
import org.dafu.reply.ReplyView;
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
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class HistoryTests {

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
	ReplyDrafting drafting;

	@Autowired
	HistoryService history;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyChangeOfADraftIsARevisionWithWhoAndWhat() {
		Scenario s = this.data.scenario();
		long id = this.data.draft(s, "初稿");
		for (String marker : List.of("二稿", "三稿")) {
			int version = this.replies.readable(s.official(), id).version();
			this.drafting.editDraft(s.official(), id, version,
					TestData.letter(marker, DisclosureMode.PROACTIVE, ResultClass.B));
		}
		List<RevisionView> revisions = this.history.revisions("reply", id);
		assertThat(revisions).extracting(RevisionView::changeKind).containsExactly("DRAFTED", "EDITED", "EDITED");
		assertThat(revisions).extracting(RevisionView::ordinal).containsExactly(1, 2, 3);
		assertThat(revisions.get(0).before()).isNull();
		assertThat(revisions.get(0).after()).contains("一、关于产业发展初稿");
		assertThat(revisions.get(1).before()).isEqualTo(revisions.get(0).after());
		assertThat(revisions.get(2).after()).contains("三稿").doesNotContain("二稿");
		assertThat(revisions.get(2).diff()).anyMatch((l) -> l.isRemoved() && l.text().contains("二稿"))
			.anyMatch((l) -> l.isAdded() && l.text().contains("三稿"));
		// A refused save records nothing.
		assertThatThrownBy(() -> this.drafting.editDraft(s.official(), id, 0,
				TestData.letter("过期", DisclosureMode.PROACTIVE, ResultClass.B)))
			.isInstanceOf(ObjectOptimisticLockingFailureException.class);
		assertThat(this.history.revisions("reply", id)).hasSize(3);
	}

	@Test
	void aCorrectionKeepsTheOriginalTextInTheHistory() {
		Scenario s = this.data.scenario();
		long id = this.data.issued(s, DisclosureMode.PROACTIVE, "原文本");
		ReplyView original = this.replies.readable(s.official(), id);
		LetterContent corrected = TestData.letter("更正后", DisclosureMode.PROACTIVE, ResultClass.A);
		assertThatThrownBy(() -> this.corrections.correct(s.otherOfficial(), id, original.version(), corrected, "错别字"))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.corrections.correct(s.lead(), id, original.version(), corrected, "错别字"))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.corrections.correct(s.official(), id, original.version(), corrected, " "))
			.isInstanceOf(IllegalArgumentException.class);
		this.corrections.correct(s.official(), id, original.version(), corrected, "更正错别字");
		ReplyView now = this.replies.readable(Viewer.anonymous(), id);
		assertThat(now.indexNumber()).isEqualTo(original.indexNumber());
		assertThat(now.sections().get(0).heading()).contains("更正后");
		List<RevisionView> revisions = this.history.revisions("reply", id);
		assertThat(revisions).extracting(RevisionView::changeKind).containsExactly("ISSUED", "CORRECTED");
		RevisionView correction = revisions.get(1);
		assertThat(correction.before()).contains("一、关于产业发展原文本").contains(original.indexNumber());
		assertThat(correction.after()).contains("更正后").doesNotContain("原文本");
		assertThat(correction.summary()).isEqualTo("更正错别字");
		assertThat(correction.changedBy()).isEqualTo("system");
		assertThatThrownBy(() -> this.corrections.correct(s.official(), this.data.draft(s, "草稿"), 0, corrected, "x"))
			.isInstanceOf(RuntimeException.class);
	}

	@Test
	void withdrawingDisclosureHidesTheReplyAtOnceAndIsAudited() throws Exception {
		Scenario s = this.data.scenario();
		long id = this.data.issued(s, DisclosureMode.PROACTIVE, "撤回公开");
		this.mvc.perform(get("/replies/{id}", id)).andExpect(status().isOk());
		int version = this.replies.readable(s.official(), id).version();
		assertThatThrownBy(() -> this.corrections.changeDisclosure(s.otherOfficial(), id, version,
				DisclosureMode.NOT_PUBLIC, "理由"))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(
				() -> this.corrections.changeDisclosure(s.official(), id, version, DisclosureMode.NOT_PUBLIC, " "))
			.isInstanceOf(IllegalArgumentException.class);
		this.corrections.changeDisclosure(s.official(), id, version, DisclosureMode.NOT_PUBLIC, "涉及个人信息");
		this.mvc.perform(get("/replies/{id}", id))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString("撤回公开"))));
		assertThatThrownBy(() -> this.replies.readable(s.bystander(), id)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(
				() -> this.corrections.changeDisclosure(COORDINATOR, id, version, DisclosureMode.PROACTIVE, null))
			.isInstanceOf(ObjectOptimisticLockingFailureException.class);
		assertThat(this.jdbc.sql("select detail from audit_log where action = 'DISCLOSURE_CHANGED' and target = :t")
			.param("t", "reply:" + id)
			.query(String.class)
			.list()).singleElement().asString().contains("NOT_PUBLIC").contains("涉及个人信息");
		assertThat(this.history.revisions("reply", id)).extracting(RevisionView::changeKind)
			.containsExactly("ISSUED", "DISCLOSURE_CHANGED");
		assertThat(this.jdbc.sql("select count(*) from audit_log where action = 'REPLY_ISSUED' and target = :t")
			.param("t", "reply:" + id)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theHistoryPageIsForCoordinatorsAndTheRepliesOwnUnitOnly() throws Exception {
		Scenario s = this.data.scenario();
		long id = this.data.draft(s, "<script>alert('历史')</script>");
		String url = "/workspace/history/reply/" + id;
		this.mvc.perform(get(url).with(AsViewer.as(COORDINATOR)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("&lt;script&gt;alert(&#39;历史&#39;)&lt;/script&gt;")))
			.andExpect(content().string(not(containsString("<script>alert"))));
		this.mvc.perform(get(url).with(AsViewer.as(s.official())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("起草")));
		this.mvc.perform(get(url).with(AsViewer.as(s.otherOfficial())))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString("alert"))));
		this.mvc.perform(get(url).with(AsViewer.as(s.lead()))).andExpect(status().isForbidden());
		this.mvc.perform(get(url)).andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/workspace/history/proposal/" + s.proposalId()).with(AsViewer.as(s.official())))
			.andExpect(status().isOk());
		this.mvc.perform(get("/workspace/history/proposal/" + s.proposalId()).with(AsViewer.as(s.otherOfficial())))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/workspace/history/account/1").with(AsViewer.as(s.official())))
			.andExpect(status().isNotFound());
	}

}
