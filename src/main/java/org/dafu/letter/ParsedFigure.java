package org.dafu.letter;

import java.math.BigDecimal;

/**
 * A quantitative figure (量化指标) found in a reply letter.
 *
 * @param section ordinal of the section holding it, 0 if none (e.g. the opening)
 * @param subject the thing measured, e.g. 规上工业总产值
 * @param value the number exactly as written; 万 and 亿 stay in the unit
 * @param unit the unit as written, e.g. 亿元, 万元/亩, 万人次, %
 * @param kind target or achievement
 * @param comparator 突破, 达到, 超过, 不少于, 不低于, 以上, 约, 左右, 近, 余… or {@code null}
 * @param period the measuring period for achievements (1—9月, 今年前三季度, 截至目前)
 * @param deadlineYear the year a target is due (到2026年 gives 2026)
 * @param region the region named for the figure, in its full form (柯城 gives 柯城区)
 * @param growthRate year-on-year growth in percent (下降 gives a negative value)
 * @param rank rank written as 全省第1 / 第1位
 * @param taskShare share of the yearly task in percent (完成年度任务的130% gives 130)
 * @param source the sentence the figure was found in
 */
public record ParsedFigure(int section, String subject, BigDecimal value, String unit, FigureKind kind,
		String comparator, String period, Integer deadlineYear, String region, BigDecimal growthRate, Integer rank,
		BigDecimal taskShare, String source) {
}
