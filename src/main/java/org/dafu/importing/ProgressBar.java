package org.dafu.importing;

import java.io.PrintStream;
import java.util.function.LongSupplier;

/**
 * The bulk import's progress on the console: on a terminal a bar redrawn in place with
 * {@code \r} (at most ten times a second), otherwise (a log file, a pipe) one line at
 * each tenth of the letters.
 */
final class ProgressBar {

	static final int WIDTH = 30;

	private static final long REDRAW_NANOS = 100_000_000L;

	private final PrintStream out;

	private final boolean terminal;

	private final LongSupplier nanoTime;

	private final Label label;

	private final long start;

	private int total;

	private int done;

	private int failed;

	private int lastTenth;

	private long lastDrawn;

	/**
	 * @param out the console
	 * @param terminal whether it is a terminal (redraw) or not (one line per 10%)
	 * @param nanoTime the clock ({@link System#nanoTime()})
	 * @param label the text after the bar: done, total, rate, failed
	 */
	ProgressBar(PrintStream out, boolean terminal, LongSupplier nanoTime, Label label) {
		this.out = out;
		this.terminal = terminal;
		this.nanoTime = nanoTime;
		this.label = label;
		this.start = nanoTime.getAsLong();
	}

	void start(int total) {
		this.total = total;
		if (this.terminal && total > 0) {
			draw();
		}
	}

	/** One more letter read; {@code failed} when it failed. */
	void step(boolean failed) {
		this.done++;
		if (failed) {
			this.failed++;
		}
		if (this.total <= 0) {
			return;
		}
		if (this.terminal) {
			long now = this.nanoTime.getAsLong();
			if (now - this.lastDrawn >= REDRAW_NANOS || this.done >= this.total) {
				this.lastDrawn = now;
				draw();
			}
		}
		else {
			int tenth = (int) ((long) this.done * 10 / this.total);
			if (tenth > this.lastTenth) {
				this.lastTenth = tenth;
				this.out.println(line());
			}
		}
	}

	/** Ends the bar's line on a terminal. */
	void finish() {
		if (this.terminal && this.total > 0) {
			this.out.println();
		}
	}

	private void draw() {
		this.out.print("\r" + line());
		this.out.flush();
	}

	String line() {
		int filled = (this.total > 0) ? (int) ((long) this.done * WIDTH / this.total) : 0;
		double seconds = (this.nanoTime.getAsLong() - this.start) / 1e9;
		double rate = (seconds > 0) ? this.done / seconds : 0;
		return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + this.label.text(this.done, this.total,
				String.format(java.util.Locale.ROOT, "%.1f", rate), this.failed);
	}

	/** The text after the bar. */
	interface Label {

		String text(int done, int total, String rate, int failed);

	}

}
