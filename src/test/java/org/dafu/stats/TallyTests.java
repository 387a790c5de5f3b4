package org.dafu.stats;

import java.time.LocalDate;
import java.util.List;

import org.dafu.stats.Tally.EvaluationRow;
import org.dafu.stats.Tally.ProposalRow;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TallyTests {

	static final LocalDate ASSIGNED = LocalDate.of(2022, 3, 1);

	static final LocalDate DEADLINE = LocalDate.of(2022, 6, 1);

	static final LocalDate TODAY = LocalDate.of(2022, 7, 1);

	static ProposalRow row(long id, String topic, Long unit, LocalDate replied, String resultClass) {
		return new ProposalRow(id, topic, unit, (unit != null) ? "单位" + unit : null, (unit != null) ? ASSIGNED : null,
				(unit != null) ? DEADLINE : null, replied, resultClass);
	}

	@Test
	void percentagesHaveOneDecimalRoundedHalfUp() {
		assertThat(Percent.of(64, 128)).hasToString("50.0");
		assertThat(Percent.of(38, 128)).hasToString("29.7");
		assertThat(Percent.of(21, 128)).hasToString("16.4");
		assertThat(Percent.of(5, 128)).hasToString("3.9");
		assertThat(Percent.of(1, 8)).hasToString("12.5");
		assertThat(Percent.of(1, 16)).hasToString("6.3");
		assertThat(Percent.of(0, 0)).isNull();
	}

	@Test
	void onlyAssignedProposalsCountTowardsTheRates() {
		List<ProposalRow> rows = List.of(row(1, "工业", 1L, LocalDate.of(2022, 6, 1), "A"),
				row(2, "工业", 1L, LocalDate.of(2022, 6, 2), "B"), row(3, null, 2L, null, null),
				row(4, "城建", null, null, null));
		Statistics.Rates r = Tally.rates(rows, List.of(), TODAY);
		assertThat(r.received()).isEqualTo(4);
		assertThat(r.assigned()).isEqualTo(3);
		assertThat(r.replied()).isEqualTo(2);
		assertThat(r.replyRate()).hasToString("66.7");
		// replied on the deadline day is on time; a day later and no reply past the
		// deadline are overdue
		assertThat(r.onTime()).isEqualTo(1);
		assertThat(r.overdue()).isEqualTo(2);
		assertThat(r.overdue()).isEqualTo(Tally.rates(rows, List.of(), TODAY).overdue());
		assertThat(Tally.rates(rows, List.of(), DEADLINE).overdue()).isEqualTo(1);
		assertThat(r.averageDaysToReply()).hasToString("92.5");
	}

	@Test
	void topicsAreCountedMostFirstWithTheUnclassedLast() {
		List<ProposalRow> rows = List.of(row(1, "工业", 1L, null, null), row(2, null, 1L, null, null),
				row(3, "工业", 1L, null, null), row(4, "城建", 1L, null, null));
		assertThat(Tally.topics(rows)).extracting((t) -> t.key() + " " + t.count() + " " + t.share())
			.containsExactly("工业 2 50.0", "城建 1 25.0", "null 1 25.0");
	}

	@Test
	void satisfactionComesFromTheResultOfEachEvaluationAndIsSplitByUnit() {
		List<ProposalRow> rows = List.of(row(1, null, 1L, DEADLINE, "A"), row(2, null, 2L, DEADLINE, "C"));
		List<EvaluationRow> evaluations = List.of(new EvaluationRow(1, "SATISFIED"),
				new EvaluationRow(1, "BASICALLY_SATISFIED"), new EvaluationRow(2, "UNSATISFIED"));
		Statistics.Rates r = Tally.rates(rows, evaluations, TODAY);
		assertThat(r.satisfactionRate()).hasToString("66.7");
		assertThat(r.satisfiedOnlyRate()).hasToString("33.3");
		List<Statistics.UnitRow> units = Tally.units(rows, evaluations, TODAY);
		// two evaluations and one: too few to show a unit's rate
		assertThat(units)
			.extracting((u) -> u.unitId() + " " + u.satisfactionRate() + " " + u.satisfiedOnlyRate() + " "
					+ u.satisfactionWithheld())
			.containsExactly("1 null null FEWER_THAN_3_EVALUATIONS", "2 null null FEWER_THAN_3_EVALUATIONS");
		assertThat(Tally.resultClasses(rows)).extracting((c) -> c.key() + c.count())
			.containsExactly("A1", "B0", "C1", "D0");
	}

	@Test
	void satisfactionNeedsThreeEvaluations() {
		List<ProposalRow> rows = List.of(row(1, null, 1L, DEADLINE, "A"));
		List<EvaluationRow> evaluations = new java.util.ArrayList<>();
		Statistics.Rates none = Tally.rates(rows, evaluations, TODAY);
		assertThat(none.satisfactionRate()).isNull();
		assertThat(none.satisfactionWithheld()).isEqualTo(Statistics.Withheld.NO_EVALUATIONS);
		for (int n = 1; n <= 2; n++) {
			evaluations.add(new EvaluationRow(1, "UNSATISFIED"));
			Statistics.Rates few = Tally.rates(rows, evaluations, TODAY);
			assertThat(few.evaluations()).isEqualTo(n);
			assertThat(few.satisfactionRate()).isNull();
			assertThat(few.satisfiedOnlyRate()).isNull();
			assertThat(few.satisfied()).isNull();
			assertThat(few.basicallySatisfied()).isNull();
			assertThat(few.unsatisfied()).isNull();
			assertThat(few.satisfactionWithheld()).isEqualTo(Statistics.Withheld.FEWER_THAN_3_EVALUATIONS);
			assertThat(Tally.units(rows, evaluations, TODAY)).singleElement()
				.satisfies((u) -> assertThat(u.satisfactionRate()).isNull())
				.satisfies((u) -> assertThat(u.satisfactionWithheld())
					.isEqualTo(Statistics.Withheld.FEWER_THAN_3_EVALUATIONS));
		}
		evaluations.add(new EvaluationRow(1, "SATISFIED"));
		Statistics.Rates three = Tally.rates(rows, evaluations, TODAY);
		assertThat(three.satisfactionRate()).hasToString("33.3");
		assertThat(three.unsatisfied()).isEqualTo(2);
		assertThat(three.satisfactionWithheld()).isNull();
		assertThat(Tally.units(rows, evaluations, TODAY)).singleElement()
			.satisfies((u) -> assertThat(u.satisfactionRate()).hasToString("33.3"));
	}

}
