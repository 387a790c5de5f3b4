package org.dafu.importing;

import java.time.Duration;
import java.util.List;

import org.dafu.importing.BulkLetterResult.Outcome;

/**
 * The outcome of a bulk import run: every file with what happened to it.
 *
 * @param results one per file of the archive, in name order
 * @param elapsed how long the run took
 */
public record BulkSummary(List<BulkLetterResult> results, Duration elapsed) {

	public BulkSummary {
		results = List.copyOf(results);
	}

	public long count(Outcome outcome) {
		return this.results.stream().filter((r) -> r.outcome() == outcome).count();
	}

	/** The letters read (imported, skipped or failed), per second. */
	public double rate() {
		long letters = this.results.size() - count(Outcome.IGNORED);
		double seconds = this.elapsed.toNanos() / 1e9;
		return (seconds > 0) ? letters / seconds : 0;
	}

	/** 0 when nothing failed, 2 when some letters failed. */
	public int exitCode() {
		return (count(Outcome.FAILED) > 0) ? 2 : 0;
	}

}
