package org.dafu.proof;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.dafu.proof.Axe.Violation;
import org.dafu.proof.ProofData.Fixture;
import org.dafu.proof.ProofData.Who;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dafu.proof.ProofData.Who.COORDINATOR;
import static org.dafu.proof.ProofData.Who.DEPUTY;
import static org.dafu.proof.ProofData.Who.OFFICIAL;
import static org.dafu.proof.ProofData.Who.VISITOR;

/**
 * The pages changed for phones, opened in Chromium 390 px wide: nothing scrolls sideways
 * ({@code document.scrollingElement.scrollWidth <= clientWidth}), axe finds no serious
 * violation at that width, lists are stacked cards, and a screenshot of each is kept as
 * {@code target/screenshots/phone-<name>.png}.
 */
@ProofTest
class PhoneLayoutTests {

	static final int PHONE = 390;

	@RegisterExtension
	static Browser browser = new Browser();

	@Autowired
	ProofData data;

	record PhonePage(String name, Who who, String path, String cards) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	static List<PhonePage> pages() {
		return List.of(new PhonePage("unit-inbox", OFFICIAL, "/workspace/unit", "table.inbox"),
				new PhonePage("unit-inbox-en", OFFICIAL, "/workspace/unit?lang=en", "table.inbox"),
				new PhonePage("my-proposals", DEPUTY, "/my", "#my-proposals-table"),
				new PhonePage("following", DEPUTY, "/following", "#following-table"),
				new PhonePage("notifications", DEPUTY, "/notifications", null),
				new PhonePage("outbox", COORDINATOR, "/workspace/coordinator/outbox", null),
				new PhonePage("proposals-admin", COORDINATOR, "/workspace/coordinator/proposals", "table.cards"),
				new PhonePage("reply", VISITOR, "/replies/{reply}", null),
				new PhonePage("reply-en", VISITOR, "/replies/{reply}?lang=en", null),
				new PhonePage("reply-editor", OFFICIAL, "/workspace/unit/replies/{draft}/edit", null),
				new PhonePage("reply-history", COORDINATOR, "/workspace/history/reply/{reply}", null));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("pages")
	void fitsAPhone(PhonePage page) {
		Fixture f = this.data.shared();
		String username = f.username(page.who());
		if (username == null) {
			browser.signOut();
		}
		else {
			browser.signIn(username, ProofData.PASSWORD);
		}
		String path = page.path()
			.replace("{reply}", String.valueOf(f.replyId()))
			.replace("{draft}", String.valueOf(f.extras().draftReplyId()));
		browser.open(path);
		boolean sideways = browser.atWidth(PHONE, (b) -> {
			List<Violation> violations = Axe.seriousViolations(b.driver());
			assertThat(violations).withFailMessage(() -> Axe.report(path + " at " + PHONE + " px", violations))
				.isEmpty();
			if (page.cards() != null) {
				Object display = ((org.openqa.selenium.JavascriptExecutor) b.driver()).executeScript(
						"return getComputedStyle(document.querySelector(arguments[0] + ' tbody tr')).display;",
						page.cards());
				assertThat(display).as("rows of %s are cards", page.cards()).isEqualTo("block");
			}
			return shotAndOverflow(b, "phone-" + page.name());
		});
		assertThat(sideways).as("%s scrolls sideways at %d px", path, PHONE).isFalse();
	}

	@Test
	void theImportPreviewFitsAPhone() {
		Fixture f = this.data.shared();
		ProofData.Letter letter = this.data.letter(f.scenario());
		browser.signIn(f.username(OFFICIAL), ProofData.PASSWORD).open("/workspace/unit/import");
		browser.paste(By.id("import-text"), letter.text());
		browser.submit(By.id("import-paste-submit"));
		browser.waitForPath("/workspace/unit/import/preview");
		boolean sideways = browser.atWidth(PHONE, (b) -> {
			List<Violation> violations = Axe.seriousViolations(b.driver());
			assertThat(violations).withFailMessage(() -> Axe.report("import preview at " + PHONE + " px", violations))
				.isEmpty();
			return shotAndOverflow(b, "phone-import-preview-sample");
		});
		assertThat(sideways).isFalse();
	}

	/** Saves a screenshot of the page as shown and tells whether it scrolls sideways. */
	static boolean shotAndOverflow(Browser b, String name) {
		try {
			b.screenshotAsShown(name);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return b.scrollsSideways();
	}

}
