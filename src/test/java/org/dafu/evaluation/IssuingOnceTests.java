package org.dafu.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.dafu.proposal.ProposalService;
import org.dafu.reply.DisclosureMode;
import org.dafu.reply.ReplyDrafting;
import org.dafu.reply.ReplyKind;
import org.dafu.reply.ReplyReview;
import org.dafu.reply.ReplyService;
import org.dafu.reply.ResultClass;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dafu.testing.AsViewer.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A form that writes and issues a reply (跟踪办理, 重新办理) issues it once: the form carries a
 * one-time token; posts of one form at the same time, or again later, give one issued
 * reply with one 索引号 and one notice, and the other requests get the conflict page.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class IssuingOnceTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	ReplyService replies;

	@Autowired
	ReplyReview review;

	@Autowired
	ReplyDrafting drafting;

	@Autowired
	FollowUpService followUps;

	@Autowired
	ProposalService proposals;

	@Autowired
	EvaluationService evaluations;

	@Autowired
	JdbcClient jdbc;

	@Test
	void oneFollowUpFormPostedInParallelAndAgainIssuesOneReply() throws Exception {
		Scenario s = this.data.scenario();
		long base = issuedB(s);
		String token = tokenOf(this.mvc.perform(get("/workspace/unit/follow-ups/{id}/new", base).with(as(s.official())))
			.andExpect(status().isOk())
			.andReturn());

		List<Integer> statuses = inParallel(3, () -> followUp(s, base, token));
		assertThat(statuses).containsExactlyInAnyOrder(302, 409, 409);
		assertThat(followUps(s)).isEqualTo(1);

		// the same form sent once more: the conflict page names the reply, nothing new
		this.mvc.perform(followUp(s, base, token))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("submitted-reply")));
		assertThat(followUps(s)).isEqualTo(1);
		assertThat(this.jdbc
			.sql("select count(distinct index_number) from reply where proposal_id = ?" + " and kind = 'FOLLOW_UP'")
			.param(s.proposalId())
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc
			.sql("select count(*) from notification where proposal_id = ? and kind = 'FOLLOW_UP_ISSUED'"
					+ " and recipient_deputy_id = ?")
			.params(s.proposalId(), s.leadDeputyId())
			.query(Long.class)
			.single()).isEqualTo(1);

		// a new form (a new token) is a deliberate second follow-up
		this.mvc.perform(followUp(s, base, UUID.randomUUID().toString())).andExpect(status().is3xxRedirection());
		assertThat(followUps(s)).isEqualTo(2);
	}

	@Test
	void aFormWithoutItsTokenIssuesNothingAndComesBackWithANewOne() throws Exception {
		Scenario s = this.data.scenario();
		long base = issuedB(s);
		for (String token : new String[] { null, "", "not-a-token" }) {
			MockHttpServletRequestBuilder request = followUp(s, base, token);
			this.mvc.perform(request)
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("表单已过期或不完整")))
				.andExpect(content().string(matchesPattern("(?s).*name=\"formToken\" value=\"[0-9a-f-]{36}\".*")));
		}
		assertThat(followUps(s)).isZero();
	}

	@Test
	void theRehandlingFormSentTwiceGetsTheConflictPageNotA404() throws Exception {
		Scenario s = this.data.scenario();
		long reply = issuedB(s);
		this.evaluations.rate(s.lead(), reply, new RateCommand(Rating.SATISFIED, Rating.UNSATISFIED, "不满意"));
		String token = tokenOf(
				this.mvc.perform(get("/workspace/unit/rehandling/{id}/new", s.proposalId()).with(as(s.official())))
					.andExpect(status().isOk())
					.andReturn());
		List<Integer> statuses = inParallel(2, () -> rehandling(s, token));
		assertThat(statuses).containsExactlyInAnyOrder(302, 409);
		this.mvc.perform(rehandling(s, token)).andExpect(status().isConflict());
		assertThat(this.jdbc.sql("select count(*) from reply where proposal_id = ? and kind = 'REHANDLING'")
			.param(s.proposalId())
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc
			.sql("select count(*) from notification where proposal_id = ? and kind = 'REHANDLING_ISSUED'"
					+ " and recipient_deputy_id = ?")
			.params(s.proposalId(), s.leadDeputyId())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theUnitSeesItsOpenReplyAndThenTheProposalToRehandleWithItsDeadline() {
		Scenario s = this.data.scenario();
		long reply = issuedB(s);
		assertThat(this.followUps.openReplies(s.official())).extracting(FollowUpService.OpenReply::replyId)
			.contains(reply);
		this.evaluations.rate(s.lead(), reply, new RateCommand(Rating.SATISFIED, Rating.UNSATISFIED, "不满意"));
		assertThat(this.followUps.rehandlingDue(s.official())).filteredOn((due) -> due.proposalId() == s.proposalId())
			.singleElement()
			.satisfies((due) -> assertThat(due.deadline())
				.isEqualTo(this.proposals.proposal(s.proposalId()).lead().deadline()));
		assertThat(this.followUps.openReplies(s.official())).extracting(FollowUpService.OpenReply::replyId)
			.as("a proposal being re-handled has no open reply to follow up")
			.doesNotContain(reply);
	}

	@Test
	void theDatabaseKeepsAFormTokenToOneReply() {
		Scenario s = this.data.scenario();
		long a = this.data.draft(s, "令牌甲");
		long b = this.data.draft(s, this.data.anotherProposal(s), "令牌乙");
		UUID token = UUID.randomUUID();
		this.jdbc.sql("update reply set form_token = ? where id = ?").params(token, a).update();
		assertThat(org.assertj.core.api.Assertions.catchThrowable(
				() -> this.jdbc.sql("update reply set form_token = ? where id = ?").params(token, b).update()))
			.hasMessageContaining("uq_reply_form_token");
	}

	private long issuedB(Scenario s) {
		long id = this.drafting.createDraft(s.official(), s.proposalId(), ReplyKind.ORIGINAL,
				TestData.letter("跟踪" + s.n(), DisclosureMode.PROACTIVE, ResultClass.B));
		return this.review.issue(s.official(), id, this.replies.readable(s.official(), id).version()).id();
	}

	private long followUps(Scenario s) {
		return this.jdbc
			.sql("select count(*) from reply where proposal_id = ? and kind = 'FOLLOW_UP' and status = 'ISSUED'")
			.param(s.proposalId())
			.query(Long.class)
			.single();
	}

	private MockHttpServletRequestBuilder followUp(Scenario s, long base, String token) {
		MockHttpServletRequestBuilder request = post("/workspace/unit/follow-ups/{id}", base)
			.param("heading", "一、进展" + s.n())
			.param("body", "项目已开工。")
			.param("resultClass", "A")
			.with(as(s.official()))
			.with(csrf());
		return (token != null) ? request.param("formToken", token) : request;
	}

	private MockHttpServletRequestBuilder rehandling(Scenario s, String token) {
		return post("/workspace/unit/rehandling/{id}", s.proposalId()).param("formToken", token)
			.param("heading", "一、重新办理情况")
			.param("body", "重新办理后已解决。")
			.param("resultClass", "A")
			.with(as(s.official()))
			.with(csrf());
	}

	private List<Integer> inParallel(int n, Callable<MockHttpServletRequestBuilder> request) throws Exception {
		CyclicBarrier start = new CyclicBarrier(n);
		ExecutorService pool = Executors.newFixedThreadPool(n);
		try {
			List<Callable<Integer>> tasks = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				tasks.add(() -> {
					MockHttpServletRequestBuilder built = request.call();
					start.await(30, TimeUnit.SECONDS);
					return this.mvc.perform(built).andReturn().getResponse().getStatus();
				});
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> f : pool.invokeAll(tasks)) {
				statuses.add(f.get());
			}
			return statuses;
		}
		finally {
			pool.shutdown();
			pool.awaitTermination(30, TimeUnit.SECONDS);
		}
	}

	static String tokenOf(MvcResult form) throws Exception {
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"formToken\" value=\"([0-9a-f-]{36})\"")
			.matcher(form.getResponse().getContentAsString());
		assertThat(m.find()).as("the form carries a token").isTrue();
		return m.group(1);
	}

}
