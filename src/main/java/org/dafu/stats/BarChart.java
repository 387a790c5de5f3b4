package org.dafu.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The geometry of a horizontal bar chart, drawn as inline SVG by
 * {@code templates/stats/charts.html} (no script, no CDN, no style attributes). The page
 * gives the chart a title and description and prints the same numbers as a table.
 * <p>
 * Each label sits on its own line above its bar, so the view box is narrow
 * ({@value #WIDTH} units): at a phone's 390 px the drawing is about 360 px wide and its
 * {@value #FONT_SIZE}-unit text stays above 12 px; the stylesheet caps the width on wide
 * screens ({@code .chart-narrow}).
 *
 * @param title what the chart shows (the SVG {@code <title>})
 * @param description a sentence with every number (the SVG {@code <desc>})
 * @param bars one bar per item, top to bottom
 * @param height the height of the drawing in view-box units
 */
public record BarChart(String title, String description, List<Bar> bars, int height) {

	/** Width of the view box: labels above the bars, the value after each bar. */
	public static final int WIDTH = 400;

	/** The font size in view-box units (the template's {@code font-size}). */
	public static final int FONT_SIZE = 14;

	static final int BAR_MAX = 270;

	static final int ROW = 46;

	static final int LABEL_CHARS = 26;

	/** A bar: its label, the value as text, and where it is drawn. */
	public record Bar(String label, String fullLabel, String valueText, int y, BigDecimal width) {

		/** The label's baseline, above the bar. */
		public int textY() {
			return this.y + 14;
		}

		public int labelX() {
			return 0;
		}

		public int barX() {
			return 0;
		}

		/** The top of the bar. */
		public int barY() {
			return this.y + 20;
		}

		public BigDecimal valueX() {
			return this.width.add(BigDecimal.valueOf(6));
		}

		/** The value's baseline, beside the bar. */
		public int valueY() {
			return this.y + 33;
		}

	}

	/** One item to draw: a label, its (non-negative) value and how to print the value. */
	public record Item(String label, BigDecimal value, String valueText) {
	}

	public static BarChart of(String title, String description, List<Item> items) {
		BigDecimal max = items.stream()
			.map(Item::value)
			.filter((v) -> v != null && v.signum() > 0)
			.max(BigDecimal::compareTo)
			.orElse(BigDecimal.ONE);
		List<Bar> bars = new ArrayList<>();
		int y = 0;
		for (Item item : items) {
			BigDecimal value = (item.value() != null && item.value().signum() > 0) ? item.value() : BigDecimal.ZERO;
			BigDecimal width = value.multiply(BigDecimal.valueOf(BAR_MAX)).divide(max, 1, RoundingMode.HALF_UP);
			bars.add(new Bar(shorten(item.label()), item.label(), item.valueText(), y, width));
			y += ROW;
		}
		return new BarChart(title, description, bars, y);
	}

	public int width() {
		return WIDTH;
	}

	public int fontSize() {
		return FONT_SIZE;
	}

	public boolean isEmpty() {
		return this.bars.isEmpty();
	}

	private static String shorten(String label) {
		if (label == null) {
			return "";
		}
		return (label.codePointCount(0, label.length()) <= LABEL_CHARS) ? label
				: label.substring(0, label.offsetByCodePoints(0, LABEL_CHARS - 1)) + "…";
	}

}
