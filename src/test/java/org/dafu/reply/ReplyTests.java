package org.dafu.reply;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.dafu.platform.IllegalTransitionException;
import org.dafu.testing.TestData;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The reply letter's rules as plain objects. */
class ReplyTests {

	@Test
	void aDraftIsEditedThenIssuedAndThenOnlyCorrected() {
		Reply reply = new Reply(1L, 2L, ReplyKind.ORIGINAL,
				TestData.letter("甲", DisclosureMode.PROACTIVE, ResultClass.A));
		reply.edit(TestData.letter("乙", DisclosureMode.PROACTIVE, ResultClass.A));
		assertThat(reply.content().opening()).contains("乙");
		reply.submit("drafter", Instant.parse("2022-11-06T01:00:00Z"));
		reply.issue("11330800002618015K/2022-137066", Instant.parse("2022-11-06T02:00:00Z"), "王某", "official");
		assertThat(reply.isPublic()).isTrue();
		assertThatThrownBy(() -> reply.edit(TestData.letter("丙", DisclosureMode.PROACTIVE, ResultClass.A)))
			.isInstanceOf(IllegalTransitionException.class);
		assertThatThrownBy(() -> reply.issue("11330800002618015K/2022-137067", Instant.now(), "王某", "official"))
			.isInstanceOf(IllegalTransitionException.class);
		reply.correct(TestData.letter("丁", DisclosureMode.PROACTIVE, ResultClass.A), "更正错别字", "official",
				Instant.parse("2022-11-08T02:00:00Z"));
		assertThat(reply.getIndexNumber()).isEqualTo("11330800002618015K/2022-137066");
		assertThat(reply.content().opening()).contains("丁");
		assertThat(reply.getCorrections()).extracting(ReplyCorrection::view)
			.containsExactly(new ReplyView.CorrectionView("更正错别字", Instant.parse("2022-11-08T02:00:00Z")));
	}

	@Test
	void onlyACompleteReplyIsIssuedUnderAWellFormedIndexNumber() {
		Reply noClass = submitted(TestData.letter("甲", DisclosureMode.PROACTIVE, null));
		assertThatIllegalStateException().isThrownBy(() -> noClass.issue("ABCDEF/2022-1", Instant.now(), "王某", "o"));
		Reply empty = submitted(
				new LetterContent(null, null, null, null, null, null, null, null, null, ResultClass.A, List.of()));
		assertThatIllegalStateException().isThrownBy(() -> empty.issue("ABCDEF/2022-1", Instant.now(), "王某", "o"));
		Reply ok = submitted(TestData.letter("甲", DisclosureMode.PROACTIVE, ResultClass.A));
		assertThatIllegalArgumentException().isThrownBy(() -> ok.issue("abc/2022-1", Instant.now(), "王某", "o"));
		assertThatIllegalArgumentException().isThrownBy(() -> ok.issue("ABCDEF/22-1", Instant.now(), "王某", "o"));
		assertThatIllegalArgumentException().isThrownBy(() -> ok.issue("ABCDEF/2022-1", Instant.now(), " ", "o"));
		assertThat(ok.getStatus()).isEqualTo(ReplyStatus.SUBMITTED);
	}

	@Test
	void aDraftIsSubmittedReturnedWithACommentAnyNumberOfTimesThenIssuedAndEveryStepIsKept() {
		Reply reply = new Reply(1L, 2L, ReplyKind.ORIGINAL,
				TestData.letter("甲", DisclosureMode.PROACTIVE, ResultClass.A));
		assertThat(reply.getStatus()).isEqualTo(ReplyStatus.DRAFT);
		reply.submit("drafter", Instant.parse("2026-12-01T01:00:00Z"));
		assertThat(reply.getStatus()).isEqualTo(ReplyStatus.SUBMITTED);
		assertThatThrownBy(() -> reply.edit(TestData.letter("乙", DisclosureMode.PROACTIVE, ResultClass.A)))
			.as("a submitted draft is not edited: the signer would issue other text than submitted")
			.isInstanceOf(IllegalTransitionException.class);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> reply.returnForChanges("leader", " ", Instant.parse("2026-12-01T02:00:00Z")));
		assertThat(reply.getStatus()).as("a return without a comment changes nothing").isEqualTo(ReplyStatus.SUBMITTED);
		reply.returnForChanges("leader", "请补充数字", Instant.parse("2026-12-01T02:00:00Z"));
		assertThat(reply.getStatus()).isEqualTo(ReplyStatus.DRAFT);
		assertThatThrownBy(() -> reply.issue("ABCDEF/2026-1", Instant.now(), "王某", "leader"))
			.as("a returned draft is not issued before it is submitted again")
			.isInstanceOf(IllegalTransitionException.class);
		reply.edit(TestData.letter("乙", DisclosureMode.PROACTIVE, ResultClass.A));
		reply.submit("drafter", Instant.parse("2026-12-01T03:00:00Z"));
		reply.returnForChanges("leader", "再改一处", Instant.parse("2026-12-01T04:00:00Z"));
		reply.submit("drafter", Instant.parse("2026-12-01T05:00:00Z"));
		reply.recall("drafter", Instant.parse("2026-12-01T06:00:00Z"));
		assertThatThrownBy(() -> reply.recall("drafter", Instant.now())).isInstanceOf(IllegalTransitionException.class);
		reply.submit("drafter", Instant.parse("2026-12-01T07:00:00Z"));
		assertThatThrownBy(() -> reply.submit("drafter", Instant.now())).isInstanceOf(IllegalTransitionException.class);
		reply.issue("ABCDEF/2026-1", Instant.parse("2026-12-01T08:00:00Z"), " 王某 ", "leader");

		assertThat(reply.getStatus()).isEqualTo(ReplyStatus.ISSUED);
		assertThat(reply.getSignerName()).isEqualTo("王某");
		assertThat(reply.getSignedBy()).isEqualTo("leader");
		assertThat(reply.getReviewSteps()).extracting(ReplyReviewStep::view)
			.containsExactly(
					new ReplyView.ReviewView(ReviewStep.SUBMITTED, "drafter", null,
							Instant.parse("2026-12-01T01:00:00Z")),
					new ReplyView.ReviewView(ReviewStep.RETURNED, "leader", "请补充数字",
							Instant.parse("2026-12-01T02:00:00Z")),
					new ReplyView.ReviewView(ReviewStep.SUBMITTED, "drafter", null,
							Instant.parse("2026-12-01T03:00:00Z")),
					new ReplyView.ReviewView(ReviewStep.RETURNED, "leader", "再改一处",
							Instant.parse("2026-12-01T04:00:00Z")),
					new ReplyView.ReviewView(ReviewStep.SUBMITTED, "drafter", null,
							Instant.parse("2026-12-01T05:00:00Z")),
					new ReplyView.ReviewView(ReviewStep.RECALLED, "drafter", null,
							Instant.parse("2026-12-01T06:00:00Z")),
					new ReplyView.ReviewView(ReviewStep.SUBMITTED, "drafter", null,
							Instant.parse("2026-12-01T07:00:00Z")),
					new ReplyView.ReviewView(ReviewStep.ISSUED, "leader", null, Instant.parse("2026-12-01T08:00:00Z")));
		assertThatThrownBy(() -> reply.returnForChanges("leader", "太晚了", Instant.now()))
			.isInstanceOf(IllegalTransitionException.class);
		assertThatThrownBy(() -> reply.recall("drafter", Instant.now())).isInstanceOf(IllegalTransitionException.class);
	}

	@Test
	void aDraftIsNotIssuedWithoutBeingSubmittedAndAReturnedDraftShowsItsComment() {
		Reply draft = new Reply(1L, 2L, ReplyKind.ORIGINAL,
				TestData.letter("甲", DisclosureMode.PROACTIVE, ResultClass.A));
		assertThatThrownBy(() -> draft.issue("ABCDEF/2026-1", Instant.now(), "王某", "leader"))
			.isInstanceOf(IllegalTransitionException.class);
		assertThatThrownBy(() -> draft.returnForChanges("leader", "改", Instant.now()))
			.isInstanceOf(IllegalTransitionException.class);
		assertThat(draft.getStatus()).isEqualTo(ReplyStatus.DRAFT);
		draft.submit("drafter", Instant.parse("2026-12-01T01:00:00Z"));
		draft.returnForChanges("leader", "请补充数字", Instant.parse("2026-12-01T02:00:00Z"));
		ReplyView view = view(draft);
		assertThat(view.isReturned()).isTrue();
		assertThat(view.returnComment()).isEqualTo("请补充数字");
		assertThat(view.review().get(1).beijingTime()).as("shown in Beijing time").isEqualTo("2026-12-01 10:00");
		assertThat(view.review().get(1).isoTime()).isEqualTo("2026-12-01T10:00:00+08:00");
		draft.submit("drafter", Instant.parse("2026-12-01T03:00:00Z"));
		assertThat(view(draft).isReturned()).isFalse();
		assertThat(view(draft).isSubmitted()).isTrue();
	}

	private static ReplyView view(Reply reply) {
		return new ReplyView(1L, reply.getStatus(), reply.getKind(), null, null, null, reply.getDisclosureMode(), null,
				null, null, null, null, null, reply.getResultClass(), null, 0, null, null, null, List.of(), List.of(),
				reply.getSignerName(), reply.getReviewSteps().stream().map(ReplyReviewStep::view).toList(), null);
	}

	private static Reply submitted(LetterContent content) {
		Reply reply = new Reply(1L, 2L, ReplyKind.ORIGINAL, content);
		reply.submit("drafter", Instant.now());
		return reply;
	}

	@Test
	void disclosureOtherThanProactiveNeedsAReasonAndSlipsInDatesAreKept() {
		Reply reply = new Reply(1L, 2L, ReplyKind.ORIGINAL,
				TestData.letter("甲", DisclosureMode.PROACTIVE, ResultClass.A));
		assertThatIllegalArgumentException().isThrownBy(() -> reply.changeDisclosure(DisclosureMode.ON_REQUEST, ""));
		reply.changeDisclosure(DisclosureMode.ON_REQUEST, "涉及个人信息");
		assertThat(reply.getDisclosureReason()).isEqualTo("涉及个人信息");
		reply.changeDisclosure(DisclosureMode.PROACTIVE, null);
		assertThat(reply.getDisclosureReason()).isNull();
		LetterContent backwards = new LetterContent(LocalDate.of(2022, 11, 20), LocalDate.of(2022, 11, 6), null, null,
				null, null, null, null, null, null, List.of());
		reply.edit(backwards);
		assertThat(reply.content().signedOn()).as("kept as written; the importer warns").isEqualTo("2022-11-06");
	}

	@Test
	void resultClassesAndDisclosureModesReadTheirChineseForms() {
		assertThat(ResultClass.parse("甲")).isEqualTo(ResultClass.A);
		assertThat(ResultClass.parse(" c ")).isEqualTo(ResultClass.C);
		assertThat(ResultClass.B.staysOpen()).isTrue();
		assertThat(ResultClass.D.staysOpen()).isFalse();
		assertThat(DisclosureMode.fromChinese("主动公开")).isEqualTo(DisclosureMode.PROACTIVE);
		assertThat(DisclosureMode.fromChinese("依申请公开")).isEqualTo(DisclosureMode.ON_REQUEST);
		assertThat(DisclosureMode.fromChinese("不予公开")).isEqualTo(DisclosureMode.NOT_PUBLIC);
		assertThat(DisclosureMode.fromChinese("其他")).isNull();
	}

	@Test
	void sectionsAreNumberedTheChineseWay() {
		assertThat(ChineseOrdinals.of(1)).isEqualTo("一");
		assertThat(ChineseOrdinals.of(10)).isEqualTo("十");
		assertThat(ChineseOrdinals.of(11)).isEqualTo("十一");
		assertThat(ChineseOrdinals.of(20)).isEqualTo("二十");
		assertThat(ChineseOrdinals.of(32)).isEqualTo("三十二");
	}

}
