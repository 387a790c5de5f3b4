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
