package org.dafu.proof;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import tools.jackson.databind.json.JsonMapper;

/**
 * axe-core (Deque's accessibility engine, the npm package, kept under
 * {@code src/test/resources/axe/}) injected into the page open in the browser and run
 * with the WCAG 2.0 and 2.1 A and AA rules. The page's Content-Security-Policy does not
 * apply to scripts the driver runs.
 */
final class Axe {

	static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

	/** Impacts that fail a test; minor and moderate ones are left to review. */
	static final Set<String> FAILING = Set.of("serious", "critical");

	private static final String SOURCE = load();

	private static final String RUN = """
			var done = arguments[arguments.length - 1];
			axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
			  .then(function (r) { done(JSON.stringify(r.violations)); },
			        function (e) { done(JSON.stringify({error: String(e)})); });
			""";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Axe() {
	}

	/** The serious and critical violations on the current page. */
	static List<Violation> seriousViolations(WebDriver driver) {
		return violations(driver).stream().filter(Violation::serious).toList();
	}

	/** Every violation on the current page, whatever its impact. */
	@SuppressWarnings("unchecked")
	static List<Violation> violations(WebDriver driver) {
		JavascriptExecutor js = (JavascriptExecutor) driver;
		js.executeScript(SOURCE);
		String result = (String) js.executeAsyncScript(RUN, TAGS);
		Object parsed = JSON.readValue(result, Object.class);
		if (parsed instanceof Map<?, ?> error) {
			throw new IllegalStateException("axe-core failed: " + error.get("error"));
		}
		return ((List<Map<String, Object>>) parsed).stream()
			.map((v) -> new Violation((String) v.get("id"), (String) v.get("impact"), (String) v.get("help"),
					(String) v.get("helpUrl"),
					((List<Map<String, Object>>) v.get("nodes")).stream()
						.map((n) -> n.get("target") + " " + n.get("html") + "\n        "
								+ String.valueOf(n.get("failureSummary")).replace("\n", "\n        "))
						.toList()))
			.toList();
	}

	/** A readable report of violations, for a failing assertion. */
	static String report(String page, List<Violation> violations) {
		return page + ": " + violations.size() + " accessibility violation(s)\n"
				+ violations.stream().map(Violation::toString).collect(Collectors.joining("\n"));
	}

	private static String load() {
		try (InputStream in = Axe.class.getResourceAsStream("/axe/axe.min.js")) {
			if (in == null) {
				throw new IllegalStateException("axe/axe.min.js is missing from the test resources");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** One rule broken, and where. */
	record Violation(String rule, String impact, String help, String helpUrl, List<String> nodes) {

		boolean serious() {
			return FAILING.contains(this.impact);
		}

		@Override
		public String toString() {
			return "  [" + this.impact + "] " + this.rule + ": " + this.help + " (" + this.helpUrl + ")\n    "
					+ String.join("\n    ", this.nodes);
		}

	}

}
