package org.dafu.stats;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.dafu.stats.Statistics.CountShare;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Turns statistics into bar charts with localised titles and text alternatives. */
@Component
public class StatisticsCharts {

	private final MessageSource messages;

	StatisticsCharts(MessageSource messages) {
		this.messages = messages;
	}

	public BarChart resultClasses(Statistics stats, Locale locale) {
		return chart("stats.chart.classes", stats.resultClasses(),
				(c) -> this.messages.getMessage("stats.class." + c.key(), null, locale), locale);
	}

	public BarChart topics(Statistics stats, Locale locale) {
		return chart("stats.chart.topics", stats.topics(),
				(c) -> (c.key() != null) ? c.key() : this.messages.getMessage("stats.topic.none", null, locale),
				locale);
	}

	/**
	 * Every session's 办复率, 按时办复率 and 满意率 as one bar each (percentages; a withheld
	 * satisfaction is drawn as nothing and written as —), oldest session first.
	 */
	public SeriesChart sessions(List<Statistics.SessionRow> sessions, Locale locale) {
		List<SeriesChart.Series> series = List.of(
				new SeriesChart.Series(this.messages.getMessage("stats.field.replyRate", null, locale), "#0b57a4"),
				new SeriesChart.Series(this.messages.getMessage("stats.field.onTimeRate", null, locale), "#1a7f37"),
				new SeriesChart.Series(this.messages.getMessage("stats.field.satisfactionRate", null, locale),
						"#8f1d1d"));
		List<Statistics.SessionRow> oldestFirst = new java.util.ArrayList<>(sessions);
		java.util.Collections.reverse(oldestFirst);
		List<SeriesChart.Item> items = oldestFirst.stream().map((s) -> {
			List<java.math.BigDecimal> values = java.util.Arrays.asList(s.replyRate(), s.onTimeRate(),
					s.satisfactionRate());
			List<String> texts = values.stream().map((v) -> percent(v, locale)).toList();
			return new SeriesChart.Item(s.sessionName(), values, texts);
		}).toList();
		String title = this.messages.getMessage("stats.chart.sessions", null, locale);
		String separator = this.messages.getMessage("stats.chart.separator", null, locale);
		String description = items.stream().map((i) -> {
			StringBuilder text = new StringBuilder(i.label());
			for (int k = 0; k < series.size(); k++) {
				text.append(' ').append(series.get(k).name()).append(' ').append(i.texts().get(k));
			}
			return text.toString();
		}).collect(Collectors.joining(separator));
		return SeriesChart.grouped(title,
				title + this.messages.getMessage("stats.chart.colon", null, locale) + description, series, items,
				java.math.BigDecimal.valueOf(100));
	}

	private String percent(java.math.BigDecimal value, Locale locale) {
		return (value != null)
				? this.messages.getMessage("stats.percent", new Object[] { value.toPlainString() }, locale) : "—";
	}

	private BarChart chart(String titleKey, List<CountShare> shares,
			java.util.function.Function<CountShare, String> label, Locale locale) {
		List<BarChart.Item> items = shares.stream()
			.map((c) -> new BarChart.Item(label.apply(c), java.math.BigDecimal.valueOf(c.count()),
					countShare(c, locale)))
			.toList();
		String title = this.messages.getMessage(titleKey, null, locale);
		String description = items.stream()
			.map((i) -> i.label() + " " + i.valueText())
			.collect(Collectors.joining(this.messages.getMessage("stats.chart.separator", null, locale)));
		return BarChart.of(title, title + this.messages.getMessage("stats.chart.colon", null, locale) + description,
				items);
	}

	private String countShare(CountShare c, Locale locale) {
		return this.messages.getMessage("stats.chart.countShare",
				new Object[] { c.count(), (c.share() != null) ? c.share().toPlainString() : "—" }, locale);
	}

}
