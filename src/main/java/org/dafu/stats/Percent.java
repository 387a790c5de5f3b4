package org.dafu.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Shares as the yearly reports print them: a percentage to one decimal, rounded half up
 * ("A 类 64 件，占 50.0%"). No share of nothing: a zero whole gives {@code null}.
 */
public final class Percent {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private Percent() {
	}

	public static BigDecimal of(long part, long whole) {
		if (whole <= 0) {
			return null;
		}
		return BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
	}

	/** A mean to one decimal, half up; {@code null} for no values. */
	public static BigDecimal mean(long sum, long count) {
		if (count <= 0) {
			return null;
		}
		return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP);
	}

}
