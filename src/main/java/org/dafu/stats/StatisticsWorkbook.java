package org.dafu.stats;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.dafu.platform.web.Xlsx;
import org.dafu.stats.Statistics.Rates;
import org.dafu.stats.Statistics.Withheld;

import org.springframework.context.MessageSource;

/**
 * The statistics of a session as a workbook, with the tables of its page: the headline
 * figures, the result classes, the topics and the lead units, in the viewer's language.
 * Satisfaction follows the page's small-number rule: below {@link Tally#MIN_EVALUATIONS}
 * evaluations the rates and the split are not numbers but 「—」 with the reason.
 */
public final class StatisticsWorkbook {

	private final MessageSource messages;

	private final Locale locale;

	private StatisticsWorkbook(MessageSource messages, Locale locale) {
		this.messages = messages;
		this.locale = locale;
	}

	public static void write(Xlsx xlsx, Statistics stats, MessageSource messages, Locale locale) {
		new StatisticsWorkbook(messages, locale).write(xlsx, stats);
	}

	private void write(Xlsx xlsx, Statistics stats) {
		summary(xlsx, stats);
		Xlsx.Sheet classes = xlsx.sheet(text("stats.classes.heading"),
				List.of(text("stats.field.class"), text("stats.field.count"), text("stats.field.share")), 16, 10, 10);
		for (Statistics.CountShare c : stats.resultClasses()) {
			percentOrNone(classes.row().text(text("stats.class." + c.key())).number(c.count()), c.share());
		}
		Xlsx.Sheet topics = xlsx.sheet(text("stats.topics.heading"),
				List.of(text("stats.field.topic"), text("stats.field.count"), text("stats.field.share")), 30, 10, 10);
		for (Statistics.CountShare t : stats.topics()) {
			percentOrNone(topics.row().text((t.key() != null) ? t.key() : text("stats.topic.none")).number(t.count()),
					t.share());
		}
		Xlsx.Sheet units = xlsx.sheet(text("stats.units.heading"),
				List.of(text("stats.field.unit"), text("stats.field.assigned"), text("stats.field.replied"),
						text("stats.field.onTime"), text("stats.field.overdue"), text("stats.field.averageDays"),
						text("stats.field.satisfactionRate"), text("stats.field.satisfiedOnlyRate"),
						text("stats.field.reminders")),
				36, 10, 10, 12, 10, 16, 36, 36, 12);
		for (Statistics.UnitRow u : stats.units()) {
			Xlsx.Row row = units.row()
				.text(u.unitName())
				.number(u.assigned())
				.number(u.replied())
				.number(u.onTime())
				.number(u.overdue());
			orNone(row, u.averageDaysToReply());
			satisfaction(row, u.satisfactionRate(), u.satisfactionWithheld());
			satisfaction(row, u.satisfiedOnlyRate(), u.satisfactionWithheld());
			row.number(u.reminders());
		}
	}

	/**
	 * The headline figures, one per row, then how they are counted and what is published.
	 */
	private void summary(Xlsx xlsx, Statistics stats) {
		Rates r = stats.rates();
		Xlsx.Sheet sheet = xlsx.sheet(text("stats.xlsx.summary"),
				List.of(text("stats.xlsx.item"), text("stats.xlsx.value")), 36, 36);
		sheet.row().text(text("stats.field.session")).text(stats.sessionName());
		if (stats.year() != null) {
			sheet.row().text(text("stats.field.year")).number(stats.year());
		}
		sheet.row().text(text("stats.field.received")).number(r.received());
		sheet.row().text(text("stats.field.assigned")).number(r.assigned());
		sheet.row().text(text("stats.field.replied")).number(r.replied());
		percentOrNone(sheet.row().text(text("stats.field.replyRate")), r.replyRate());
		sheet.row().text(text("stats.field.onTime")).number(r.onTime());
		percentOrNone(sheet.row().text(text("stats.field.onTimeRate")), r.onTimeRate());
		sheet.row().text(text("stats.field.overdue")).number(r.overdue());
		orNone(sheet.row().text(text("stats.field.averageDays")), r.averageDaysToReply());
		satisfaction(sheet.row().text(text("stats.field.satisfactionRate")), r.satisfactionRate(),
				r.satisfactionWithheld());
		satisfaction(sheet.row().text(text("stats.field.satisfiedOnlyRate")), r.satisfiedOnlyRate(),
				r.satisfactionWithheld());
		sheet.row().text(text("stats.field.evaluations")).number(r.evaluations());
		split(sheet.row().text(text("stats.xlsx.satisfied")), r.satisfied(), r.satisfactionWithheld());
		split(sheet.row().text(text("stats.xlsx.basicallySatisfied")), r.basicallySatisfied(),
				r.satisfactionWithheld());
		split(sheet.row().text(text("stats.xlsx.unsatisfied")), r.unsatisfied(), r.satisfactionWithheld());
		sheet.skip();
		sheet.row().paragraph(text("stats.note"));
		sheet.row().paragraph(text("stats.rules"));
	}

	private void percentOrNone(Xlsx.Row row, BigDecimal percent) {
		if (percent != null) {
			row.percent(percent);
		}
		else {
			row.text(text("stats.none"));
		}
	}

	private void orNone(Xlsx.Row row, BigDecimal value) {
		if (value != null) {
			row.decimal(value);
		}
		else {
			row.text(text("stats.none"));
		}
	}

	/** A satisfaction rate, or 「—」 with the reason it is withheld, as on the page. */
	private void satisfaction(Xlsx.Row row, BigDecimal rate, Withheld withheld) {
		if (rate != null) {
			row.percent(rate);
		}
		else {
			row.text((withheld != null) ? text("stats.withheld." + withheld) : text("stats.none"));
		}
	}

	/** A count of the split by result, or 「—」 with the reason it is withheld. */
	private void split(Xlsx.Row row, Long count, Withheld withheld) {
		if (count != null) {
			row.number(count);
		}
		else {
			row.text((withheld != null) ? text("stats.withheld." + withheld) : text("stats.none"));
		}
	}

	private String text(String key) {
		return this.messages.getMessage(key, null, this.locale);
	}

}
