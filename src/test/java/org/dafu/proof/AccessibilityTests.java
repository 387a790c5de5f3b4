package org.dafu.proof;

import java.util.List;

import org.dafu.proof.Axe.Violation;
import org.dafu.proof.ProofData.Fixture;
import org.dafu.proof.ProofData.Who;
import org.dafu.proof.ProofPages.Page;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of {@link ProofPages}, opened in Chromium (signed in through the login form
 * where the page needs it), has no serious or critical WCAG 2.1 A/AA violation that
 * axe-core finds, and reflows on a phone (nothing sticks out sideways at 360 px).
 */
@ProofTest
class AccessibilityTests {

	/** A small phone, in CSS pixels. */
	static final int PHONE_WIDTH = 360;

	@RegisterExtension
	static Browser browser = new Browser();

	@Autowired
	ProofData data;

	static List<Page> pages() {
		return ProofPages.ALL;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("pages")
	void hasNoSeriousAccessibilityViolations(Page page) {
		Fixture fixture = this.data.shared();
		String username = fixture.username(page.who());
		if (username == null) {
			browser.signOut();
		}
		else {
			browser.signIn(username, ProofData.PASSWORD);
		}
		String path = page.path().apply(fixture);
		browser.open(path);
		List<Violation> all = Axe.violations(browser.driver());
		List<Violation> minor = all.stream().filter((v) -> !v.serious()).toList();
		if (!minor.isEmpty()) {
			// not failures, but worth a look: in target/surefire-reports/*-output.txt
			System.out.println(Axe.report(path + " (minor and moderate)", minor));
		}
		List<Violation> violations = all.stream().filter(Violation::serious).toList();
		assertThat(violations).withFailMessage(() -> Axe.report(path, violations)).isEmpty();
		List<String> overflow = browser.overflowAt(PHONE_WIDTH);
		assertThat(overflow)
			.withFailMessage(() -> path + " does not reflow at " + PHONE_WIDTH + " px (WCAG 1.4.10):\n  "
					+ String.join("\n  ", overflow))
			.isEmpty();
	}

	/**
	 * The import preview answers a POST, so it is not in the page table: the sample
	 * letter is pasted into the import form and submitted, and the preview is checked.
	 */
	@Test
	void theImportPreviewHasNoSeriousAccessibilityViolations() {
		Fixture fixture = this.data.shared();
		ProofData.Letter letter = this.data.letter(fixture.scenario());
		browser.signIn(fixture.username(Who.OFFICIAL), ProofData.PASSWORD).open("/workspace/unit/import");
		browser.paste(By.id("import-text"), letter.text());
		browser.submit(By.id("import-paste-submit"));
		browser.waitForPath("/workspace/unit/import/preview");
		browser.find(By.id("import-confirm"));
		List<Violation> violations = Axe.seriousViolations(browser.driver());
		assertThat(violations).withFailMessage(() -> Axe.report("import preview", violations)).isEmpty();
		List<String> overflow = browser.overflowAt(PHONE_WIDTH);
		assertThat(overflow).withFailMessage(
				() -> "import preview does not reflow at " + PHONE_WIDTH + " px:\n  " + String.join("\n  ", overflow))
			.isEmpty();
	}

	@Test
	void axeReportsViolationsOnABrokenPage() {
		browser.open("/login");
		((JavascriptExecutor) browser.driver()).executeScript("""
				document.documentElement.removeAttribute('lang');
				var field = document.getElementById('username');
				field.labels.forEach(function (l) { l.remove(); });
				var pale = document.createElement('p');
				pale.textContent = '浅色文字';
				pale.style.color = '#cccccc';
				document.querySelector('main section').appendChild(pale);
				""");
		assertThat(Axe.seriousViolations(browser.driver())).extracting(Violation::rule)
			.contains("html-has-lang", "label", "color-contrast");
	}

	@Test
	void theReflowCheckFindsAPageTooWideForAPhone() {
		browser.open("/login");
		((JavascriptExecutor) browser.driver()).executeScript("""
				var wide = document.createElement('div');
				wide.id = 'too-wide';
				wide.textContent = '宽';
				wide.style.width = '900px';
				document.querySelector('main').appendChild(wide);
				""");
		assertThat(browser.overflowAt(PHONE_WIDTH)).anySatisfy((e) -> assertThat(e).contains("too-wide"));
	}

}
