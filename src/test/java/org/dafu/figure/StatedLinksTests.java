package org.dafu.figure;

import java.util.List;
import java.util.Map;

import org.dafu.figure.StatedLinks.Stated;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which achievement of a reply becomes which target's first measurement. */
class StatedLinksTests {

	static Stated target(long id, String subject, String unit, String region) {
		return new Stated(id, true, subject, unit, region);
	}

	static Stated achievement(long id, String subject, String unit, String region) {
		return new Stated(id, false, subject, unit, region);
	}

	@Test
	void theSampleLettersOutputTargetTakesTheValueStatedForTheSameSubjectAndUnit() {
		// 到2026年规上工业总产值突破5000亿元; 1—9月规上工业总产值2062.44亿元
		assertThat(StatedLinks.links(List.of(target(1, "规上工业总产值", "亿元", null), target(2, "规上工业亩均税收", "万元/亩", null),
				achievement(3, "规上工业总产值", "亿元", null), achievement(4, "工业投资", "%", null))))
			.isEqualTo(Map.of(1L, 3L));
	}

	@Test
	void aDifferentUnitOrRegionIsNotTheSameIndicator() {
		assertThat(StatedLinks.links(List.of(target(1, "光伏装机", "万千瓦", null), achievement(2, "光伏装机", "千瓦", null),
				achievement(3, "光伏装机", "万千瓦", "柯城区"), target(4, "光伏装机", "万千瓦", "柯城区"))))
			.isEqualTo(Map.of(4L, 3L));
	}

	@Test
	void theFirstMatchingAchievementInTheLettersOrderIsTaken() {
		assertThat(StatedLinks.links(List.of(achievement(1, "光伏装机", "万千瓦", null), target(2, "光伏装机", "万千瓦", null),
				achievement(3, "光伏装机", "万千瓦", null))))
			.isEqualTo(Map.of(2L, 1L));
	}

	@Test
	void aTargetIsNeverItsOwnMeasurementNorAnotherTargets() {
		assertThat(StatedLinks.links(List.of(target(1, "光伏装机", "万千瓦", null), target(2, "光伏装机", "万千瓦", null))))
			.isEmpty();
	}

	@Test
	void aBlankRegionIsNoRegion() {
		assertThat(StatedLinks.links(List.of(target(1, "光伏装机", "万千瓦", ""), achievement(2, " 光伏装机", "万千瓦", null))))
			.isEqualTo(Map.of(1L, 2L));
	}

}
