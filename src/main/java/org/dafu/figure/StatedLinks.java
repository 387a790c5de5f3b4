package org.dafu.figure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which achievement of a reply becomes the first measurement of which of its targets
 * (docs/figures.md, "Measurements"): for each target, the first achievement in the
 * letter's order with the same subject, unit and region. A pure function, so that the
 * rule is tested without a database.
 */
final class StatedLinks {

	private StatedLinks() {
	}

	/** A figure of one reply, in the letter's order. */
	record Stated(long id, boolean target, String subject, String unit, String region) {
	}

	/**
	 * @param figures the reply's figures in the letter's order (section, then position)
	 * @return target id → achievement id, in the targets' order; targets without a
	 * matching achievement are left out
	 */
	static Map<Long, Long> links(List<Stated> figures) {
		Map<Long, Long> links = new LinkedHashMap<>();
		for (Stated target : figures) {
			if (!target.target()) {
				continue;
			}
			figures.stream()
				.filter((a) -> !a.target() && same(a, target))
				.findFirst()
				.ifPresent((a) -> links.put(target.id(), a.id()));
		}
		return links;
	}

	private static boolean same(Stated a, Stated b) {
		return a.subject().strip().equals(b.subject().strip()) && a.unit().strip().equals(b.unit().strip())
				&& Objects.equals(blankToNull(a.region()), blankToNull(b.region()));
	}

	private static String blankToNull(String s) {
		return (s == null || s.isBlank()) ? null : s.strip();
	}

}
