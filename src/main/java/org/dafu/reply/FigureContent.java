package org.dafu.reply;

import java.math.BigDecimal;

import org.springframework.util.Assert;

/**
 * A quantitative figure as stated in a reply: value and unit exactly as written (万/亿 stay
 * in the unit), what it measures, whether it is a target or an achievement, and its
 * context.
 */
public record FigureContent(String subject, BigDecimal value, String unit, FigureKind kind, String comparator,
		String period, Integer deadlineYear, String region, BigDecimal growthRate, String rank, BigDecimal taskShare,
		String sourceSentence) {

	public FigureContent {
		Assert.hasText(subject, "a figure measures something");
		Assert.notNull(value, "a figure has a value");
		Assert.notNull(unit, "a figure has a unit (may be empty)");
		Assert.notNull(kind, "a figure is a target or an achievement");
		subject = subject.strip();
		unit = unit.strip();
	}

}
