package org.dafu.reply;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The reply list's filters as they come from the query string, all text: a malformed
 * value is reported and ignored, never a failure.
 *
 * @param session 届次: a session id
 * @param unit 承办单位: a unit id
 * @param deputy 代表: a deputy id (led or co-signed)
 * @param year 年份: the session's year
 * @param result 办理结果: A–D
 */
public record ReplyListForm(String session, String unit, String deputy, String year, String result) {

	/** The checked filter, and whether anything had to be ignored. */
	public Checked check() {
		boolean[] bad = { false };
		Long sessionId = id(this.session, bad);
		Long unitId = id(this.unit, bad);
		Long deputyId = id(this.deputy, bad);
		Integer yearValue = null;
		if (present(this.year)) {
			String y = this.year.strip();
			if (y.matches("[0-9]{4}") && Integer.parseInt(y) >= 1949 && Integer.parseInt(y) <= 2200) {
				yearValue = Integer.valueOf(y);
			}
			else {
				bad[0] = true;
			}
		}
		ResultClass resultClass = null;
		if (present(this.result)) {
			String r = this.result.strip();
			if (r.matches("[ABCDabcd]")) {
				resultClass = ResultClass.parse(r);
			}
			else {
				bad[0] = true;
			}
		}
		return new Checked(new ReplyListFilter(sessionId, unitId, deputyId, yearValue, resultClass), bad[0]);
	}

	private static Long id(String text, boolean[] bad) {
		if (!present(text)) {
			return null;
		}
		String t = text.strip();
		if (!t.matches("[0-9]{1,18}") || Long.parseLong(t) <= 0) {
			bad[0] = true;
			return null;
		}
		return Long.valueOf(t);
	}

	private static boolean present(String text) {
		return text != null && !text.isBlank();
	}

	/**
	 * @param filter the filters that were well formed
	 * @param ignored whether a malformed one was ignored
	 */
	public record Checked(ReplyListFilter filter, boolean ignored) {

		/** The selected values as the form sends them, for marking options. */
		public Map<String, String> selected() {
			Map<String, String> selected = new LinkedHashMap<>();
			put(selected, "session", this.filter.sessionId());
			put(selected, "unit", this.filter.unitId());
			put(selected, "deputy", this.filter.deputyId());
			put(selected, "year", this.filter.year());
			put(selected, "result", this.filter.resultClass());
			return selected;
		}

		private static void put(Map<String, String> map, String key, Object value) {
			map.put(key, (value != null) ? value.toString() : "");
		}

	}

}
