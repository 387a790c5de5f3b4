package org.dafu.opinion;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The opinion's steps (起草 → 待审核 → 已签发, 退回修改, waiver) and its due date. */
class CoOpinionTests {

	private static final Instant T0 = Instant.parse("2022-05-01T02:00:00Z");

	private static CoOpinion opinion() {
		return new CoOpinion(1L, 2L, T0);
	}

	@Test
	void draftSubmittedReturnedSubmittedAgainAndSigned() {
		CoOpinion o = opinion();
		assertThat(o.getStatus()).isEqualTo(OpinionStatus.DRAFT);
		assertThat(o.outstanding()).isTrue();
		o.edit("  同意主办单位意见。 ", true, "drafter", T0);
		assertThat(o.getBody()).isEqualTo("同意主办单位意见。");
		o.submit("drafter", T0.plusSeconds(60));
		assertThat(o.getStatus()).isEqualTo(OpinionStatus.SUBMITTED);
		o.sendBack("leader", "请补充数据。", T0.plusSeconds(120));
		assertThat(o.getStatus()).isEqualTo(OpinionStatus.DRAFT);
		o.edit("同意，并补充：已投入资金 300 万元。", true, "drafter", T0.plusSeconds(180));
		o.submit("drafter", T0.plusSeconds(240));
		o.sign("leader", T0.plusSeconds(300));
		assertThat(o.getStatus()).isEqualTo(OpinionStatus.SIGNED);
		assertThat(o.outstanding()).isFalse();
		assertThat(o.getSignedBy()).isEqualTo("leader");
		assertThat(o.getSignedAt()).isEqualTo(T0.plusSeconds(300));
		assertThat(o.getSteps()).extracting(CoOpinionStep::getAction)
			.containsExactly(OpinionAction.SAVED, OpinionAction.SUBMITTED, OpinionAction.RETURNED, OpinionAction.SAVED,
					OpinionAction.SUBMITTED, OpinionAction.SIGNED);
		assertThat(o.getSteps().get(2).getComment()).isEqualTo("请补充数据。");
		assertThat(o.getSteps().get(2).getActor()).isEqualTo("leader");
		assertThat(o.getSteps().get(2).getAt()).isEqualTo(T0.plusSeconds(120));
	}

	@Test
	void stepsOutOfOrderAreRefusedAndChangeNothing() {
		CoOpinion o = opinion();
		assertRefused(() -> o.submit("drafter", T0), "opinion.refused.empty");
		assertRefused(() -> o.sign("leader", T0), "opinion.refused.notSubmitted");
		assertRefused(() -> o.sendBack("leader", "x", T0), "opinion.refused.notSubmitted");
		o.edit("意见", false, "drafter", T0);
		o.submit("drafter", T0);
		assertRefused(() -> o.edit("改动", false, "drafter", T0), "opinion.refused.notDraft");
		assertRefused(() -> o.sendBack("leader", "  ", T0), "opinion.refused.commentRequired");
		assertThat(o.getStatus()).isEqualTo(OpinionStatus.SUBMITTED);
		assertThat(o.getBody()).isEqualTo("意见");
		o.sign("leader", T0);
		assertRefused(() -> o.edit("改动", false, "drafter", T0), "opinion.refused.notDraft");
		assertRefused(() -> o.waive("coordinator", "不再等待", T0), "opinion.refused.notOutstanding");
		assertThat(o.getSteps()).hasSize(3);
	}

	@Test
	void aWaiverNeedsAReasonAndEndsTheWait() {
		CoOpinion o = opinion();
		assertRefused(() -> o.waive("coordinator", " ", T0), "opinion.refused.reasonRequired");
		assertThat(o.outstanding()).isTrue();
		o.waive("coordinator", "协办单位已撤并。", T0);
		assertThat(o.outstanding()).isFalse();
		assertThat(o.getStatus()).isEqualTo(OpinionStatus.DRAFT);
		assertThat(o.getWaiverReason()).isEqualTo("协办单位已撤并。");
		assertThat(o.getSteps()).extracting(CoOpinionStep::getAction).containsExactly(OpinionAction.WAIVED);
	}

	@Test
	void tooLongTextIsRefused() {
		CoOpinion o = opinion();
		assertRefused(() -> o.edit("字".repeat(CoOpinion.MAX_BODY + 1), false, "drafter", T0),
				"opinion.refused.tooLong");
		o.edit("意见", false, "drafter", T0);
		o.submit("drafter", T0);
		assertRefused(() -> o.sendBack("leader", "字".repeat(CoOpinion.MAX_COMMENT + 1), T0),
				"opinion.refused.commentTooLong");
	}

	@Test
	void dueFifteenDaysBeforeTheLeadDeadlineByDefaultAndOverdueOnlyWhileOutstanding() {
		LocalDate leadDeadline = LocalDate.of(2022, 6, 10);
		assertThat(OpinionDue.DEFAULT_DAYS).isEqualTo(15);
		LocalDate due = OpinionDue.of(leadDeadline, OpinionDue.DEFAULT_DAYS);
		assertThat(due).isEqualTo(LocalDate.of(2022, 5, 26));
		assertThat(OpinionDue.of(leadDeadline, 20)).isEqualTo(LocalDate.of(2022, 5, 21));
		assertThat(OpinionDue.of(null, 15)).isNull();
		assertThat(OpinionDue.overdue(due, true, due)).isFalse();
		assertThat(OpinionDue.overdue(due, true, due.plusDays(1))).isTrue();
		assertThat(OpinionDue.overdue(due, false, due.plusDays(1))).isFalse();
		assertThat(OpinionDue.overdue(null, true, due)).isFalse();
	}

	private static void assertRefused(Runnable step, String key) {
		assertThatThrownBy(step::run).isInstanceOf(OpinionRefusedException.class).hasMessage(key);
	}

}
