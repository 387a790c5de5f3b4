package org.dafu.stats;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.dafu.stats.Statistics.CountShare;
import org.dafu.stats.Statistics.Rates;
import org.dafu.stats.Statistics.UnitRow;
import org.dafu.stats.Statistics.Withheld;

/**
 * Counts handling statistics from one row per proposal and one row per evaluation. Pure
 * Java, so the rules (docs/figures.md) are tested without a database.
 */
final class Tally {

	/**
	 * One proposal: its topic, lead assignment (null when not assigned), the date of its
	 * first issued reply (null when none) and the result class of its latest issued
	 * reply.
	 */
	record ProposalRow(long id, String topic, Long unitId, String unitName, LocalDate assignedOn, LocalDate deadline,
			LocalDate repliedOn, String resultClass) {

		boolean assigned() {
			return this.unitId != null;
		}

		boolean replied() {
			return this.repliedOn != null;
		}

		boolean onTime() {
			return assigned() && replied() && !this.repliedOn.isAfter(this.deadline);
		}

		boolean overdue(LocalDate today) {
			if (!assigned()) {
				return false;
			}
			return replied() ? this.repliedOn.isAfter(this.deadline) : today.isAfter(this.deadline);
		}

	}

	/** One evaluation (满意度测评) of an issued reply, by the unit that wrote the reply. */
	record EvaluationRow(long unitId, String result) {
	}

	enum Result {

		SATISFIED, BASICALLY_SATISFIED, UNSATISFIED

	}

	/**
	 * The fewest evaluations a satisfaction figure (rate or split) is shown for: below,
	 * it would tell how one or two identifiable deputies rated (docs/figures.md).
	 */
	static final int MIN_EVALUATIONS = 3;

	private Tally() {
	}

	/** Why satisfaction over {@code evaluated} evaluations is not shown, or null. */
	static Withheld withheld(long evaluated) {
		if (evaluated == 0) {
			return Withheld.NO_EVALUATIONS;
		}
		return (evaluated < MIN_EVALUATIONS) ? Withheld.FEWER_THAN_3_EVALUATIONS : null;
	}

	/**
	 * What the rates of a group of proposals are made of: the counts, and the sum of the
	 * days from assignment to the first reply over the {@code replied} ones.
	 */
	record Counts(long received, long assigned, long replied, long onTime, long overdue, long daysToReply) {

		static Counts of(List<ProposalRow> proposals, LocalDate today) {
			long days = 0;
			for (ProposalRow p : proposals) {
				if (p.assigned() && p.replied()) {
					days += ChronoUnit.DAYS.between(p.assignedOn(), p.repliedOn());
				}
			}
			return new Counts(proposals.size(), proposals.stream().filter(ProposalRow::assigned).count(),
					proposals.stream().filter((p) -> p.assigned() && p.replied()).count(),
					proposals.stream().filter(ProposalRow::onTime).count(),
					proposals.stream().filter((p) -> p.overdue(today)).count(), days);
		}

	}

	/** Evaluations of a group by result. */
	record Ratings(long satisfied, long basicallySatisfied, long unsatisfied) {

		static final Ratings NONE = new Ratings(0, 0, 0);

		static Ratings of(List<EvaluationRow> evaluations) {
			return new Ratings(count(evaluations, Result.SATISFIED), count(evaluations, Result.BASICALLY_SATISFIED),
					count(evaluations, Result.UNSATISFIED));
		}

		private static long count(List<EvaluationRow> evaluations, Result result) {
			return evaluations.stream().filter((e) -> result.name().equals(e.result())).count();
		}

		long total() {
			return this.satisfied + this.basicallySatisfied + this.unsatisfied;
		}

	}

	static Rates rates(List<ProposalRow> proposals, List<EvaluationRow> evaluations, LocalDate today) {
		return rates(Counts.of(proposals, today), Ratings.of(evaluations));
	}

	static Rates rates(Counts c, Ratings e) {
		long evaluated = e.total();
		BigDecimal averageDays = Percent.mean(c.daysToReply(), c.replied());
		Withheld withheld = withheld(evaluated);
		if (withheld != null) {
			return new Rates(c.received(), c.assigned(), c.replied(), Percent.of(c.replied(), c.assigned()), c.onTime(),
					Percent.of(c.onTime(), c.assigned()), c.overdue(), averageDays, evaluated, null, null, null, null,
					null, withheld);
		}
		return new Rates(c.received(), c.assigned(), c.replied(), Percent.of(c.replied(), c.assigned()), c.onTime(),
				Percent.of(c.onTime(), c.assigned()), c.overdue(), averageDays, evaluated, e.satisfied(),
				e.basicallySatisfied(), e.unsatisfied(), Percent.of(e.satisfied() + e.basicallySatisfied(), evaluated),
				Percent.of(e.satisfied(), evaluated), null);
	}

	/**
	 * A/B/C/D of replied proposals (the latest issued reply's class), all four listed.
	 */
	static List<CountShare> resultClasses(List<ProposalRow> proposals) {
		Map<String, Long> counts = new HashMap<>();
		proposals.forEach((p) -> counts.merge(Objects.toString(p.resultClass(), ""), 1L, Long::sum));
		return resultClasses(counts);
	}

	/** The same from counts by class (any other key, such as "", is not a class). */
	static List<CountShare> resultClasses(Map<String, Long> counts) {
		List<String> classes = List.of("A", "B", "C", "D");
		long classed = classes.stream().mapToLong((c) -> counts.getOrDefault(c, 0L)).sum();
		List<CountShare> shares = new ArrayList<>();
		for (String c : classes) {
			long n = counts.getOrDefault(c, 0L);
			shares.add(new CountShare(c, n, Percent.of(n, classed)));
		}
		return shares;
	}

	/** Proposals received per topic category, most first; unclassed last (name null). */
	static List<CountShare> topics(List<ProposalRow> proposals) {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (ProposalRow p : proposals) {
			counts.merge(Objects.toString(p.topic(), ""), 1L, Long::sum);
		}
		return topics(counts, proposals.size());
	}

	/** The same from counts by topic name ("" for unclassed) of {@code received}. */
	static List<CountShare> topics(Map<String, Long> counts, long received) {
		return counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue()
				.reversed()
				.thenComparing((e) -> e.getKey().isEmpty() ? "\uffff" : e.getKey()))
			.map((e) -> new CountShare(e.getKey().isEmpty() ? null : e.getKey(), e.getValue(),
					Percent.of(e.getValue(), received)))
			.toList();
	}

	/** The per-unit table, by lead unit, most assigned first. */
	static List<UnitRow> units(List<ProposalRow> proposals, List<EvaluationRow> evaluations, LocalDate today) {
		return units(proposals, evaluations, Map.of(), today);
	}

	/** The same, with the reminders (催办) each unit received. */
	static List<UnitRow> units(List<ProposalRow> proposals, List<EvaluationRow> evaluations, Map<Long, Long> reminders,
			LocalDate today) {
		Map<Long, List<ProposalRow>> byUnit = new LinkedHashMap<>();
		Map<Long, String> names = new LinkedHashMap<>();
		for (ProposalRow p : proposals) {
			if (p.assigned()) {
				byUnit.computeIfAbsent(p.unitId(), (k) -> new ArrayList<>()).add(p);
				names.put(p.unitId(), p.unitName());
			}
		}
		List<UnitRow> rows = new ArrayList<>();
		byUnit.forEach((unitId,
				rowsOfUnit) -> rows.add(unitRow(unitId, names.get(unitId), Counts.of(rowsOfUnit, today),
						Ratings.of(evaluations.stream().filter((e) -> e.unitId() == unitId).toList()),
						reminders.getOrDefault(unitId, 0L))));
		return sortUnits(rows);
	}

	/** A row of the per-unit table. */
	static UnitRow unitRow(long unitId, String unitName, Counts counts, Ratings ratings, long reminders) {
		Rates r = rates(counts, ratings);
		return new UnitRow(unitId, unitName, r.assigned(), r.replied(), r.onTime(), r.overdue(), r.averageDaysToReply(),
				r.evaluations(), r.satisfactionRate(), r.satisfiedOnlyRate(), r.satisfactionWithheld(), reminders);
	}

	/** Most assigned first, then by name. */
	static List<UnitRow> sortUnits(List<UnitRow> rows) {
		List<UnitRow> sorted = new ArrayList<>(rows);
		sorted.sort(Comparator.comparingLong(UnitRow::assigned).reversed().thenComparing(UnitRow::unitName));
		return sorted;
	}

}
