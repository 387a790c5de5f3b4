package org.dafu.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A build check on every template: no unescaped output ({@code th:utext}, {@code [(...)]}
 * inlining) and nothing the Content-Security-Policy would block (inline scripts, event
 * handler attributes, style attributes), nor anything from a CDN.
 */
class TemplateSafetyTests {

	static final Path TEMPLATES = Path.of("src/main/resources/templates");

	static final List<Pattern> FORBIDDEN = List.of(Pattern.compile("th:utext"), Pattern.compile("\\[\\(\\$\\{"),
			Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>"), Pattern.compile("\\son[a-z]+\\s*="),
			Pattern.compile("\\sstyle\\s*="), Pattern.compile("\\sth:style\\s*="),
			Pattern.compile("(src|href)\\s*=\\s*\"(https?:)?//"));

	@Test
	void templatesEscapeOutputAndKeepToTheContentSecurityPolicy() throws IOException {
		List<String> problems = new ArrayList<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".html")).toList()) {
				String[] lines = Files.readString(file, StandardCharsets.UTF_8).split("\n", -1);
				for (int i = 0; i < lines.length; i++) {
					for (Pattern pattern : FORBIDDEN) {
						Matcher matcher = pattern.matcher(lines[i]);
						if (matcher.find()) {
							problems.add(TEMPLATES.relativize(file) + ":" + (i + 1) + ": " + matcher.group().strip());
						}
					}
				}
			}
		}
		assertThat(problems).as("unsafe template constructs").isEmpty();
	}

	@Test
	void theCheckFindsWhatItForbids() {
		for (String bad : List.of("<p th:utext=\"${x}\">", "<script>alert(1)</script>", "<a onclick=\"x()\">",
				"<div style=\"color:red\">", "<script src=\"https://cdn.example.com/x.js\"></script>")) {
			assertThat(FORBIDDEN.stream().anyMatch((p) -> p.matcher(bad).find())).as(bad).isTrue();
		}
		assertThat(FORBIDDEN.stream()
			.anyMatch((p) -> p.matcher("<script th:src=\"@{/js/a.js}\" src=\"/js/a.js\"></script>").find())).isFalse();
	}

}
