package org.dafu.figure;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.dafu.figure.ProgressRule.Point;
import org.dafu.figure.ProgressRule.Progress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressRuleTests {

	static final BigDecimal TARGET = new BigDecimal("2000");

	static final Point BASELINE = point(2022, 12, 31, "1000");

	static final LocalDate TODAY = LocalDate.of(2025, 3, 1);

	@Test
	void withoutAMeasurementThereIsNoData() {
		Progress p = ProgressRule.assess(TARGET, null, null, 2026, TODAY);
		assertThat(p.status()).isEqualTo(ProgressStatus.NO_DATA);
		assertThat(p.percent()).isNull();
		assertThat(p.step()).isZero();
	}

	@Test
	void reachingTheTargetIsAchievedEvenAfterTheDeadline() {
		Progress p = ProgressRule.assess(TARGET, BASELINE, point(2024, 6, 30, "2000"), 2026, TODAY);
		assertThat(p.status()).isEqualTo(ProgressStatus.ACHIEVED);
		assertThat(p.percent()).isEqualTo(100);
		assertThat(ProgressRule.assess(TARGET, BASELINE, point(2027, 1, 5, "2100"), 2026, LocalDate.of(2027, 2, 1))
			.status()).isEqualTo(ProgressStatus.ACHIEVED);
	}

	@Test
	void aheadOfTheEvenPaceIsOnTrack() {
		// halfway in time (2 of 4 years) the pace expects 1500; 1600 is ahead
		Progress p = ProgressRule.assess(TARGET, BASELINE, point(2024, 12, 31, "1600"), 2026, TODAY);
		assertThat(p.status()).isEqualTo(ProgressStatus.ON_TRACK);
		assertThat(p.expected()).isBetween(new BigDecimal("1499"), new BigDecimal("1501"));
		assertThat(p.percent()).isEqualTo(80);
		assertThat(p.step()).isEqualTo(80);
	}

	@Test
	void shortOfTheEvenPaceIsBehind() {
		Progress p = ProgressRule.assess(TARGET, BASELINE, point(2024, 12, 31, "1300"), 2026, TODAY);
		assertThat(p.status()).isEqualTo(ProgressStatus.BEHIND);
		assertThat(p.percent()).isEqualTo(65);
		assertThat(p.step()).isEqualTo(65);
		assertThat(ProgressRule.assess(TARGET, BASELINE, point(2024, 12, 31, "1470"), 2026, TODAY).step())
			.isEqualTo(70);
	}

	@Test
	void aPassedDeadlineWithoutReachingTheTargetIsBehind() {
		Progress p = ProgressRule.assess(TARGET, BASELINE, point(2024, 12, 31, "1990"), 2024, LocalDate.of(2025, 1, 1));
		assertThat(p.status()).isEqualTo(ProgressStatus.BEHIND);
		// on the deadline day itself the pace expects the whole target; earlier in the
		// year less
		assertThat(ProgressRule.assess(TARGET, BASELINE, point(2024, 12, 31, "1990"), 2024, LocalDate.of(2024, 12, 31))
			.status()).isEqualTo(ProgressStatus.BEHIND);
		assertThat(ProgressRule.assess(TARGET, BASELINE, point(2024, 6, 30, "1990"), 2024, LocalDate.of(2024, 7, 1))
			.status()).isEqualTo(ProgressStatus.ON_TRACK);
	}

	@Test
	void aSingleMeasurementIsItsOwnBaselineAndATargetWithoutDeadlineCannotBeLate() {
		Point only = point(2023, 6, 30, "500");
		assertThat(ProgressRule.assess(TARGET, null, only, 2026, TODAY).status()).isEqualTo(ProgressStatus.ON_TRACK);
		assertThat(ProgressRule.assess(TARGET, null, only, 2026, TODAY).percent()).isEqualTo(25);
		assertThat(ProgressRule.assess(TARGET, BASELINE, point(2030, 1, 1, "1001"), null, LocalDate.of(2030, 2, 1))
			.status()).isEqualTo(ProgressStatus.ON_TRACK);
	}

	@Test
	void aFallingTargetIsReachedFromAbove() {
		Point start = point(2022, 12, 31, "100");
		BigDecimal target = new BigDecimal("60");
		assertThat(ProgressRule.assess(target, start, point(2024, 12, 31, "75"), 2026, TODAY).status())
			.isEqualTo(ProgressStatus.ON_TRACK);
		assertThat(ProgressRule.assess(target, start, point(2024, 12, 31, "90"), 2026, TODAY).status())
			.isEqualTo(ProgressStatus.BEHIND);
		assertThat(ProgressRule.assess(target, start, point(2024, 12, 31, "58"), 2026, TODAY).status())
			.isEqualTo(ProgressStatus.ACHIEVED);
		assertThat(ProgressRule.assess(target, start, point(2024, 12, 31, "90"), 2026, TODAY).percent()).isEqualTo(25);
	}

	static Point point(int y, int m, int d, String value) {
		return new Point(LocalDate.of(y, m, d), new BigDecimal(value));
	}

}
