package org.dafu.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every user-facing string is a message key, present in Chinese and English, and
 * templates use only keys that exist and no literal text in {@code th:} attributes.
 */
class MessagesTests {

	private static final Path I18N = Path.of("src/main/resources/i18n");

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Pattern KEY_IN_TEMPLATE = Pattern.compile("#\\{([a-zA-Z0-9_.-]+)[}(]");

	/** {@code th:text="'…'"} or {@code th:…="…'literal'…"} with letters inside quotes. */
	private static final Pattern LITERAL_IN_TH = Pattern.compile(
			"th:(?:text|title|placeholder|alt|value|attr|content)=\"[^\"]*'([^'\"]*[\\p{IsHan}A-Za-z]{2,}[^'\"]*)'");

	@Test
	void everyBundleHasTheSameKeysInChineseAndEnglish() throws IOException {
		List<String> problems = new ArrayList<>();
		for (Path zh : bundles()) {
			Path en = zh.resolveSibling(zh.getFileName().toString().replace(".properties", "_en.properties"));
			assertThat(en).as("English bundle for " + zh).exists();
			Set<String> zhKeys = keys(zh);
			Set<String> enKeys = keys(en);
			for (String key : zhKeys) {
				if (!enKeys.contains(key)) {
					problems.add(en.getFileName() + " lacks " + key);
				}
			}
			for (String key : enKeys) {
				if (!zhKeys.contains(key)) {
					problems.add(zh.getFileName() + " lacks " + key);
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void templatesUseOnlyExistingKeysAndNoLiteralText() throws IOException {
		Set<String> known = new TreeSet<>();
		for (Path zh : bundles()) {
			known.addAll(keys(zh));
		}
		List<String> problems = new ArrayList<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path template : files.filter((p) -> p.toString().endsWith(".html")).toList()) {
				String html = Files.readString(template);
				Matcher keys = KEY_IN_TEMPLATE.matcher(html);
				while (keys.find()) {
					if (!known.contains(keys.group(1))) {
						problems.add(TEMPLATES.relativize(template) + ": unknown key " + keys.group(1));
					}
				}
				Matcher literals = LITERAL_IN_TH.matcher(html);
				while (literals.find()) {
					String literal = literals.group(1);
					if (!isCodeNotText(literal)) {
						problems.add(TEMPLATES.relativize(template) + ": literal text '" + literal + "'");
					}
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	/**
	 * Message keys, date patterns and expression fragments are code, not text for people.
	 */
	private static boolean isCodeNotText(String literal) {
		return literal.matches("[a-zA-Z0-9_.\\-/]*") || literal.matches("[yMdHms\\-:. ]+") || literal.contains("{")
				|| literal.contains("}") || literal.contains("+");
	}

	private static List<Path> bundles() throws IOException {
		try (Stream<Path> files = Files.list(I18N)) {
			return files.filter((p) -> p.getFileName().toString().matches("[a-z-]+\\.properties")).sorted().toList();
		}
	}

	private static Set<String> keys(Path bundle) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = Files.newInputStream(bundle)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return new TreeSet<>(properties.stringPropertyNames());
	}

}
