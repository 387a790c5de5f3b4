package org.dafu.reply;

import java.time.Instant;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.dafu.platform.RefusedException;
import org.dafu.testing.TestData;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The reply's rules as plain objects: what it needs to be issued, the 签发人 name, the
 * return comment, the correction note and the disclosure reason are decided by the reply
 * and refused with domain exceptions that name the field and its message, never with an
 * assertion that would surface as a 500.
 */
class ReplyRulesTests {

	private static final String NUMBER = "ABCDEF/2026-1";

	@Test
	void aReplyNeedsAResultClassAndASectionToBeIssued() {
		assertThat(ReplyRules.missingForIssue(null, 0)).containsExactly("resultClass", "sections");
		assertThat(ReplyRules.missingForIssue(ResultClass.A, 0)).containsExactly("sections");
		assertThat(ReplyRules.missingForIssue(null, 2)).containsExactly("resultClass");
		assertThat(ReplyRules.missingForIssue(ResultClass.A, 1)).isEmpty();
		assertThat(IncompleteReplyException.fieldKey("resultClass")).isEqualTo("drafting.validation.required");
		assertThat(IncompleteReplyException.fieldKey("sections")).isEqualTo("drafting.correction.sectionsRequired");
	}

	@Test
	void anIncompleteReplyIsRefusedWithWhatItLacksAndStaysSubmitted() {
		Reply noClass = submitted(TestData.letter("甲", DisclosureMode.PROACTIVE, null));
		assertThatExceptionOfType(IncompleteReplyException.class)
			.isThrownBy(() -> noClass.issue(NUMBER, Instant.now(), "王某", "leader"))
			.satisfies((ex) -> assertThat(ex.missing()).containsExactly("resultClass"));
		assertThat(noClass.getStatus()).isEqualTo(ReplyStatus.SUBMITTED);
		assertThat(noClass.getIndexNumber()).isNull();

		Reply empty = submitted(
				new LetterContent(null, null, null, null, null, null, null, null, null, ResultClass.A, List.of()));
		assertThatExceptionOfType(IncompleteReplyException.class)
			.isThrownBy(() -> empty.issue(NUMBER, Instant.now(), "王某", "leader"))
			.satisfies((ex) -> assertThat(ex.missing()).containsExactly("sections"));
		assertThatExceptionOfType(IncompleteReplyException.class)
			.isThrownBy(() -> ReplyRules.requireComplete(empty.content()));
		assertThat(IncompleteReplyException.MESSAGE_KEY).isEqualTo("drafting.issue.incomplete");
	}

	@Test
	void theSignersNameIsRequiredAndFitsItsColumn() {
		assertThat(ReplyRules.signerNameProblem(" ")).isEqualTo("drafting.issue.signerRequired");
		assertThat(ReplyRules.signerNameProblem(null)).isEqualTo("drafting.issue.signerRequired");
		assertThat(ReplyRules.signerNameProblem("王".repeat(Reply.MAX_SIGNER_NAME))).isNull();
		assertThat(ReplyRules.signerNameProblem("王".repeat(Reply.MAX_SIGNER_NAME + 1)))
			.isEqualTo("drafting.issue.signerTooLong");

		Reply reply = submitted(TestData.letter("甲", DisclosureMode.PROACTIVE, ResultClass.A));
		assertThatExceptionOfType(RefusedException.class)
			.isThrownBy(() -> reply.issue(NUMBER, Instant.now(), " ", "leader"))
			.satisfies((ex) -> {
				assertThat(ex.field()).isEqualTo("signerName");
				assertThat(ex.messageKey()).isEqualTo("drafting.issue.signerRequired");
			});
		assertThatExceptionOfType(RefusedException.class)
			.isThrownBy(() -> reply.issue(NUMBER, Instant.now(), "王".repeat(51), "leader"))
			.satisfies((ex) -> {
				assertThat(ex.messageKey()).isEqualTo("drafting.issue.signerTooLong");
				assertThat(ex.arguments()).containsExactly(Reply.MAX_SIGNER_NAME);
			});
		assertThat(reply.getStatus()).isEqualTo(ReplyStatus.SUBMITTED);
	}

	@Test
	void aReturnStatesWhatToChangeInAFewWords() {
		Reply reply = submitted(TestData.letter("甲", DisclosureMode.PROACTIVE, ResultClass.A));
		assertThatExceptionOfType(RefusedException.class)
			.isThrownBy(() -> reply.returnForChanges("leader", "  ", Instant.now()))
			.satisfies((ex) -> {
				assertThat(ex.field()).isEqualTo("comment");
				assertThat(ex.messageKey()).isEqualTo("drafting.review.commentRequired");
			});
		assertThatExceptionOfType(RefusedException.class)
			.isThrownBy(() -> reply.returnForChanges("leader", "改".repeat(Reply.MAX_RETURN_COMMENT + 1), Instant.now()))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("drafting.review.commentTooLong"));
		assertThat(reply.getStatus()).as("nothing changed").isEqualTo(ReplyStatus.SUBMITTED);
		assertThat(reply.getReviewSteps()).hasSize(1);
	}

	@Test
	void aCorrectionKeepsTheReplyCompleteAndStatesItsNote() {
		Reply reply = submitted(TestData.letter("甲", DisclosureMode.PROACTIVE, ResultClass.A));
		reply.issue(NUMBER, Instant.parse("2026-12-01T02:00:00Z"), "王某", "leader");
		assertThatExceptionOfType(IncompleteReplyException.class).isThrownBy(() -> reply
			.correct(TestData.letter("乙", DisclosureMode.PROACTIVE, null), "更正", "leader", Instant.now()));
		assertThatExceptionOfType(RefusedException.class)
			.isThrownBy(() -> reply.correct(TestData.letter("乙", DisclosureMode.PROACTIVE, ResultClass.A), " ",
					"leader", Instant.now()))
			.satisfies((ex) -> {
				assertThat(ex.field()).isEqualTo("correctionNote");
				assertThat(ex.messageKey()).isEqualTo("drafting.correction.noteRequired");
			});
		assertThat(ReplyRules.correctionNoteProblem("注".repeat(Reply.MAX_CORRECTION_NOTE + 1)))
			.isEqualTo("drafting.correction.noteTooLong");
		assertThat(reply.content().opening()).as("nothing changed").contains("甲");
		assertThat(reply.getCorrections()).isEmpty();
	}

	@Test
	void aReplyThatIsNotPublicStatesWhy() {
		Reply reply = new Reply(1L, 2L, ReplyKind.ORIGINAL,
				TestData.letter("甲", DisclosureMode.PROACTIVE, ResultClass.A));
		assertThatExceptionOfType(RefusedException.class)
			.isThrownBy(() -> reply.changeDisclosure(DisclosureMode.NOT_PUBLIC, " "))
			.satisfies((ex) -> {
				assertThat(ex.field()).isEqualTo("disclosureReason");
				assertThat(ex.messageKey()).isEqualTo("drafting.validation.reasonRequired");
			});
		assertThat(reply.getDisclosureMode()).isEqualTo(DisclosureMode.PROACTIVE);
	}

	private static Reply submitted(LetterContent content) {
		Reply reply = new Reply(1L, 2L, ReplyKind.ORIGINAL, content);
		reply.submit("drafter", Instant.now());
		return reply;
	}

}
