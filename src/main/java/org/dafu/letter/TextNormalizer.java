package org.dafu.letter;

import java.util.ArrayList;
import java.util.List;

/**
 * Brings letter text into one shape before parsing: no BOM, {@code \n} line ends,
 * full-width digits, ％ and decimal points as ASCII (so ３７．５％ reads like 37.5%), and lines
 * trimmed of ASCII and ideographic spaces. Punctuation such as ：，（） is kept as written;
 * the parser accepts both widths.
 */
final class TextNormalizer {

	private TextNormalizer() {
	}

	static String normalize(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\uFEFF' || c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
				continue;
			}
			if (c >= '０' && c <= '９') {
				out.append((char) (c - '０' + '0'));
			}
			else if (c == '％') {
				out.append('%');
			}
			else if (c == '．' && i > 0 && Character.isDigit(out.charAt(out.length() - 1))) {
				out.append('.');
			}
			else if (c == '\r' || c == '\u2028' || c == '\u2029') {
				out.append('\n');
			}
			else if (c == '\u00A0') {
				out.append(' ');
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

	/**
	 * The non-blank lines of a normalised text, trimmed.
	 * @param text normalised text
	 * @return the lines
	 */
	static List<String> lines(String text) {
		List<String> lines = new ArrayList<>();
		for (String line : text.split("\n")) {
			String trimmed = strip(line);
			if (!trimmed.isEmpty()) {
				lines.add(trimmed);
			}
		}
		return lines;
	}

	static String strip(String text) {
		int start = 0;
		int end = text.length();
		while (start < end && isSpace(text.charAt(start))) {
			start++;
		}
		while (end > start && isSpace(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(start, end);
	}

	private static boolean isSpace(char c) {
		return Character.isWhitespace(c) || c == '\u3000' || c == '\u00A0';
	}

}
