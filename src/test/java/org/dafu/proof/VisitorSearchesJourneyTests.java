package org.dafu.proof;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

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
		WebElement box = browser.find(By.id("search-q"));
		box.sendKeys("光伏");
		box.submit();
		browser.waitForPath("/search\\?.*q=%E5%85%89%E4%BC%8F.*");
		browser.find(By.cssSelector("ol.search-hits"));
		assertThat(browser.find(By.id("search-q")).getAttribute("value")).isEqualTo("光伏");

		List<WebElement> hits = browser.findAll(By.cssSelector("ol.search-hits > li"));
		assertThat(hits).isNotEmpty();
		WebElement first = hits.get(0);
		// the match is highlighted, in the title or in the passage shown under it
		assertThat(first.findElements(By.tagName("mark"))).isNotEmpty()
			.allSatisfy((mark) -> assertThat(mark.getText()).isEqualTo("光伏"));
		WebElement link = first.findElement(By.tagName("a"));
		String title = link.getText();
		String href = link.getAttribute("href");
		link.click();

		browser.waitForPath("/replies/.+");
		assertThat(browser.url(browser.path())).isEqualTo(href);
		WebElement letter = browser.find(By.cssSelector("article.letter"));
		assertThat(browser.text(By.tagName("h1"))).contains(title);
		assertThat(letter.getText()).contains("光伏").contains("索引号");
		browser.screenshot("visitor-searches");
	}

}
