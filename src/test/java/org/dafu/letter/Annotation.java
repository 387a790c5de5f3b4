package org.dafu.letter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The expected parts and figures of a test letter, read from its {@code .expect} file:
 * one {@code key: value} a line ({@code #} starts a comment). Keys: addressee, number,
 * issuer, date, written, index, sections;
 * {@code figure: value|unit[|qualifier][|target]}, {@code growth: rate},
 * {@code share: percent} (each one annotated figure) and {@code notfigure: value} (a
 * number that must not become a figure).
 */
record Annotation(String name, String text, Map<String, String> parts, List<String[]> figures, List<BigDecimal> growths,
		List<BigDecimal> shares, List<BigDecimal> notFigures) {

	static Annotation load(String base) {
		String text = read(base + ".txt");
		Map<String, String> parts = new LinkedHashMap<>();
		List<String[]> figures = new ArrayList<>();
		List<BigDecimal> growths = new ArrayList<>();
		List<BigDecimal> shares = new ArrayList<>();
		List<BigDecimal> notFigures = new ArrayList<>();
		for (String line : read(base + ".expect").split("\n")) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			int colon = line.indexOf(':');
			String key = line.substring(0, colon).strip();
			String value = line.substring(colon + 1).strip();
			switch (key) {
				case "figure" -> figures.add(value.split("\\|"));
				case "growth" -> growths.add(new BigDecimal(value));
				case "share" -> shares.add(new BigDecimal(value));
				case "notfigure" -> notFigures.add(new BigDecimal(value));
				default -> parts.put(key, value);
			}
		}
		return new Annotation(base.substring(base.lastIndexOf('/') + 1), text, parts, figures, growths, shares,
				notFigures);
	}

	int annotatedFigures() {
		return this.figures.size() + this.growths.size() + this.shares.size();
	}

	/**
	 * How many annotated figures the parsed letter holds (each parsed figure used once).
	 */
	int found(ParsedLetter letter) {
		List<ParsedFigure> pool = new ArrayList<>(letter.figures());
		int found = 0;
		for (String[] expected : this.figures) {
			ParsedFigure match = pool.stream().filter((f) -> matches(f, expected)).findFirst().orElse(null);
			if (match != null) {
				pool.remove(match);
				found++;
			}
		}
		for (BigDecimal growth : this.growths) {
			found += letter.figures()
				.stream()
				.anyMatch((f) -> f.growthRate() != null && f.growthRate().abs().compareTo(growth) == 0) ? 1 : 0;
		}
		for (BigDecimal share : this.shares) {
			found += letter.figures()
				.stream()
				.anyMatch((f) -> f.taskShare() != null && f.taskShare().compareTo(share) == 0) ? 1 : 0;
		}
		return found;
	}

	/** The annotated figures the parsed letter misses, for failure messages. */
	List<String> missed(ParsedLetter letter) {
		List<String> missed = new ArrayList<>();
		for (String[] expected : this.figures) {
			if (letter.figures().stream().noneMatch((f) -> matches(f, expected))) {
				missed.add(String.join("|", expected));
			}
		}
		return missed;
	}

	private static boolean matches(ParsedFigure figure, String[] expected) {
		if (figure.value().compareTo(new BigDecimal(expected[0])) != 0 || !figure.unit().equals(expected[1])) {
			return false;
		}
		for (int i = 2; i < expected.length; i++) {
			if (expected[i].equals("target") ? figure.kind() != FigureKind.TARGET
					: !expected[i].equals(figure.comparator())) {
				return false;
			}
		}
		if (figure.subject() == null || figure.subject().isBlank() || figure.subject().equals(figure.unit())) {
			return false;
		}
		return expected.length > 2 && expected[expected.length - 1].equals("target")
				|| figure.kind() == FigureKind.ACHIEVEMENT;
	}

	private static String read(String resource) {
		try (InputStream in = Annotation.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalArgumentException("no test resource " + resource);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
