package org.dafu.reply;

import java.math.BigDecimal;

import org.dafu.platform.RefusedException;

/**
 * A quantitative figure as stated in a reply: value and unit exactly as written (万/亿 stay
 * in the unit), what it measures, whether it is a target or an achievement, and its
 * context.
 */
public record FigureContent(String subject, BigDecimal value, String unit, FigureKind kind, String comparator,
		String period, Integer deadlineYear, String region, BigDecimal growthRate, String rank, BigDecimal taskShare,
		String sourceSentence) {

	public FigureContent {
		if (subject == null || subject.isBlank()) {
			throw new RefusedException("subject", "drafting.validation.required");
		}
		if (value == null) {
			throw new RefusedException("value", "drafting.validation.required");
		}
		if (kind == null) {
			throw new RefusedException("kind", "drafting.validation.required");
		}
		unit = (unit != null) ? unit : "";
		subject = subject.strip();
		unit = unit.strip();
	}

}
