package org.dafu.stats;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
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

	static Rates rates(List<ProposalRow> proposals, List<EvaluationRow> evaluations, LocalDate today) {
		long received = proposals.size();
		long assigned = proposals.stream().filter(ProposalRow::assigned).count();
		long replied = proposals.stream().filter((p) -> p.assigned() && p.replied()).count();
		long onTime = proposals.stream().filter(ProposalRow::onTime).count();
		long overdue = proposals.stream().filter((p) -> p.overdue(today)).count();
		Map<Result, Long> results = new EnumMap<>(Result.class);
		for (Result r : Result.values()) {
			results.put(r, evaluations.stream().filter((e) -> r.name().equals(e.result())).count());
		}
		long evaluated = evaluations.size();
		long satisfied = results.get(Result.SATISFIED);
		long basically = results.get(Result.BASICALLY_SATISFIED);
		Withheld withheld = withheld(evaluated);
		if (withheld != null) {
			return new Rates(received, assigned, replied, Percent.of(replied, assigned), onTime,
					Percent.of(onTime, assigned), overdue, averageDays(proposals), evaluated, null, null, null, null,
					null, withheld);
		}
		return new Rates(received, assigned, replied, Percent.of(replied, assigned), onTime,
				Percent.of(onTime, assigned), overdue, averageDays(proposals), evaluated, satisfied, basically,
				results.get(Result.UNSATISFIED), Percent.of(satisfied + basically, evaluated),
				Percent.of(satisfied, evaluated), null);
	}

	/**
	 * A/B/C/D of replied proposals (the latest issued reply's class), all four listed.
	 */
	static List<CountShare> resultClasses(List<ProposalRow> proposals) {
		long classed = proposals.stream().filter((p) -> p.resultClass() != null).count();
		List<CountShare> shares = new ArrayList<>();
		for (String c : List.of("A", "B", "C", "D")) {
			long n = proposals.stream().filter((p) -> c.equals(p.resultClass())).count();
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
		return counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue()
				.reversed()
				.thenComparing((e) -> e.getKey().isEmpty() ? "\uffff" : e.getKey()))
			.map((e) -> new CountShare(e.getKey().isEmpty() ? null : e.getKey(), e.getValue(),
					Percent.of(e.getValue(), proposals.size())))
			.toList();
	}

	/** The per-unit table, by lead unit, most assigned first. */
	static List<UnitRow> units(List<ProposalRow> proposals, List<EvaluationRow> evaluations, LocalDate today) {
		Map<Long, List<ProposalRow>> byUnit = new LinkedHashMap<>();
		Map<Long, String> names = new LinkedHashMap<>();
		for (ProposalRow p : proposals) {
			if (p.assigned()) {
				byUnit.computeIfAbsent(p.unitId(), (k) -> new ArrayList<>()).add(p);
				names.put(p.unitId(), p.unitName());
			}
		}
		List<UnitRow> rows = new ArrayList<>();
		byUnit.forEach((unitId, rowsOfUnit) -> {
			List<EvaluationRow> ofUnit = evaluations.stream().filter((e) -> e.unitId() == unitId).toList();
			Rates r = rates(rowsOfUnit, ofUnit, today);
			rows.add(new UnitRow(unitId, names.get(unitId), r.assigned(), r.replied(), r.onTime(), r.overdue(),
					r.averageDaysToReply(), r.evaluations(), r.satisfactionRate(), r.satisfiedOnlyRate(),
					r.satisfactionWithheld()));
		});
		rows.sort(Comparator.comparingLong(UnitRow::assigned).reversed().thenComparing(UnitRow::unitName));
		return rows;
	}

	private static BigDecimal averageDays(List<ProposalRow> proposals) {
		long sum = 0;
		long n = 0;
		for (ProposalRow p : proposals) {
			if (p.assigned() && p.replied()) {
				sum += ChronoUnit.DAYS.between(p.assignedOn(), p.repliedOn());
				n++;
			}
		}
		return Percent.mean(sum, n);
	}

}
