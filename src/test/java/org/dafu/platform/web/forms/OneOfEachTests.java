package org.dafu.platform.web.forms;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One of each in the web layer: one flash fragment set one way, one pagination fragment,
 * one conflict page, one field fragment. Reads the sources; no context.
 */
class OneOfEachTests {

	static final Path TEMPLATES = Path.of("src/main/resources/templates");

	static final Path JAVA = Path.of("src/main/java");

	/**
	 * The figure page's measurement form carries its own result over the redirect, shown
	 * in the form (its field problems), not as the page's flash.
	 */
	static final Set<String> FORM_STATE = Set.of("measurementError", "measurementProblems", "measurementSaved");

	static List<Path> files(Path root, String suffix) throws IOException {
		try (Stream<Path> walk = Files.walk(root)) {
			return walk.filter((p) -> p.toString().endsWith(suffix)).sorted().toList();
		}
	}

	@Test
	void flashMessagesAreSetUnderTheOneConventionsNames() throws IOException {
		Set<String> names = Set.of(Flash.MESSAGE, Flash.MESSAGE_ARGS, Flash.ALERT, Flash.ALERT_ARGS);
		Pattern set = Pattern.compile("addFlashAttribute\\(\"([^\"]+)\"");
		List<String> others = new ArrayList<>();
		for (Path file : files(JAVA, ".java")) {
			Matcher m = set.matcher(Files.readString(file));
			while (m.find()) {
				if (!names.contains(m.group(1)) && !FORM_STATE.contains(m.group(1))) {
					others.add(file.getFileName() + ": " + m.group(1));
				}
			}
		}
		assertThat(others).isEmpty();
	}

	@Test
	void onlyTheFlashFragmentShowsFlashMessages() throws IOException {
		List<String> own = new ArrayList<>();
		for (Path file : files(TEMPLATES, ".html")) {
			if (file.endsWith(Path.of("fragments/flash.html"))) {
				continue;
			}
			String text = Files.readString(file);
			if (text.contains("flash-message") || text.contains("${message}") || text.contains("${done")
					|| text.contains(":: flash}") && !text.contains("~{fragments/flash :: flash}")) {
				own.add(TEMPLATES.relativize(file).toString());
			}
		}
		assertThat(own).isEmpty();
	}

	@Test
	void pagesAreLinkedByTheOnePaginationFragment() throws IOException {
		List<String> own = new ArrayList<>();
		for (Path file : files(TEMPLATES, ".html")) {
			if (!file.endsWith(Path.of("fragments/pagination.html"))
					&& Files.readString(file).contains("class=\"pagination\"")) {
				own.add(TEMPLATES.relativize(file).toString());
			}
		}
		assertThat(own).isEmpty();
	}

	@Test
	void thereIsOneConflictPage() throws IOException {
		assertThat(files(TEMPLATES, "conflict.html")).containsExactly(TEMPLATES.resolve("fragments/conflict.html"));
	}

}
