package org.dafu.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The focus ring, read from the stylesheet, is visible: at least 3:1 (WCAG 2.1 1.4.11)
 * against the white page and, in the header, against its accent colour; the bell is an
 * inline SVG, not an emoji that fonts without it draw as a box.
 */
class PageChromeTests {

	static final Path CSS = Path.of("src/main/resources/static/css/dafu.css");

	@Test
	void theFocusRingContrastsAtLeastThreeToOneWithWhiteAndWithTheHeader() throws IOException {
		String css = Files.readString(CSS);
		String paper = variable(css, "paper");
		String accent = variable(css, "accent");
		Matcher outline = Pattern
			.compile("a:focus-visible, button:focus-visible[^{]*\\{[^}]*outline:\\s*3px solid var\\(--([a-z-]+)\\)")
			.matcher(css);
		assertThat(outline.find()).as("the focus outline uses a colour variable").isTrue();
		String ring = variable(css, outline.group(1));
		assertThat(contrast(ring, paper)).as("focus ring %s on %s", ring, paper).isGreaterThanOrEqualTo(3.0);
		Matcher header = Pattern
			.compile("\\.site-header a:focus-visible[^{]*\\{[^}]*outline-color:\\s*var\\(--([a-z-]+)\\)")
			.matcher(css);
		assertThat(header.find()).as("the header has its own focus colour").isTrue();
		String onAccent = variable(css, header.group(1));
		assertThat(contrast(onAccent, accent)).as("focus ring %s on %s", onAccent, accent).isGreaterThanOrEqualTo(3.0);
		// the old amber ring was too pale on white
		assertThat(contrast("#f0b400", "#ffffff")).isLessThan(3.0);
	}

	@Test
	void theBellIsAnInlineSvgHiddenFromScreenReaders() throws IOException {
		String bell = Files.readString(Path.of("src/main/resources/templates/notify/bell.html"));
		assertThat(bell).doesNotContain("&#128276;").doesNotContain("\uD83D\uDD14");
		assertThat(bell).containsPattern("<svg class=\"icon\"[^>]*aria-hidden=\"true\"[^>]*focusable=\"false\"");
	}

	static String variable(String css, String name) {
		Matcher m = Pattern.compile("--" + Pattern.quote(name) + ":\\s*(#[0-9a-fA-F]{6})\\s*;").matcher(css);
		assertThat(m.find()).as("--%s is defined as a colour", name).isTrue();
		return m.group(1);
	}

	/** The WCAG 2.1 contrast ratio of two #rrggbb colours. */
	static double contrast(String a, String b) {
		double la = luminance(a);
		double lb = luminance(b);
		return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
	}

	private static double luminance(String hex) {
		int rgb = Integer.parseInt(hex.substring(1), 16);
		return 0.2126 * channel((rgb >> 16) & 0xff) + 0.7152 * channel((rgb >> 8) & 0xff)
				+ 0.0722 * channel(rgb & 0xff);
	}

	private static double channel(int value) {
		double c = value / 255.0;
		return (c <= 0.03928) ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
	}

}
