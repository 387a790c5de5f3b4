package org.dafu.history;

import java.util.List;

import org.dafu.history.LineDiff.Line;
import org.dafu.history.LineDiff.Op;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LineDiffTests {

	@Test
	void keepsCommonLinesAndMarksTheRest() {
		List<Line> diff = LineDiff.diff("甲\n乙\n丙", "甲\n丁\n丙\n戊");
		assertThat(diff).containsExactly(new Line(Op.SAME, "甲"), new Line(Op.REMOVED, "乙"), new Line(Op.ADDED, "丁"),
				new Line(Op.SAME, "丙"), new Line(Op.ADDED, "戊"));
	}

	@Test
	void creationIsAllAdded() {
		assertThat(LineDiff.diff(null, "a\nb")).extracting(Line::op).containsExactly(Op.ADDED, Op.ADDED);
		assertThat(LineDiff.diff("a", "a")).extracting(Line::op).containsExactly(Op.SAME);
	}

	@Test
	void hugeTextsDoNotGoQuadratic() {
		String big = "x\n".repeat(LineDiff.MAX_LINES);
		assertThat(LineDiff.diff(big, big + "y")).hasSize(2 * LineDiff.MAX_LINES + 2);
	}

}
