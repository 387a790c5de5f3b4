package org.dafu.reply;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

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

	/**
	 * Whether this is the same figure as another, numbers compared by value: the database
	 * keeps numeric(20, 4) (1.8000) while the editor shows and posts 1.8, and a save of
	 * the unchanged figure must not replace it.
	 */
	public boolean sameAs(FigureContent other) {
		return other != null && this.subject.equals(other.subject) && sameNumber(this.value, other.value)
				&& this.unit.equals(other.unit) && this.kind == other.kind
				&& Objects.equals(this.comparator, other.comparator) && Objects.equals(this.period, other.period)
				&& Objects.equals(this.deadlineYear, other.deadlineYear) && Objects.equals(this.region, other.region)
				&& sameNumber(this.growthRate, other.growthRate) && Objects.equals(this.rank, other.rank)
				&& sameNumber(this.taskShare, other.taskShare)
				&& Objects.equals(this.sourceSentence, other.sourceSentence);
	}

	/** Whether two lists hold the same figures in the same order ({@link #sameAs}). */
	public static boolean same(List<FigureContent> a, List<FigureContent> b) {
		if (a.size() != b.size()) {
			return false;
		}
		for (int i = 0; i < a.size(); i++) {
			if (!a.get(i).sameAs(b.get(i))) {
				return false;
			}
		}
		return true;
	}

	private static boolean sameNumber(BigDecimal a, BigDecimal b) {
		return (a == null) ? b == null : b != null && a.compareTo(b) == 0;
	}

}
