package org.dafu.importing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The bulk import's console progress: redrawn on a terminal, one line per 10% else. */
class ProgressBarTests {

	final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

	final PrintStream out = new PrintStream(this.bytes, true, StandardCharsets.UTF_8);

	final AtomicLong clock = new AtomicLong();

	@Test
	void withoutATerminalItPrintsOneLinePerTenth() {
		ProgressBar bar = bar(false);
		bar.start(480);
		for (int i = 0; i < 480; i++) {
			this.clock.addAndGet(100_000_000L);
			bar.step(i < 3);
		}
		bar.finish();
		String[] lines = output().split("\n");
		assertThat(lines).hasSize(10);
		assertThat(output()).doesNotContain("\r");
		assertThat(lines[0]).isEqualTo("[###...........................] 48/480 letters, 10.0/s, 3 failed");
		assertThat(lines[9]).isEqualTo("[##############################] 480/480 letters, 10.0/s, 3 failed");
	}

	@Test
	void onATerminalItRedrawsInPlaceAtMostTenTimesASecond() {
		ProgressBar bar = bar(true);
		bar.start(100);
		for (int i = 0; i < 100; i++) {
			this.clock.addAndGet(10_000_000L);
			bar.step(false);
		}
		bar.finish();
		String output = output();
		assertThat(output).startsWith("\r[..............................] 0/100 letters");
		assertThat(output.split("\r")).hasSize(1 + 1 + 10);
		assertThat(output).endsWith("\r[##############################] 100/100 letters, 100.0/s, 0 failed\n");
	}

	@Test
	void anEmptyArchiveDrawsNothing() {
		ProgressBar bar = bar(true);
		bar.start(0);
		bar.finish();
		assertThat(output()).isEmpty();
	}

	private ProgressBar bar(boolean terminal) {
		return new ProgressBar(this.out, terminal, this.clock::get,
				(done, total, rate, failed) -> done + "/" + total + " letters, " + rate + "/s, " + failed + " failed");
	}

	private String output() {
		return this.bytes.toString(StandardCharsets.UTF_8);
	}

}
