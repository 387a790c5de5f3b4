package org.dafu.reply;

/** 公开方式: only issued, proactively public replies may ever reach anonymous visitors. */
public enum DisclosureMode {

	/** 主动公开 */
	PROACTIVE("主动公开"),
	/** 依申请公开 */
	ON_REQUEST("依申请公开"),
	/** 不予公开 */
	NOT_PUBLIC("不予公开");

	private final String chinese;

	DisclosureMode(String chinese) {
		this.chinese = chinese;
	}

	public String chinese() {
		return this.chinese;
	}

	/** Reads the header's wording (主动公开, 依申请公开, 不予公开/不公开); null when unknown. */
	public static DisclosureMode fromChinese(String text) {
		if (text == null) {
			return null;
		}
		String t = text.replaceAll("\\s", "");
		if (t.contains("依申请")) {
			return ON_REQUEST;
		}
		if (t.contains("不予公开") || t.contains("不公开") || t.contains("免予公开")) {
			return NOT_PUBLIC;
		}
		if (t.contains("主动公开")) {
			return PROACTIVE;
		}
		return null;
	}

}
