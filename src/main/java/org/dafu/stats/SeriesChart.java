package org.dafu.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A chart of several series per row, drawn as inline SVG by
 * {@code templates/stats/charts.html} ({@code series}): either <b>stacked</b> (the parts
 * of one whole side by side in one bar, such as the targets of a unit by progress status)
 * or <b>grouped</b> (one bar per series under the row's label, such as a session's reply,
 * on-time and satisfaction rates). The same narrow layout as {@link BarChart} (view box
 * {@value BarChart#WIDTH} wide, labels above bars, {@value BarChart#FONT_SIZE}-unit
 * text), so that the text stays readable on a phone. The page prints the same numbers as
 * a table; the legend is HTML.
 *
 * @param title what the chart shows (the SVG {@code <title>})
 * @param description a sentence with every number (the SVG {@code <desc>})
 * @param legend the series with their colours
 * @param rows the rows, top to bottom
 * @param height the height of the drawing in view-box units
 */
public record SeriesChart(String title, String description, List<Series> legend, List<Row> rows, int height) {

	static final int BAR_MAX = 270;

	static final int STACK_MAX = 330;

	/** A series: its name and colour (each at least 3:1 against white). */
	public record Series(String name, String colour) {
	}

	/** One value of a row: what it is, where it is drawn and its text. */
	public record Segment(String name, String colour, BigDecimal x, int y, BigDecimal width, int height, String text,
			BigDecimal textX, int textY, boolean textShown) {
	}

	public record Row(String label, int labelY, List<Segment> segments) {
	}

	/**
	 * A row to draw: its label, one value per series (null: none, drawn as nothing) and
	 * the text of each value.
	 */
	public record Item(String label, List<BigDecimal> values, List<String> texts) {
	}

	/**
	 * Parts of a whole per row, side by side in one bar; the longest row's total takes
	 * the full width. The row's texts are written after the bar, joined.
	 */
	public static SeriesChart stacked(String title, String description, List<Series> series, List<Item> items) {
		BigDecimal max = items.stream()
			.map((i) -> i.values().stream().filter((v) -> v != null).reduce(BigDecimal.ZERO, BigDecimal::add))
			.max(BigDecimal::compareTo)
			.filter((v) -> v.signum() > 0)
			.orElse(BigDecimal.ONE);
		List<Row> rows = new ArrayList<>();
		int y = 0;
		for (Item item : items) {
			List<Segment> segments = new ArrayList<>();
			BigDecimal x = BigDecimal.ZERO;
			for (int k = 0; k < series.size(); k++) {
				BigDecimal value = positive(item.values().get(k));
				BigDecimal width = value.multiply(BigDecimal.valueOf(STACK_MAX)).divide(max, 1, RoundingMode.HALF_UP);
				segments.add(new Segment(series.get(k).name(), series.get(k).colour(), x, y + 20, width, 18,
						item.texts().get(k), BigDecimal.ZERO, y + 33, false));
				x = x.add(width);
			}
			rows.add(new Row(item.label(), y + 14, segments));
			y += 46;
		}
		return new SeriesChart(title, description, series, rows, y);
	}

	/**
	 * One bar per series under each row's label, scaled so that {@code max} takes the
	 * full bar width (100 for percentages); each value's text after its bar.
	 */
	public static SeriesChart grouped(String title, String description, List<Series> series, List<Item> items,
			BigDecimal max) {
		List<Row> rows = new ArrayList<>();
		int y = 0;
		for (Item item : items) {
			List<Segment> segments = new ArrayList<>();
			for (int k = 0; k < series.size(); k++) {
				BigDecimal value = positive(item.values().get(k));
				BigDecimal width = value.min(max)
					.multiply(BigDecimal.valueOf(BAR_MAX))
					.divide(max, 1, RoundingMode.HALF_UP);
				int top = y + 22 + k * 22;
				segments.add(new Segment(series.get(k).name(), series.get(k).colour(), BigDecimal.ZERO, top, width, 16,
						item.texts().get(k), width.add(BigDecimal.valueOf(6)), top + 13, true));
			}
			rows.add(new Row(item.label(), y + 14, segments));
			y += 22 + series.size() * 22 + 8;
		}
		return new SeriesChart(title, description, series, rows, y);
	}

	public int width() {
		return BarChart.WIDTH;
	}

	public int fontSize() {
		return BarChart.FONT_SIZE;
	}

	public boolean isEmpty() {
		return this.rows.isEmpty();
	}

	private static BigDecimal positive(BigDecimal value) {
		return (value != null && value.signum() > 0) ? value : BigDecimal.ZERO;
	}

}
