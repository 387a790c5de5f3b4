package org.dafu.original;

import java.text.Normalizer;
import java.util.Optional;

/**
 * The file name an original was attached with, as kept and shown: the name alone (never a
 * path), in Unicode NFC, at most {@value #MAX_LENGTH} characters, no control or bidi
 * formatting characters, not a dot name. Anything else is refused rather than repaired,
 * so what is served is what the unit chose.
 */
final class OriginalFileName {

	static final int MAX_LENGTH = 200;

	private OriginalFileName() {
	}

	static Optional<String> clean(String name) {
		if (name == null) {
			return Optional.empty();
		}
		String n = Normalizer.normalize(name, Normalizer.Form.NFC).strip();
		if (n.isEmpty() || n.length() > MAX_LENGTH || n.startsWith(".") || n.contains("/") || n.contains("\\")
				|| n.contains(":")) {
			return Optional.empty();
		}
		for (int i = 0; i < n.length(); i++) {
			char c = n.charAt(i);
			int type = Character.getType(c);
			if (Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
					|| type == Character.PARAGRAPH_SEPARATOR || type == Character.PRIVATE_USE
					|| type == Character.UNASSIGNED || c == '"') {
				return Optional.empty();
			}
		}
		return Optional.of(n);
	}

}
