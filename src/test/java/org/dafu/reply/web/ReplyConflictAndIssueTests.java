package org.dafu.reply.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.dafu.access.Viewer;
import org.dafu.proposal.ProposalService;
import org.dafu.proposal.ProposalStatus;
import org.dafu.reply.ReplyDrafting;
import org.dafu.reply.ReplyService;
import org.dafu.reply.ReplyView;
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
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dafu.testing.AsViewer.as;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** No lost updates, and issuing (签发) with its 索引号. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class ReplyConflictAndIssueTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	ReplyService replies;

	@Autowired
	ReplyDrafting drafting;

	@Autowired
	ProposalService proposals;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theSecondOfTwoEditorsGetsTheConflictPageAndTheFirstSaveStays() throws Exception {
		Scenario s = this.data.scenario();
		long id = this.data.draft(s, "冲突");
		Viewer first = s.official();
		Viewer second = Viewer.official("second" + s.n(), s.unitId());
		// both load version 0
		Map<String, String> mine = EditorPosts.fieldsOf(this.replies.ofOwnUnit(first, id));
		Map<String, String> theirs = EditorPosts.fieldsOf(this.replies.ofOwnUnit(second, id));
		mine.put("opening", "第一位经办人的开头");
		theirs.put("opening", "第二位经办人的开头");
		theirs.put("sections[0].heading", "第二位改的标题");
		this.mvc.perform(EditorPosts.save(id, mine).with(as(first))).andExpect(status().is3xxRedirection());
		this.mvc.perform(EditorPosts.save(id, theirs).with(as(second)))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("有人在您之前保存了这份答复")))
			.andExpect(content().string(containsString("第一位经办人的开头")))
			.andExpect(content().string(containsString("第二位经办人的开头")))
			.andExpect(content().string(containsString("第二位改的标题")))
			.andExpect(content().string(containsString("已保存的版本（第 1 版）")));
		ReplyView stored = this.replies.ofOwnUnit(first, id);
		assertThat(stored.opening()).isEqualTo("第一位经办人的开头");
		assertThat(stored.sections().get(0).heading()).isNotEqualTo("第二位改的标题");
		assertThat(stored.version()).isEqualTo(1);
		assertThat(this.jdbc.sql(
				"select count(*) from revision where entity_type = 'reply' and entity_id = :id and change_kind = 'EDITED'")
			.param("id", id)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void twoSavesAtTheSameMomentFromTheSameVersionLetExactlyOneWin() throws Exception {
		Scenario s = this.data.scenario();
		long id = this.data.draft(s, "同时保存");
		Viewer one = s.official();
		Viewer two = Viewer.official("rival" + s.n(), s.unitId());
		Map<String, String> mine = EditorPosts.fieldsOf(this.replies.ofOwnUnit(one, id));
		Map<String, String> theirs = new java.util.LinkedHashMap<>(mine);
		mine.put("opening", "甲的版本");
		theirs.put("opening", "乙的版本");
		CyclicBarrier start = new CyclicBarrier(2);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Integer> statuses = new ArrayList<>();
		try {
			List<Callable<MvcResult>> tasks = List.of(() -> saveAfter(start, id, mine, one),
					() -> saveAfter(start, id, theirs, two));
			for (Future<MvcResult> f : pool.invokeAll(tasks)) {
				statuses.add(f.get().getResponse().getStatus());
			}
		}
		finally {
			pool.shutdown();
			pool.awaitTermination(30, TimeUnit.SECONDS);
		}
		assertThat(statuses).containsExactlyInAnyOrder(302, 409);
		ReplyView stored = this.replies.ofOwnUnit(one, id);
		assertThat(stored.version()).isEqualTo(1);
		assertThat(stored.opening()).isEqualTo((statuses.get(0) == 302) ? "甲的版本" : "乙的版本");
	}

	private MvcResult saveAfter(CyclicBarrier start, long id, Map<String, String> fields, Viewer viewer)
			throws Exception {
		start.await(30, TimeUnit.SECONDS);
		return this.mvc.perform(EditorPosts.save(id, fields).with(as(viewer))).andReturn();
	}

	@Test
	void aSectionsOnlyChangeMovesTheVersionToo() throws Exception {
		Scenario s = this.data.scenario();
		long id = this.data.draft(s, "仅改节");
		Map<String, String> stale = EditorPosts.fieldsOf(this.replies.ofOwnUnit(s.official(), id));
		Map<String, String> fresh = new java.util.LinkedHashMap<>(stale);
		fresh.put("sections[1].body", "只改了下一步。");
		this.mvc.perform(EditorPosts.save(id, fresh).with(as(s.official()))).andExpect(status().is3xxRedirection());
		this.mvc.perform(EditorPosts.save(id, stale).with(as(s.official()))).andExpect(status().isConflict());
		assertThat(this.replies.ofOwnUnit(s.official(), id).sections().get(1).body()).isEqualTo("只改了下一步。");
	}

	@Test
	void issuingAllocatesTheIndexNumberAndFixesTheText() throws Exception {
		Scenario s = this.data.scenario();
		long id = this.data.draft(s, "签发");
		this.mvc
			.perform(post("/workspace/unit/replies/" + id + "/issue").with(csrf())
				.with(as(s.official()))
				.param("version", "0")
				.param("signerName", "王签发"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/workspace/unit/replies/" + id + "/preview"))
			.andExpect(flash().attribute("message", "drafting.issue.done"));
		ReplyView issued = this.replies.ofOwnUnit(s.official(), id);
		assertThat(issued.isIssued()).isTrue();
		assertThat(issued.indexNumber()).isEqualTo("T" + s.n() + "/2022-000001");
		assertThat(issued.signerName()).isEqualTo("王签发");
		assertThat(this.proposals.proposal(s.proposalId()).status()).isEqualTo(ProposalStatus.REPLIED);
		assertThat(this.jdbc.sql("select count(*) from audit_log where action = 'REPLY_ISSUED' and target = :t")
			.param("t", "reply:" + id)
			.query(Integer.class)
			.single()).isEqualTo(1);

		// the editor no longer edits it; a save changes nothing
		this.mvc.perform(get("/workspace/unit/replies/" + id + "/edit").with(as(s.official())))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/workspace/unit/replies/" + id + "/preview"));
		Map<String, String> fields = EditorPosts.fieldsOf(issued);
		fields.put("opening", "签发后不能改");
		this.mvc.perform(EditorPosts.save(id, fields).with(as(s.official())))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("message", "drafting.editor.issued"));
		// the same 签发 sent again, or from the issued version: the conflict page, nothing
		// new
		for (int version : new int[] { 0, issued.version() }) {
			this.mvc
				.perform(post("/workspace/unit/replies/" + id + "/issue").with(csrf())
					.with(as(s.official()))
					.param("version", Integer.toString(version))
					.param("signerName", "王签发"))
				.andExpect(status().isConflict())
				.andExpect(content().string(containsString(issued.indexNumber())));
		}
		assertThat(this.jdbc.sql("select count(*) from audit_log where action = 'REPLY_ISSUED' and target = :t")
			.param("t", "reply:" + id)
			.query(Integer.class)
			.single()).isEqualTo(1);
		ReplyView after = this.replies.ofOwnUnit(s.official(), id);
		assertThat(after.opening()).doesNotContain("签发后不能改");
		assertThat(after.indexNumber()).isEqualTo(issued.indexNumber());
		this.mvc.perform(get("/workspace/unit/replies/" + id + "/preview").with(as(s.official())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(issued.indexNumber())));
	}

	@Test
	void anIncompleteDraftIsNotIssued() throws Exception {
		Scenario s = this.data.scenario();
		long proposal = this.data.anotherProposal(s);
		this.mvc.perform(post("/workspace/unit/proposals/" + proposal + "/drafts").with(csrf()).with(as(s.official())))
			.andExpect(status().is3xxRedirection());
		long id = this.drafting.draftOfOwnUnit(s.official(), proposal).orElseThrow();
		this.mvc
			.perform(post("/workspace/unit/replies/" + id + "/issue").with(csrf())
				.with(as(s.official()))
				.param("version", "0"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/workspace/unit/replies/" + id + "/edit"))
			.andExpect(flash().attribute("message", "drafting.issue.incomplete"));
		assertThat(this.replies.ofOwnUnit(s.official(), id).isIssued()).isFalse();
	}

	@Test
	void issuingFromAStaleVersionIsAConflict() throws Exception {
		Scenario s = this.data.scenario();
		long id = this.data.draft(s, "过期签发");
		Map<String, String> fields = EditorPosts.fieldsOf(this.replies.ofOwnUnit(s.official(), id));
		fields.put("opening", "先保存的修改");
		this.mvc.perform(EditorPosts.save(id, fields).with(as(s.official()))).andExpect(status().is3xxRedirection());
		this.mvc
			.perform(post("/workspace/unit/replies/" + id + "/issue").with(csrf())
				.with(as(s.official()))
				.param("version", "0")
				.param("signerName", "王签发"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("先保存的修改")));
		assertThat(this.replies.ofOwnUnit(s.official(), id).isIssued()).isFalse();
	}

	@Test
	void twoOfficialsIssuingAtOnceGetDistinctSerials() throws Exception {
		Scenario s = this.data.scenario();
		long a = this.data.draft(s, "同时签发甲");
		long b = this.data.draft(s, this.data.anotherProposal(s), "同时签发乙");
		Viewer one = s.official();
		Viewer two = Viewer.official("colleague" + s.n(), s.unitId());
		CyclicBarrier start = new CyclicBarrier(2);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Callable<MvcResult>> tasks = List.of(() -> issueAfter(start, a, one), () -> issueAfter(start, b, two));
			List<Integer> statuses = new ArrayList<>();
			for (Future<MvcResult> f : pool.invokeAll(tasks)) {
				statuses.add(f.get().getResponse().getStatus());
			}
			assertThat(statuses).containsOnly(302);
		}
		finally {
			pool.shutdown();
			pool.awaitTermination(30, TimeUnit.SECONDS);
		}
		String first = this.replies.ofOwnUnit(one, a).indexNumber();
		String second = this.replies.ofOwnUnit(one, b).indexNumber();
		assertThat(List.of(first, second)).containsExactlyInAnyOrder("T" + s.n() + "/2022-000001",
				"T" + s.n() + "/2022-000002");
	}

	@Test
	void oneDraftIssuedTwiceAtOnceIsIssuedOnceAndTheOtherGetsTheConflictPage() throws Exception {
		Scenario s = this.data.scenario();
		long id = this.data.draft(s, "重复签发");
		Viewer one = s.official();
		Viewer two = Viewer.official("colleague" + s.n(), s.unitId());
		CyclicBarrier start = new CyclicBarrier(2);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Integer> statuses = new ArrayList<>();
		try {
			List<Callable<MvcResult>> tasks = List.of(() -> issueAfter(start, id, one),
					() -> issueAfter(start, id, two));
			for (Future<MvcResult> f : pool.invokeAll(tasks)) {
				statuses.add(f.get().getResponse().getStatus());
			}
		}
		finally {
			pool.shutdown();
			pool.awaitTermination(30, TimeUnit.SECONDS);
		}
		assertThat(statuses).containsExactlyInAnyOrder(302, 409);
		assertThat(this.replies.ofOwnUnit(one, id).indexNumber()).isEqualTo("T" + s.n() + "/2022-000001");
		assertThat(this.jdbc.sql("select count(*) from audit_log where action = 'REPLY_ISSUED' and target = :t")
			.param("t", "reply:" + id)
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc
			.sql("select count(*) from notification where reply_id = :id and kind = 'REPLY_ISSUED'"
					+ " and recipient_deputy_id = :deputy")
			.param("id", id)
			.param("deputy", s.leadDeputyId())
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	private MvcResult issueAfter(CyclicBarrier start, long id, Viewer viewer) throws Exception {
		start.await(30, TimeUnit.SECONDS);
		return this.mvc
			.perform(post("/workspace/unit/replies/" + id + "/issue").with(csrf())
				.with(as(viewer))
				.param("version", "0")
				.param("signerName", "签发人" + viewer.username()))
			.andReturn();
	}

}
