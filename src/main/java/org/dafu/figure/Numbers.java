package org.dafu.figure;

import java.math.BigDecimal;

/** Figures print as written: 5000 not 5000.0000, 37.5 not 37.5000. */
public final class Numbers {

	private Numbers() {
	}

	public static String plain(BigDecimal value) {
		if (value == null) {
			return "";
		}
		BigDecimal stripped = value.stripTrailingZeros();
		return (stripped.scale() < 0) ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
	}

}
