package org.dafu.proof;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The waiting primitives of {@link Browser}: after a click that loads another page, what
 * is read comes from the new page, however late it arrives; the error Chromium gives for
 * a node of a document being replaced (the one that once failed a journey) is retried,
 * not thrown.
 */
@ProofTest
class BrowserWaitingTests {

	@RegisterExtension
	static Browser browser = new Browser();

	@Test
	void aClickedLinkIsReadOnlyOnceItsPageHasReplacedTheCurrentOne() {
		browser.open("/statistics");
		assertThat(browser.text(By.tagName("h1"))).isEqualTo("建议办理统计");
		// the link leaves late, as a slow server would: the statistics page (with its own
		// h1) stays in place meanwhile
		((JavascriptExecutor) browser.driver()).executeScript("""
				var link = document.querySelector('nav a[href="/search"]');
				link.addEventListener('click', function (e) {
				  e.preventDefault();
				  window.setTimeout(function () { window.location.href = link.href; }, 1500);
				});
				""");
		browser.clickLink("检索");
		assertThat(browser.text(By.tagName("h1"))).isEqualTo("检索答复");
		assertThat(browser.path()).isEqualTo("/search");
	}

	@Test
	void aNodeOfADocumentBeingReplacedIsRetriedNotThrown() {
		assertThat(Browser.transientFailure(new WebDriverException("unknown error: unhandled inspector error: "
				+ "{\"code\":-32000,\"message\":\"Node with given id does not belong to the document\"}")))
			.isTrue();
		assertThat(Browser.transientFailure(new StaleElementReferenceException("stale element reference"))).isTrue();
		assertThat(Browser.transientFailure(new WebDriverException("invalid argument: bad selector"))).isFalse();
	}

}
