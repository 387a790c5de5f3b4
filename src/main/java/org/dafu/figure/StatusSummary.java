package org.dafu.figure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How many targets stand where (docs/figures.md, "Progress status"), in all, by unit and
 * by region: the targets of each group come from the counts the database keeps; those
 * with a measurement are assessed one by one; every other target of the group has no data
 * (暂无数据). So the counts of every status add up to the dashboard's count.
 *
 * @param total targets per status
 * @param byUnit per unit (id, in order of most targets)
 * @param byRegion per region ("" for targets that name none), in order of most targets
 */
public record StatusSummary(Map<ProgressStatus, Long> total, List<Row> byUnit, List<Row> byRegion) {

	/** The statuses in the order they are shown. */
	public static final List<ProgressStatus> ORDER = List.of(ProgressStatus.ACHIEVED, ProgressStatus.ON_TRACK,
			ProgressStatus.BEHIND, ProgressStatus.NO_DATA);

	/** Targets counted for one unit and region. */
	public record Group(long unitId, String region, long targets) {
	}

	/** A unit's or region's targets per status. */
	public record Row(Object key, long achieved, long onTrack, long behind, long noData) {

		public long targets() {
			return this.achieved + this.onTrack + this.behind + this.noData;
		}

		public long count(ProgressStatus status) {
			return switch (status) {
				case ACHIEVED -> this.achieved;
				case ON_TRACK -> this.onTrack;
				case BEHIND -> this.behind;
				case NO_DATA -> this.noData;
			};
		}

	}

	static StatusSummary of(List<Group> groups, List<TargetView> measured) {
		Map<Long, long[]> units = new LinkedHashMap<>();
		Map<String, long[]> regions = new LinkedHashMap<>();
		for (Group group : groups) {
			units.computeIfAbsent(group.unitId(), (k) -> new long[4])[3] += group.targets();
			regions.computeIfAbsent(region(group.region()), (k) -> new long[4])[3] += group.targets();
		}
		for (TargetView target : measured) {
			int status = ORDER.indexOf(target.progress().status());
			long[] unit = units.computeIfAbsent(target.unitId(), (k) -> new long[4]);
			long[] region = regions.computeIfAbsent(region(target.region()), (k) -> new long[4]);
			unit[status]++;
			unit[3]--;
			region[status]++;
			region[3]--;
		}
		Map<ProgressStatus, Long> total = new EnumMap<>(ProgressStatus.class);
		ORDER.forEach((s) -> total.put(s, 0L));
		for (long[] counts : units.values()) {
			for (int i = 0; i < 4; i++) {
				total.merge(ORDER.get(i), counts[i], Long::sum);
			}
		}
		return new StatusSummary(total, rows(units, (k) -> k), rows(regions, (k) -> k));
	}

	public long count(ProgressStatus status) {
		return this.total.getOrDefault(status, 0L);
	}

	public long targets() {
		return this.total.values().stream().mapToLong(Long::longValue).sum();
	}

	public boolean isEmpty() {
		return targets() == 0;
	}

	private static String region(String region) {
		return (region == null) ? "" : region;
	}

	private static <K> List<Row> rows(Map<K, long[]> counts, Function<K, Object> key) {
		List<Row> rows = new ArrayList<>();
		counts.forEach((k, c) -> rows.add(new Row(key.apply(k), c[0], c[1], c[2], Math.max(0, c[3]))));
		rows.removeIf((r) -> r.targets() == 0);
		rows.sort(Comparator.comparingLong(Row::targets).reversed().thenComparing((r) -> String.valueOf(r.key())));
		return rows;
	}

}
