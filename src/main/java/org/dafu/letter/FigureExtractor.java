package org.dafu.letter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the quantitative figures in a section's text, sentence by sentence.
 *
 * <p>
 * A figure is an Arabic number followed by a unit from {@link #FIGURE}'s list; a number
 * without a unit (years, 1612, 1+7+N), after 第 (ordinals, 第4号, 全省第1), inside 《》 or 〔〕
 * (titles, document numbers), or followed by 月/年/日 is not one. Growth rates (同比增长12.3%),
 * ranks (全省第1) and shares of the yearly task (完成年度任务的130%) are attached to the figure
 * before them, not reported as figures, except a growth rate with its own subject
 * (工业投资同比增长37.5%), which becomes a figure in %.
 *
 * <p>
 * A count written before its noun (形成1个…产业集群, 已有7个…项目) is a figure only after a verb of
 * having or forming ({@link #MEASURE_VERB}); "启动1个实施意见、1个总体方案" lists documents, not
 * measures, and is skipped. Numbers written in Chinese (七大方面) are not read.
 *
 * <p>
 * One instance per letter: it collects the breakdown warnings as it goes.
 */
final class FigureExtractor {

	private static final String UNITS = "个百分点|%|(?:万|亿|千|百)?(?:千瓦时|千瓦|平方公里|平方千米|平方米|平米|公里|千米|人次|班次|元|吨|标箱|亩|户|个|人|名|家|座|栋|所|套|辆|台|件|处|项|米|床"
			+ "|头[（(]匹[）)]|头|匹)" + "(?:/(?:亩|人|年|平方米|吨))?";

	private static final Pattern FIGURE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(余|多)?\\s*(" + UNITS + ")");

	private static final Pattern GROWTH = Pattern
		.compile("(?:同比|比上年|较上年|比去年同期|较去年同期|较上年同期|比去年)?\\s*(增长|下降|提高|减少|增加|回落)了?\\s*(\\d+(?:\\.\\d+)?)\\s*%");

	private static final Pattern TASK_SHARE = Pattern.compile(
			"(?:完成了?(?:年度|全年|年)?(?:目标)?任务的?|占(?:年度|全年)?(?:计划|任务)的?)\\s*(\\d+(?:\\.\\d+)?\\s*%(?:\\s*[、,，和及]\\s*\\d+(?:\\.\\d+)?\\s*%)*)");

	/** A count in Chinese numerals before its noun: 建成四个, 新建两所. */
	private static final Pattern CHINESE_COUNT = Pattern
		.compile("(?<![一二两三四五六七八九十百千万第])([一二两三四五六七八九十]{1,3})()(个|所|家|座|栋|项|处|条|支)");

	private static final Pattern COMPARISON_ONLY = Pattern.compile("(?:比|较|同比)?(?:上年|去年)?(?:同期)?(?:新增|增加|增长|减少|下降)?");

	private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%");

	private static final Pattern RANK = Pattern
		.compile("(?:全省|全国|全市|全区|全县|同类城市)第\\s*(\\d{1,3}|[一二三四五六七八九十]+)\\s*(?:位|名)?");

	private static final Pattern TARGET = Pattern
		.compile("到\\s*(\\d{4})\\s*年|(\\d{4})\\s*年(?:底|末)?(?:前|力争|将|要|预期|计划|拟)|力争|目标|确保|预计|预期|计划|保持|拟"
				+ "|将(?:达到|新增|建成|实现|突破|完成|超过|增加到|提高到|提升到|新建|改造|培育)|争取(?:在|于|到\\d{4}年)|任务(?:数|量|为|是)");

	private static final Pattern MEASURE_VERB = Pattern
		.compile("(?:形成|建成|有|共计|合计|保持|培育|打造|新建|新增|累计|改造|开通|新开|建设|设立|成立|新培育|创建|组建)" + "(?:不少于|不低于|超过|达到|约|近|了)?$");

	private static final Pattern POSTFIX_NEXT = Pattern
		.compile("^(?:左右|以上|以下|以内|之多|同比|增长|下降|比|较|占|位|排|居|分别|其中|完成|和|与|及|或|至)");

	private static final Pattern NOUN_END = Pattern.compile("的基础上.*$|的编制工作.*$|的同时.*$");

	private final List<LetterWarning> warnings = new ArrayList<>();

	List<LetterWarning> warnings() {
		return this.warnings;
	}

	List<ParsedFigure> extract(int section, String text) {
		List<ParsedFigure> result = new ArrayList<>();
		for (String paragraph : text.split("\n")) {
			String period = null;
			List<Figure> earlier = new ArrayList<>();
			for (String sentence : sentences(paragraph)) {
				String masked = mask(sentence);
				List<Figure> figures = scan(sentence, masked, period);
				Matcher periods = Subjects.PERIOD.matcher(masked);
				while (periods.find()) {
					period = periods.group();
				}
				Breakdowns.check(section, sentence, figures, earlier, this.warnings);
				earlier.addAll(figures);
				nameBareFigures(figures, earlier);
				for (Figure figure : figures) {
					result.add(figure.toParsed(section, sentence));
				}
			}
		}
		return result;
	}

	/**
	 * A figure whose clause names nothing (…204万千瓦，比上年新增35万千瓦) measures what the figure
	 * before it in the same unit measures, or else what the figure just before it
	 * measures; it is never named after its unit.
	 */
	private static void nameBareFigures(List<Figure> figures, List<Figure> earlier) {
		for (Figure figure : figures) {
			if (figure.subject != null && !figure.subject.isEmpty()
					&& !COMPARISON_ONLY.matcher(figure.subject).matches()) {
				continue;
			}
			int at = earlier.indexOf(figure);
			Figure named = null;
			for (int i = at - 1; i >= 0 && named == null; i--) {
				Figure before = earlier.get(i);
				if (before.subject != null && !before.subject.isEmpty() && before.unit.equals(figure.unit)) {
					named = before;
				}
			}
			for (int i = at - 1; i >= 0 && named == null; i--) {
				if (earlier.get(i).subject != null && !earlier.get(i).subject.isEmpty()) {
					named = earlier.get(i);
				}
			}
			if (named != null) {
				figure.subject = named.subject;
			}
		}
	}

	private List<Figure> scan(String sentence, String masked, String carriedPeriod) {
		List<int[]> taken = new ArrayList<>();
		List<Event> events = new ArrayList<>();
		for (Pattern pattern : new Pattern[] { GROWTH, TASK_SHARE, RANK }) {
			Matcher matcher = pattern.matcher(masked);
			while (matcher.find()) {
				taken.add(new int[] { matcher.start(), matcher.end() });
				events.add(new Event(matcher.start(), pattern, matcher.toMatchResult()));
			}
		}
		Matcher figure = FIGURE.matcher(masked);
		while (figure.find()) {
			if (isFigure(masked, figure, taken)) {
				events.add(new Event(figure.start(), FIGURE, figure.toMatchResult()));
			}
		}
		Matcher chinese = CHINESE_COUNT.matcher(masked);
		while (chinese.find()) {
			if (isFigure(masked, chinese, taken)) {
				events.add(new Event(chinese.start(), CHINESE_COUNT, chinese.toMatchResult()));
			}
		}
		events.sort((a, b) -> Integer.compare(a.start(), b.start()));

		List<Figure> figures = new ArrayList<>();
		int floor = 0;
		boolean lastWasCount = false;
		for (Event event : events) {
			MatchResult m = event.match();
			Figure last = figures.isEmpty() ? null : figures.get(figures.size() - 1);
			if (event.pattern() == FIGURE || event.pattern() == CHINESE_COUNT) {
				Figure found = figure(sentence, masked, m, floor, lastWasCount, carriedPeriod);
				if (found != null) {
					figures.add(found);
					floor = found.end;
					lastWasCount = found.count;
				}
				else {
					lastWasCount = false;
				}
			}
			else if (event.pattern() == GROWTH) {
				BigDecimal rate = new BigDecimal(m.group(2));
				if (m.group(1).equals("下降") || m.group(1).equals("减少") || m.group(1).equals("回落")) {
					rate = rate.negate();
				}
				int start = Subjects.clauseStart(sentence, m.start(), floor);
				String own = Subjects.tidy(Subjects.stripLead(sentence.substring(start, m.start())))
					.replaceAll("增速|增幅$", "");
				if (own.isEmpty() && last != null && last.growth == null) {
					last.growth = rate;
				}
				else if (!own.isEmpty()) {
					Figure alone = new Figure(m.start(), m.end());
					alone.subject = own;
					alone.value = rate.abs();
					alone.unit = "%";
					alone.growth = rate;
					kindAndPeriod(alone, masked, carriedPeriod);
					figures.add(alone);
				}
				floor = m.end();
			}
			else if (event.pattern() == TASK_SHARE) {
				List<BigDecimal> shares = new ArrayList<>();
				Matcher percent = PERCENT.matcher(m.group(1));
				while (percent.find()) {
					shares.add(new BigDecimal(percent.group(1)));
				}
				boolean respectively = masked.substring(Math.max(0, m.start() - 4), m.start()).contains("分别");
				int n = respectively ? Math.min(shares.size(), figures.size()) : Math.min(1, figures.size());
				for (int i = 0; i < n; i++) {
					figures.get(figures.size() - n + i).taskShare = shares.get(i);
				}
				floor = m.end();
			}
			else if (last != null && last.rank == null) {
				last.rank = ChineseNumerals.parse(m.group(1));
			}
		}
		return figures;
	}

	private static boolean isFigure(String masked, Matcher figure, List<int[]> taken) {
		for (int[] range : taken) {
			if (figure.start() < range[1] && figure.end() > range[0]) {
				return false;
			}
		}
		if (figure.start() > 0) {
			char before = masked.charAt(figure.start() - 1);
			if (Character.isDigit(before) || "./-—–+第〔[A-Za-z".indexOf(before) >= 0
					|| Character.isLetter(before) && before < 128) {
				return false;
			}
		}
		String after = masked.substring(figure.end());
		return !(figure.group(3).endsWith("个") && after.matches("^(?:月|工作日|小时|季度|年度|百分点).*"));
	}

	private static Figure figure(String sentence, String masked, MatchResult m, int floor, boolean lastWasCount,
			String carriedPeriod) {
		Figure figure = new Figure(m.start(), m.end());
		boolean chinese = !Character.isDigit(m.group(1).charAt(0));
		figure.value = chinese ? BigDecimal.valueOf(ChineseNumerals.parse(m.group(1))) : new BigDecimal(m.group(1));
		figure.unit = m.group(3);
		String after = TextNormalizer.strip(masked.substring(m.end()));
		int clauseStart = Subjects.clauseStart(sentence, m.start(), floor);
		Subjects.Split split = Subjects.comparator(sentence.substring(clauseStart, m.start()));
		figure.comparator = split.comparator();
		if (m.group(2) != null && !m.group(2).isEmpty()) {
			figure.comparator = m.group(2);
		}
		boolean nounFollows = !after.isEmpty()
				&& (Character.UnicodeScript.of(after.charAt(0)) == Character.UnicodeScript.HAN
						|| after.charAt(0) == '“')
				&& !POSTFIX_NEXT.matcher(after).lookingAt();
		String lead = Subjects.stripLead(split.rest());
		if (nounFollows) {
			String verbs = TextNormalizer.strip(sentence.substring(clauseStart, m.start()));
			boolean listed = lastWasCount && masked.substring(floor, m.start()).matches("\\s*、\\s*");
			boolean listTotal = !chinese && verbs.endsWith("等") && masked.substring(floor, m.start()).contains("、");
			if (!listed && !listTotal && !MEASURE_VERB.matcher(verbs).find()) {
				return null;
			}
			int nounEnd = m.end();
			while (nounEnd < sentence.length() && Subjects.DELIMITERS.indexOf(sentence.charAt(nounEnd)) < 0) {
				nounEnd++;
			}
			String noun = TextNormalizer.strip(sentence.substring(m.end(), nounEnd));
			noun = NOUN_END.matcher(noun.startsWith("的") ? noun.substring(1) : noun).replaceAll("");
			figure.subject = noun;
			figure.count = true;
			figure.end = nounEnd;
			Regions.Match region = Regions.leading(lead);
			figure.region = (region != null) ? region.region() : null;
		}
		else if (chinese) {
			return null;
		}
		else {
			if (after.startsWith("左右")) {
				figure.comparator = "左右";
			}
			else if (after.startsWith("以上")) {
				figure.comparator = "以上";
			}
			Regions.Match region = Regions.leading(lead);
			String rest = lead;
			if (region != null) {
				figure.region = region.region();
				rest = lead.substring(region.length());
			}
			else if (Regions.whole(lead) != null) {
				figure.region = Regions.whole(lead);
				rest = "";
			}
			figure.subject = Subjects.tidy(rest);
			if (figure.subject.isEmpty()) {
				figure.subject = Subjects.beforeColon(sentence, clauseStart, floor);
			}
		}
		kindAndPeriod(figure, masked, carriedPeriod);
		return figure;
	}

	private static void kindAndPeriod(Figure figure, String masked, String carriedPeriod) {
		String before = masked.substring(0, figure.start);
		Matcher target = TARGET.matcher(before);
		while (target.find()) {
			figure.kind = FigureKind.TARGET;
			if (target.group(1) != null) {
				figure.deadline = Integer.valueOf(target.group(1));
			}
			else if (target.group(2) != null) {
				figure.deadline = Integer.valueOf(target.group(2));
			}
		}
		if (figure.kind == FigureKind.ACHIEVEMENT) {
			figure.period = carriedPeriod;
			Matcher period = Subjects.PERIOD.matcher(before);
			while (period.find()) {
				figure.period = period.group();
			}
		}
	}

	/** Sentences of a paragraph, each with its full stop. */
	static List<String> sentences(String paragraph) {
		List<String> sentences = new ArrayList<>();
		int start = 0;
		for (int i = 0; i < paragraph.length(); i++) {
			if ("。！？!?".indexOf(paragraph.charAt(i)) >= 0) {
				sentences.add(paragraph.substring(start, i + 1));
				start = i + 1;
			}
		}
		if (start < paragraph.length() && !paragraph.substring(start).isBlank()) {
			sentences.add(paragraph.substring(start));
		}
		return sentences;
	}

	/** The sentence with everything inside 《》, 〔〕 and [] replaced by □. */
	static String mask(String sentence) {
		StringBuilder out = new StringBuilder(sentence);
		int depth = 0;
		for (int i = 0; i < out.length(); i++) {
			char c = out.charAt(i);
			if (c == '《' || c == '〔' || c == '[' || c == '［') {
				depth++;
			}
			else if ((c == '》' || c == '〕' || c == ']' || c == '］') && depth > 0) {
				depth--;
			}
			else if (depth > 0) {
				out.setCharAt(i, '□');
			}
		}
		return out.toString();
	}

	private record Event(int start, Pattern pattern, MatchResult match) {
	}

	/** A figure while it is being put together. */
	static final class Figure {

		final int start;

		int end;

		String subject;

		BigDecimal value;

		String unit;

		FigureKind kind = FigureKind.ACHIEVEMENT;

		String comparator;

		String period;

		Integer deadline;

		String region;

		BigDecimal growth;

		Integer rank;

		BigDecimal taskShare;

		boolean count;

		boolean inViewpoint;

		Figure(int start, int end) {
			this.start = start;
			this.end = end;
		}

		ParsedFigure toParsed(int section, String sentence) {
			return new ParsedFigure(section, (this.subject == null || this.subject.isEmpty()) ? null : this.subject,
					this.value, this.unit, this.kind, this.comparator, this.period, this.deadline, this.region,
					this.growth, this.rank, this.taskShare, TextNormalizer.strip(sentence));
		}

	}

}
