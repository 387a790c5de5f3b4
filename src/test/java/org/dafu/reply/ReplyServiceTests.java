package org.dafu.reply;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.dafu.access.Viewer;
import org.dafu.platform.web.NotFoundException;
import org.dafu.proposal.ProposalService;
import org.dafu.proposal.ProposalStatus;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class ReplyServiceTests {

	@Autowired
	TestData data;

	@Autowired
	ReplyService replies;

	@Autowired
	ReplyReview review;

	@Autowired
	ReplyDrafting drafting;

	@Autowired
	ProposalService proposals;

	@Test
	void aDraftIsSeenOnlyByItsUnitAndCoordinators() {
		Scenario s = this.data.scenario();
		long id = this.data.draft(s, "草稿标记");
		assertThat(this.replies.readable(s.official(), id).status()).isEqualTo(ReplyStatus.DRAFT);
		assertThat(this.replies.readable(Viewer.coordinator("c"), id).sections()).hasSize(2);
		for (Viewer outsider : List.of(Viewer.anonymous(), s.otherOfficial(), s.lead(), s.cosigner(), s.bystander())) {
			assertThatThrownBy(() -> this.replies.readable(outsider, id)).as(outsider.toString())
				.isInstanceOf(NotFoundException.class);
		}
	}

	@Test
	void anIssuedReplyOnRequestIsSeenByItsDeputiesButNotThePublic() {
		Scenario s = this.data.scenario();
		long id = this.data.issued(s, DisclosureMode.ON_REQUEST, "依申请");
		assertThat(this.replies.readable(s.lead(), id).disclosureMode()).isEqualTo(DisclosureMode.ON_REQUEST);
		assertThat(this.replies.readable(s.cosigner(), id).id()).isEqualTo(id);
		assertThat(this.replies.readable(s.official(), id).id()).isEqualTo(id);
		for (Viewer outsider : List.of(Viewer.anonymous(), s.otherOfficial(), s.bystander())) {
			assertThatThrownBy(() -> this.replies.readable(outsider, id)).isInstanceOf(NotFoundException.class);
		}
	}

	@Test
	void aPublicReplyIsSeenByEveryoneWithItsSectionsAndFigures() {
		Scenario s = this.data.scenario();
		long id = this.data.issued(s, DisclosureMode.PROACTIVE, "公开");
		ReplyView view = this.replies.readable(Viewer.anonymous(), id);
		assertThat(view.sections()).extracting(ReplyView.SectionView::heading).containsExactly("一、关于产业发展公开", "下一步");
		assertThat(view.figures()).hasSize(2);
		assertThat(view.figures().get(0).content().value()).isEqualByComparingTo("5000");
		assertThat(view.figures().get(0).content().unit()).isEqualTo("亿元");
		assertThat(view.figures().get(1).content().region()).isEqualTo("柯城区");
		assertThat(this.replies.readableByIndexNumber(Viewer.anonymous(), view.indexNumber()).id()).isEqualTo(id);
	}

	@Test
	void issuingAllocatesTheNextIndexNumberAndMarksTheProposalReplied() {
		Scenario s = this.data.scenario();
		long id = this.data.draft(s, "签发");
		ReplyView issued = this.review.issue(s.official(), id, 0);
		assertThat(issued.indexNumber()).isEqualTo("T" + s.n() + "/2022-000001");
		assertThat(issued.issuedAt()).isNotNull();
		assertThat(this.proposals.proposal(s.proposalId()).status()).isEqualTo(ProposalStatus.REPLIED);
		assertThatThrownBy(() -> this.drafting.editDraft(s.official(), id, issued.version(), issued.content()))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void onlyTheUnitsOfficialsEditOrIssueADraft() {
		Scenario s = this.data.scenario();
		long id = this.data.draft(s, "越权");
		LetterContent content = TestData.letter("改", DisclosureMode.PROACTIVE, ResultClass.A);
		assertThatThrownBy(() -> this.drafting.editDraft(s.otherOfficial(), id, 0, content))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.review.issue(Viewer.coordinator("c"), id, 0))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.drafting.createDraft(s.lead(), s.proposalId(), ReplyKind.ORIGINAL, content))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(this.replies.readable(s.official(), id).content().opening()).contains("越权");
	}

	@Test
	void aSaveOnAStaleVersionIsRefusedAndTheFirstSaveStays() {
		Scenario s = this.data.scenario();
		long id = this.data.draft(s, "并发");
		this.drafting.editDraft(s.official(), id, 0, TestData.letter("第一次", DisclosureMode.PROACTIVE, ResultClass.A));
		assertThatThrownBy(() -> this.drafting.editDraft(s.official(), id, 0,
				TestData.letter("第二次", DisclosureMode.PROACTIVE, ResultClass.A)))
			.isInstanceOf(ObjectOptimisticLockingFailureException.class);
		ReplyView now = this.replies.readable(s.official(), id);
		assertThat(now.opening()).contains("第一次");
		assertThat(now.version()).isEqualTo(1);
	}

	@Test
	void concurrentIssuingHandsOutDistinctIndexNumbers() throws Exception {
		Scenario s = this.data.scenario();
		List<Long> drafts = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			drafts.add(this.data.draft(s, this.data.anotherProposal(s), "并发签发" + i));
		}
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Callable<String>> tasks = drafts.stream()
				.map((id) -> (Callable<String>) () -> this.review.issue(s.official(), id, 0).indexNumber())
				.toList();
			Set<String> numbers = new HashSet<>();
			for (Future<String> f : pool.invokeAll(tasks)) {
				numbers.add(f.get());
			}
			assertThat(numbers).hasSize(8).allMatch((n) -> n.matches("T" + s.n() + "/2022-00000[1-8]"));
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void aReplyThatIsNotPublicNeedsAReason() {
		Scenario s = this.data.scenario();
		assertThatThrownBy(() -> new Reply(s.proposalId(), s.unitId(), ReplyKind.ORIGINAL, new LetterContent(null, null,
				DisclosureMode.NOT_PUBLIC, " ", null, null, null, null, null, null, List.of())))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
