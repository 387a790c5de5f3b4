package org.dafu.access;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Turns a handler mapping's path pattern ({@code /replies/{id}/sections/{sectionId:\d+}},
 * {@code /static/**}) into the addresses the route tests request.
 */
final class RoutePatterns {

	private RoutePatterns() {
	}

	/**
	 * Every address the pattern gives when each variable takes each of its values:
	 * {@code values} is asked with the variable's name and the address so far. A wildcard
	 * becomes {@code x}.
	 */
	static List<String> expand(String pattern, BiFunction<String, String, List<String>> values) {
		List<String> urls = List.of("");
		int i = 0;
		while (i < pattern.length()) {
			char c = pattern.charAt(i);
			if (c == '{') {
				int end = closingBrace(pattern, i);
				String name = pattern.substring(i + 1, end).split(":", 2)[0].replace("*", "");
				List<String> next = new ArrayList<>();
				for (String prefix : urls) {
					for (String value : values.apply(name, prefix)) {
						next.add(prefix + value);
					}
				}
				urls = next;
				i = end + 1;
			}
			else if (c == '*') {
				urls = urls.stream().map((u) -> u + "x").toList();
				i += pattern.startsWith("**", i) ? 2 : 1;
			}
			else {
				int j = i;
				while (j < pattern.length() && pattern.charAt(j) != '{' && pattern.charAt(j) != '*') {
					j++;
				}
				String literal = pattern.substring(i, j);
				urls = urls.stream().map((u) -> u + literal).toList();
				i = j;
			}
		}
		return urls;
	}

	/**
	 * The brace that closes the one at {@code open} (regular expressions nest braces).
	 */
	private static int closingBrace(String pattern, int open) {
		int depth = 0;
		int end = open;
		for (; end < pattern.length(); end++) {
			if (pattern.charAt(end) == '{') {
				depth++;
			}
			else if (pattern.charAt(end) == '}' && --depth == 0) {
				break;
			}
		}
		return end;
	}

}
