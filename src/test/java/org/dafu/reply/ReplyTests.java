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
		reply.issue("11330800002618015K/2022-137066", Instant.parse("2022-11-06T02:00:00Z"));
		assertThat(reply.isPublic()).isTrue();
		assertThatThrownBy(() -> reply.edit(TestData.letter("丙", DisclosureMode.PROACTIVE, ResultClass.A)))
			.isInstanceOf(IllegalTransitionException.class);
		assertThatThrownBy(() -> reply.issue("11330800002618015K/2022-137067", Instant.now()))
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
		Reply noClass = new Reply(1L, 2L, ReplyKind.ORIGINAL, TestData.letter("甲", DisclosureMode.PROACTIVE, null));
		assertThatIllegalStateException().isThrownBy(() -> noClass.issue("ABCDEF/2022-1", Instant.now()));
		Reply empty = new Reply(1L, 2L, ReplyKind.ORIGINAL,
				new LetterContent(null, null, null, null, null, null, null, null, null, ResultClass.A, List.of()));
		assertThatIllegalStateException().isThrownBy(() -> empty.issue("ABCDEF/2022-1", Instant.now()));
		Reply ok = new Reply(1L, 2L, ReplyKind.ORIGINAL, TestData.letter("甲", DisclosureMode.PROACTIVE, ResultClass.A));
		assertThatIllegalArgumentException().isThrownBy(() -> ok.issue("abc/2022-1", Instant.now()));
		assertThatIllegalArgumentException().isThrownBy(() -> ok.issue("ABCDEF/22-1", Instant.now()));
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
