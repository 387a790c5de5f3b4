package org.dafu.history;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff by longest common subsequence: enough for letters of a few hundred lines.
 * Inputs longer than {@link #MAX_LINES} are compared as removed-then-added, so a huge
 * text cannot make a page request quadratic.
 */
public final class LineDiff {

	static final int MAX_LINES = 2000;

	private LineDiff() {
	}

	public static List<Line> diff(String before, String after) {
		String[] a = lines(before);
		String[] b = lines(after);
		List<Line> out = new ArrayList<>();
		if ((long) a.length * b.length > (long) MAX_LINES * MAX_LINES / 4) {
			for (String line : a) {
				out.add(new Line(Op.REMOVED, line));
			}
			for (String line : b) {
				out.add(new Line(Op.ADDED, line));
			}
			return out;
		}
		int[][] lcs = new int[a.length + 1][b.length + 1];
		for (int i = a.length - 1; i >= 0; i--) {
			for (int j = b.length - 1; j >= 0; j--) {
				lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
			}
		}
		int i = 0;
		int j = 0;
		while (i < a.length && j < b.length) {
			if (a[i].equals(b[j])) {
				out.add(new Line(Op.SAME, a[i]));
				i++;
				j++;
			}
			else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
				out.add(new Line(Op.REMOVED, a[i++]));
			}
			else {
				out.add(new Line(Op.ADDED, b[j++]));
			}
		}
		while (i < a.length) {
			out.add(new Line(Op.REMOVED, a[i++]));
		}
		while (j < b.length) {
			out.add(new Line(Op.ADDED, b[j++]));
		}
		return out;
	}

	private static String[] lines(String text) {
		if (text == null || text.isEmpty()) {
			return new String[0];
		}
		return text.split("\n", -1);
	}

	public enum Op {

		SAME, REMOVED, ADDED

	}

	public record Line(Op op, String text) {

		public boolean isAdded() {
			return this.op == Op.ADDED;
		}

		public boolean isRemoved() {
			return this.op == Op.REMOVED;
		}

	}

}
