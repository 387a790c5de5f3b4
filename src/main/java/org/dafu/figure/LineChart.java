package org.dafu.figure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The geometry of a target's history as an SVG line chart, drawn by
 * {@code templates/figure/detail.html}: the measurements as a line with dots, the target
 * as a dashed line, the time axis running to the deadline. The page prints the same
 * values as a table.
 */
public record LineChart(List<Dot> dots, String points, BigDecimal targetY, String firstDate, String lastDate,
		String maxLabel, String description) {

	/**
	 * Narrow, as the bar charts: at a phone's 390 px its 14-unit text stays above 12 px.
	 */
	public static final int WIDTH = 400;

	public static final int HEIGHT = 230;

	public static final int FONT_SIZE = 14;

	static final int LEFT = 62;

	static final int RIGHT = 390;

	static final int TOP = 24;

	static final int BOTTOM = 196;

	/** A measurement drawn at (x, y), with its text for the dot's tooltip. */
	public record Dot(BigDecimal x, BigDecimal y, String text) {
	}

	/** A chart of the values over time against the target; null without values. */
	public static LineChart of(List<ProgressRule.Point> values, BigDecimal target, LocalDate deadline, String unit,
			String description) {
		if (values.isEmpty()) {
			return null;
		}
		LocalDate first = values.get(0).on();
		LocalDate last = values.get(values.size() - 1).on();
		if (deadline != null && deadline.isAfter(last)) {
			last = deadline;
		}
		long span = Math.max(1, last.toEpochDay() - first.toEpochDay());
		BigDecimal max = target;
		for (ProgressRule.Point p : values) {
			max = max.max(p.value());
		}
		max = (max.signum() > 0) ? max.multiply(new BigDecimal("1.1")) : BigDecimal.ONE;
		List<Dot> dots = new ArrayList<>();
		for (ProgressRule.Point p : values) {
			BigDecimal x = scale(BigDecimal.valueOf(p.on().toEpochDay() - first.toEpochDay()), BigDecimal.valueOf(span),
					RIGHT - LEFT)
				.add(BigDecimal.valueOf(LEFT));
			dots.add(new Dot(x, y(p.value(), max), p.on() + " " + Numbers.plain(p.value()) + unit));
		}
		String points = dots.stream().map((d) -> d.x() + "," + d.y()).collect(Collectors.joining(" "));
		return new LineChart(dots, points, y(target, max), first.toString(), last.toString(),
				Numbers.plain(max.setScale(0, RoundingMode.UP)) + unit, description);
	}

	private static BigDecimal y(BigDecimal value, BigDecimal max) {
		BigDecimal v = value.max(BigDecimal.ZERO);
		return BigDecimal.valueOf(BOTTOM).subtract(scale(v, max, BOTTOM - TOP));
	}

	private static BigDecimal scale(BigDecimal value, BigDecimal of, int length) {
		return value.multiply(BigDecimal.valueOf(length)).divide(of, 1, RoundingMode.HALF_UP);
	}

	public int width() {
		return WIDTH;
	}

	public int height() {
		return HEIGHT;
	}

	public int left() {
		return LEFT;
	}

	public int right() {
		return RIGHT;
	}

	public int top() {
		return TOP;
	}

	public int bottom() {
		return BOTTOM;
	}

}
