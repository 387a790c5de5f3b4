package org.dafu.importing;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.dafu.letter.LetterFormatException;
import org.dafu.letter.LetterWarning;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every warning, unreadable-input and refusal code has its message in both languages (the
 * templates build these keys from the codes, so the generic bundle check cannot see
 * them).
 */
class ImportMessagesTests {

	@Test
	void everyCodeHasAMessageInChineseAndEnglish() throws IOException {
		for (String bundle : List.of("/i18n/importing.properties", "/i18n/importing_en.properties")) {
			Properties messages = new Properties();
			try (InputStream in = getClass().getResourceAsStream(bundle)) {
				messages.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
			}
			List<String> keys = new ArrayList<>();
			codes(LetterWarning.class).forEach((code) -> keys.add("importing.warning." + code));
			codes(LetterFormatException.class).forEach((code) -> keys.add("importing.error." + code));
			codes(ImportRefusedException.class).forEach((code) -> keys.add("importing.refused." + code));
			for (ImportService.ProposalMatch match : ImportService.ProposalMatch.values()) {
				keys.add("importing.preview.match." + match);
			}
			assertThat(keys).hasSizeGreaterThan(20);
			assertThat(messages.stringPropertyNames()).as(bundle).containsAll(keys);
		}
	}

	private static List<String> codes(Class<?> type) {
		List<String> codes = new ArrayList<>();
		for (Field field : type.getFields()) {
			if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
				codes.add(field.getName());
			}
		}
		return codes;
	}

}
