package org.dafu.platform.web;

/**
 * Makes user-supplied text safe to put in a log line: line breaks and other control
 * characters cannot forge entries, and very long values are cut.
 */
public final class LogSafe {

	private static final int MAX = 200;

	private LogSafe() {
	}

	public static String of(String value) {
		if (value == null) {
			return "null";
		}
		StringBuilder out = new StringBuilder(Math.min(value.length(), MAX) + 8);
		for (int i = 0; i < value.length() && out.length() < MAX; i++) {
			char c = value.charAt(i);
			if (c == '\n') {
				out.append("\\n");
			}
			else if (c == '\r') {
				out.append("\\r");
			}
			else if (Character.isISOControl(c)) {
				out.append('?');
			}
			else {
				out.append(c);
			}
		}
		if (value.length() > MAX) {
			out.append('…');
		}
		return out.toString();
	}

}
