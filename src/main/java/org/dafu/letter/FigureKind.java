package org.dafu.letter;

/**
 * Whether a quantitative figure is a value to reach (目标) or a value measured (完成情况).
 */
public enum FigureKind {

	/** A value to reach, usually by a deadline: 到2026年…突破5000亿元. */
	TARGET,

	/** A value measured over a period: 1—9月…2062.44亿元. */
	ACHIEVEMENT

}
