/**
 * Reply letters (答复函) as plain Java: {@link org.dafu.letter.LetterReader} turns an
 * uploaded .txt or .docx into text, {@link org.dafu.letter.LetterParser} takes the text
 * apart into a {@link org.dafu.letter.ParsedLetter} and reports what looks wrong as
 * {@link org.dafu.letter.LetterWarning}s, never fixing anything silently. No Spring, no
 * persistence: callers store what they keep.
 *
 * <p>
 * Rules worth knowing when reading results:
 * <ul>
 * <li>A figure is an Arabic number with a unit; 万/亿 stay in the unit (12.5亿元 is 12.5 亿元).
 * Years, dates, 第N号, 〔2022〕12号, numbers in 《》 titles, durations (6个月) and numbers without
 * unit are not figures. A count in Chinese numerals (组建四个…) is one only after a verb of
 * building or forming; names such as 一中 or 一城两镇四村八景 never are.</li>
 * <li>A count before its noun (1个实施意见) is a figure only after a verb of having or forming
 * (已有7个项目, 形成1个产业集群, 保持不少于5000亩的工业熟地), or as the total of a list (A、B等10余项…). A figure
 * whose clause names nothing takes the name of the figure before it, never its
 * unit's.</li>
 * <li>Growth (同比增长), rank (全省第1) and task share (完成年度任务的130%, also 分别… for several)
 * belong to the figure before them; a growth with its own subject (工业投资同比增长37.5%) is
 * itself a figure in %.</li>
 * <li>A figure is a TARGET when 到YYYY年, YYYY年将 / 前, 力争, 争取在, 目标, 确保, 预计, 计划, 将建成… or 保持
 * precedes it in its sentence; otherwise an ACHIEVEMENT, whose period is the last period
 * phrase (1—9月, 今年前三季度, 截至目前…) seen in its paragraph.</li>
 * <li>Page clutter (breadcrumbs, 上一篇, view counters, phone and ICP lines, 附件下载) is
 * dropped before parsing ({@code PageClutter}).</li>
 * <li>Regional breakdowns are checked only when complete (Quzhou's six counties, or
 * announced by 从…看 / 分别为); a partial list is flagged only when it exceeds its total.</li>
 * </ul>
 */
package org.dafu.letter;
