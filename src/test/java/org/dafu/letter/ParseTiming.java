package org.dafu.letter;

import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * Not a test: times reading and parsing the sample letter, for docs/importing.md. Run
 * with the test classpath: {@code java -cp target/classes:target/test-classes:<deps>
 * org.dafu.letter.ParseTiming [runs]}.
 */
public final class ParseTiming {

	private ParseTiming() {
	}

	public static void main(String[] args) {
		int runs = (args.length > 0) ? Integer.parseInt(args[0]) : 200;
		String text = Letters.sample();
		byte[] gb = text.getBytes(Charset.forName("GB18030"));
		LetterParser parser = new LetterParser();
		for (int i = 0; i < 50; i++) {
			parser.parse(LetterReader.read(gb, "warm-up.txt"));
		}
		report("parse (UTF-8 text)", runs, () -> parser.parse(text));
		report("read GB18030 .txt + parse", runs, () -> parser.parse(LetterReader.read(gb, "letter.txt")));
	}

	private static void report(String what, int runs, Runnable task) {
		long[] nanos = new long[runs];
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			task.run();
			nanos[i] = System.nanoTime() - start;
		}
		Arrays.sort(nanos);
		double mean = Arrays.stream(nanos).average().orElse(0) / 1e6;
		System.out.printf("%s, %d runs: mean %.3f ms, median %.3f ms, p95 %.3f ms, max %.3f ms%n", what, runs, mean,
				nanos[runs / 2] / 1e6, nanos[(int) (runs * 0.95)] / 1e6, nanos[runs - 1] / 1e6);
	}

}
