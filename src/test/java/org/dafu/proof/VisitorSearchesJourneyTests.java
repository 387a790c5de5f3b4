package org.dafu.proof;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.pagefactory.ByChained;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7's first journey: a visitor types 光伏 into the search box on /search, submits,
 * sees results with 光伏 highlighted, opens the first one and reads its letter.
 */
@ProofTest
class VisitorSearchesJourneyTests {

	@RegisterExtension
	static Browser browser = new Browser();

	@Autowired
	ProofData data;

	@Test
	void aVisitorSearchesAndOpensTheFirstReply() throws Exception {
		// at least one public reply mentions 光伏 (its achievement 光伏装机…)
		this.data.create();

		browser.open("/search");
		assertThat(browser.findAll(By.cssSelector("ol.search-hits li"))).isEmpty();
		browser.type(By.id("search-q"), "光伏");
		browser.navigate(() -> browser.find(By.id("search-q")).submit());
		browser.waitForPath("/search\\?.*q=%E5%85%89%E4%BC%8F.*");
		browser.find(By.cssSelector("ol.search-hits"));
		assertThat(browser.value(By.id("search-q"))).isEqualTo("光伏");

		assertThat(browser.findAll(By.cssSelector("ol.search-hits > li"))).isNotEmpty();
		By first = By.cssSelector("ol.search-hits > li:first-child");
		// the match is highlighted, in the title or in the passage shown under it
		assertThat(browser.texts(new ByChained(first, By.tagName("mark")))).isNotEmpty()
			.allSatisfy((mark) -> assertThat(mark).isEqualTo("光伏"));
		By link = new ByChained(first, By.tagName("a"));
		String title = browser.text(link);
		String href = browser.attribute(link, "href");
		browser.submit(link);

		browser.waitForPath("/replies/.+");
		assertThat(browser.path()).isEqualTo(href);
		assertThat(browser.text(By.tagName("h1"))).contains(title);
		// the word may be in a figure's subject, inside the section's closed list of
		// figures: the letter's whole text, shown or not, holds it
		assertThat(browser.allText(By.cssSelector("article.letter"))).contains("光伏");
		assertThat(browser.text(By.cssSelector("article.letter"))).contains("索引号");
		browser.screenshot("visitor-searches");
	}

}
