package org.dafu.evaluation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A deputy's rating of a reply, as a plain object: no Spring, no database. */
class EvaluationRulesTests {

	@Test
	void aRatingSaysWhenItNewlyContainsAnUnsatisfied() {
		Evaluation evaluation = new Evaluation(1L, 2L, Rating.SATISFIED, Rating.SATISFIED, null);
		assertThat(evaluation.isUnsatisfied()).isFalse();

		assertThat(evaluation.rate(Rating.SATISFIED, Rating.UNSATISFIED, "没有落实")).as("newly unsatisfied").isTrue();
		assertThat(evaluation.isUnsatisfied()).isTrue();
		assertThat(evaluation.rate(Rating.UNSATISFIED, Rating.UNSATISFIED, "仍未落实"))
			.as("still unsatisfied: nothing new to follow up")
			.isFalse();
		assertThat(evaluation.rate(Rating.BASICALLY_SATISFIED, Rating.SATISFIED, null)).isFalse();
		assertThat(evaluation.isUnsatisfied()).isFalse();
		assertThat(evaluation.rate(Rating.UNSATISFIED, Rating.SATISFIED, null)).as("unsatisfied again").isTrue();
	}

	@Test
	void theCommentIsKeptStrippedAndABlankOneIsNone() {
		Evaluation evaluation = new Evaluation(1L, 2L, Rating.SATISFIED, Rating.SATISFIED, "  很好  ");
		assertThat(evaluation.view().comment()).isEqualTo("很好");
		evaluation.rate(Rating.SATISFIED, Rating.SATISFIED, "   ");
		assertThat(evaluation.view().comment()).isNull();
	}

	@Test
	void aRatingNeedsBothMarksAndAShortEnoughComment() {
		Evaluation evaluation = new Evaluation(1L, 2L, Rating.SATISFIED, Rating.SATISFIED, "好");
		assertThatThrownBy(() -> evaluation.rate(null, Rating.SATISFIED, null)).isInstanceOf(RuntimeException.class);
		assertThatThrownBy(() -> evaluation.rate(Rating.SATISFIED, null, null)).isInstanceOf(RuntimeException.class);
		assertThat(evaluation.rate(Rating.SATISFIED, Rating.SATISFIED, "字".repeat(Evaluation.MAX_COMMENT))).isFalse();
		assertThatThrownBy(
				() -> evaluation.rate(Rating.SATISFIED, Rating.SATISFIED, "字".repeat(Evaluation.MAX_COMMENT + 1)))
			.isInstanceOf(RuntimeException.class);
		assertThat(evaluation.view().comment()).as("a refused rating changes nothing").hasSize(Evaluation.MAX_COMMENT);
	}

}
