package org.dafu.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README and docs/ are written for a reader of the repository: no paths of a
 * development machine, no talk of issues or branches the reader cannot see. The patterns
 * are narrow on purpose: "issue" alone is the issuing of a reply (签发), and /var/tmp is
 * where the application and the benchmarks put their data. Every file is checked.
 */
class DocsTests {

	private static final List<Pattern> FORBIDDEN = List.of(
			// a development machine's paths
			Pattern.compile("(?<![\\w.])/(work|home|Users)/"), Pattern.compile("(?<![\\w.])/root/"),
			// a tracker's items and a repository's branches
			Pattern.compile("(?i)\\bissues?\\s*#?\\d+"), Pattern.compile("(?i)\\bissue #"),
			Pattern.compile("(?i)\\b(this|that|the|our|my|a feature) branch\\b"),
			Pattern.compile("(?i)\\bmerged into main\\b"), Pattern.compile("(?i)\\bpull request"));

	/** {@code feature/sub/ClassName} or {@code feature/ClassName.method}. */
	private static final Pattern NAMED_CLASS = Pattern
		.compile("(?<![\\w/.-])((?:[a-z]+/)+[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*)(?:\\.([a-z]\\w*))?");

	@Test
	void theReadmeAndDocsSpeakToAReaderOfTheRepository() throws IOException {
		List<String> found = new ArrayList<>();
		for (Path doc : docs()) {
			List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
			for (int i = 0; i < lines.size(); i++) {
				for (Pattern pattern : FORBIDDEN) {
					if (pattern.matcher(lines.get(i)).find()) {
						found.add(doc + ":" + (i + 1) + ": " + lines.get(i).strip());
					}
				}
			}
		}
		assertThat(found).as("machine paths or words about issues and branches").isEmpty();
	}

	/**
	 * A class named by its path under {@code org.dafu} ({@code reply/ReplyService},
	 * perhaps with a method: {@code reply/web/ReplyEditorTests.aSaveIsRefused}) exists in
	 * the sources, and so does the method's name in it: a page that points to code that
	 * moved or went sends its reader nowhere.
	 */
	@Test
	void theClassesAndMethodsTheDocsNameExist() throws IOException {
		Map<String, String> sources = new HashMap<>();
		for (String root : List.of("src/main/java", "src/test/java", "src/tools/java")) {
			Path base = Path.of(root, "org", "dafu");
			try (Stream<Path> files = Files.walk(base)) {
				for (Path file : files.filter((f) -> f.toString().endsWith(".java")).toList()) {
					String name = base.relativize(file).toString().replace('\\', '/');
					sources.put(name.substring(0, name.length() - ".java".length()),
							Files.readString(file, StandardCharsets.UTF_8));
				}
			}
		}
		List<String> missing = new ArrayList<>();
		for (Path doc : docs()) {
			List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
			for (int i = 0; i < lines.size(); i++) {
				Matcher named = NAMED_CLASS.matcher(lines.get(i));
				while (named.find()) {
					String path = named.group(1);
					if (Files.isDirectory(Path.of(path.substring(0, path.indexOf('/'))))) {
						// a file of the repository (bench/, src/, db/), not a class
						continue;
					}
					String source = sources.get(path);
					String method = named.group(2);
					if (source == null) {
						missing.add(doc + ":" + (i + 1) + ": " + path + " (no such class)");
					}
					else if (method != null && !Pattern.compile("\\b" + method + "\\b").matcher(source).find()) {
						missing.add(doc + ":" + (i + 1) + ": " + path + "." + method + " (no such method)");
					}
				}
			}
		}
		assertThat(missing).as("classes and methods named in README.md and docs/").isEmpty();
	}

	@Test
	void thePatternsCatchWhatTheyAreFor() {
		assertThat(List.of("see /work/main/docs", "Issue 7 parts 3 and 4", "not built on this branch",
				"merged into main after this branch started", "fixed in issue #12"))
			.allMatch((line) -> FORBIDDEN.stream().anyMatch((p) -> p.matcher(line).find()));
		assertThat(List.of("the 索引号 and issue time stay", "under `/var/tmp/dafu-data-*`", "such as `/root`, the",
				"issued replies", "a development database that lived through parallel branches"))
			.noneMatch((line) -> FORBIDDEN.stream().anyMatch((p) -> p.matcher(line).find()));
	}

	private static List<Path> docs() throws IOException {
		List<Path> docs = new ArrayList<>();
		docs.add(Path.of("README.md"));
		try (Stream<Path> files = Files.list(Path.of("docs"))) {
			files.filter((p) -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
		}
		assertThat(docs).hasSizeGreaterThan(5);
		return docs;
	}

}
