package org.dafu.reply;

/**
 * 办理结果分类: A solved or basically solved; B being solved; C planned, to be solved step by
 * step; D cannot be solved for now, kept for reference.
 */
public enum ResultClass {

	A, B, C, D;

	/** B and C replies stay open for follow-up. */
	public boolean staysOpen() {
		return this == B || this == C;
	}

	/** Reads A/B/C/D, also the 甲/乙/丙/丁 variant some places use. */
	public static ResultClass parse(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String t = text.strip().toUpperCase(java.util.Locale.ROOT);
		return switch (t.charAt(0)) {
			case 'A', '甲' -> A;
			case 'B', '乙' -> B;
			case 'C', '丙' -> C;
			case 'D', '丁' -> D;
			default -> throw new IllegalArgumentException("unknown result class: " + text);
		};
	}

}
