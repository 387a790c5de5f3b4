package org.dafu.letter;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the disclosure header: 索引号, 成文日期, 公开方式, 组配分类 in any order, with full- or
 * half-width colons, one per line, several on a line, or in the table layout
 * {@code 索引号: | value | 成文日期: | value |}. Other keys of such headers (发布机构, 文号, …) are
 * recognised only so that their values are not taken for ours.
 */
final class HeaderParser {

	static final String INDEX_NUMBER = "索引号";

	static final String WRITTEN_DATE = "成文日期";

	static final String DISCLOSURE_MODE = "公开方式";

	static final String CATALOG_CATEGORY = "组配分类";

	private static final Set<String> OTHER_KEYS = Set.of("发布机构", "发文机关", "发文单位", "主题分类", "体裁分类", "信息分类", "文号", "发文字号",
			"生成日期", "发布日期", "公开日期", "公开时间", "有效性", "公开范围", "公开时限", "信息名称", "标题", "主题词", "关键词", "类别", "签发人", "签发",
			"是否同意公开", "办理结果", "答复类别", "公开属性", "建议类别", "提案类别", "答复类型", "紧急程度", "密级");

	private static final List<String> KEYS = List.of(INDEX_NUMBER, WRITTEN_DATE, DISCLOSURE_MODE, CATALOG_CATEGORY);

	private static final Pattern KEY_START = Pattern
		.compile("(?=(?:索\\s*引\\s*号|成文日期|公开方式|组配分类|发布机构|发文机关|主题分类|体裁分类|文号|发文字号|生成日期|发布日期|公开日期|有效性"
				+ "|类别|签发人|是否同意公开|办理结果|答复类别|公开属性|建议类别|提案类别|答复类型)\\s*[:：])");

	private static final Pattern BARE_INDEX = Pattern.compile("^[0-9A-Z]{6,30}/\\d{4}-\\d{1,8}$");

	private static final Pattern BARE_DATE = Pattern
		.compile("^\\d{4}\\s*(?:年|[-/.])\\s*\\d{1,2}\\s*(?:月|[-/.])\\s*\\d{1,2}\\s*日?$");

	private static final Pattern BARE_MODE = Pattern.compile("^(?:主动公开|依申请公开|不予公开|不公开)$");

	private static final Pattern BARE_CATEGORY = Pattern.compile("^(?:人大代表建议|政协委员提案|政协提案|代表建议|委员提案|建议提案)$");

	private HeaderParser() {
	}

	/**
	 * Whether a line belongs to a disclosure header.
	 * @param line a trimmed line
	 * @return {@code true} when it holds a known key or the table separator
	 */
	static boolean isHeaderLine(String line) {
		return line.contains("|") || KEY_START.matcher(line).find() && isKey(keyOf(line)) || bareKey(line) >= 0;
	}

	/**
	 * Which key a bare value belongs to, when a header lost its labels: the index number,
	 * the date, the disclosure mode and the category each have a shape of their own.
	 * @return the index into {@link #KEYS}, or -1
	 */
	static int bareKey(String line) {
		if (BARE_INDEX.matcher(line).matches()) {
			return 0;
		}
		if (BARE_DATE.matcher(line).matches()) {
			return 1;
		}
		if (BARE_MODE.matcher(line).matches()) {
			return 2;
		}
		return BARE_CATEGORY.matcher(line).matches() ? 3 : -1;
	}

	static boolean isKey(String candidate) {
		String key = candidate.replaceAll("\\s", "");
		return KEYS.contains(key) || OTHER_KEYS.contains(key);
	}

	static LetterMetadata parse(List<String> headerLines) {
		String[] values = new String[KEYS.size()];
		for (String line : headerLines) {
			String pendingKey = null;
			for (String cell : cells(line)) {
				int colon = colon(cell);
				String key = (colon >= 0) ? cell.substring(0, colon).replaceAll("\\s", "") : null;
				if (key != null && isKey(key)) {
					String value = TextNormalizer.strip(cell.substring(colon + 1));
					pendingKey = value.isEmpty() ? key : null;
					store(values, key, value);
				}
				else if (pendingKey != null) {
					store(values, pendingKey, cell);
					pendingKey = null;
				}
				else if (bareKey(cell) >= 0) {
					store(values, KEYS.get(bareKey(cell)), cell);
				}
			}
		}
		return new LetterMetadata(values[0], ChineseNumerals.findDate(values[1]), values[2], values[3]);
	}

	private static void store(String[] values, String key, String value) {
		int index = KEYS.indexOf(key);
		if (index >= 0 && !value.isEmpty() && values[index] == null) {
			values[index] = value;
		}
	}

	private static List<String> cells(String line) {
		List<String> cells = new ArrayList<>();
		for (String part : line.split("[|\\t]|\\s{2,}|\u3000+")) {
			for (String cell : KEY_START.split(part)) {
				String trimmed = TextNormalizer.strip(cell);
				if (!trimmed.isEmpty()) {
					cells.add(trimmed);
				}
			}
		}
		return cells;
	}

	private static String keyOf(String line) {
		int colon = colon(line);
		return (colon >= 0) ? line.substring(0, colon) : line;
	}

	private static int colon(String text) {
		int half = text.indexOf(':');
		int full = text.indexOf('：');
		if (half < 0) {
			return full;
		}
		return (full < 0) ? half : Math.min(half, full);
	}

}
