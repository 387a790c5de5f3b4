package org.dafu.proof;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;

import org.dafu.importing.ParsedLetters;
import org.dafu.letter.LetterParser;
import org.dafu.letter.ParsedLetter;
import org.dafu.reply.ReplyKind;
import org.dafu.reply.ReplyReview;
import org.dafu.reply.ResultClass;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.remote.RemoteWebDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real sample letter is issued; a visitor opens the figures dashboard and finds its
 * output target 规上工业总产值 (5000亿元 by 2026) with a progress bar from the value the letter
 * states (1—9月 2062.44亿元); on a phone the charts' text stays readable.
 */
@ProofTest
class VisitorFollowsTargetProgressJourneyTests {

	/** A phone, in CSS pixels. */
	static final int PHONE = 390;

	@RegisterExtension
	static Browser browser = new Browser();

	@Autowired
	TestData data;

	@Autowired
	ReplyReview review;

	@Test
	void theDashboardShowsAProgressBarFor规上工业总产值() throws Exception {
		Scenario s = this.data.scenario();
		String text = new ClassPathResource("letters/quzhou-2022-137066.txt")
			.getContentAsString(StandardCharsets.UTF_8);
		ParsedLetter letter = new LetterParser().parse(text);
		this.review.recordIssued(s.proposalId(), s.unitId(), ReplyKind.ORIGINAL,
				ParsedLetters.toContent(letter, ResultClass.B, null), "T" + s.n() + "/2022-" + TestData.unique(),
				Instant.now());

		browser.open("/figures?unit=" + s.unitId());
		WebElement row = browser
			.find(By.xpath("//table[contains(@class,'targets')]//tr[th/a[normalize-space()='规上工业总产值']]"));
		assertThat(row.findElements(By.cssSelector(".progress svg rect"))).hasSize(2);
		assertThat(row.findElement(By.cssSelector(".progress svg rect:nth-of-type(2)")).getAttribute("width"))
			.isEqualTo("40");
		assertThat(row.getText()).contains("2062.44亿元", "1—9月", "41%").containsAnyOf("进展正常", "滞后", "已完成");
		assertThat(browser.text(By.id("status-by-unit"))).contains("测试单位" + s.n());
		assertThat(browser.find(By.cssSelector("#summary ~ figure svg[role='img'] desc")).getAttribute("textContent"))
			.contains("测试单位" + s.n());
		browser.screenshot("targets-dashboard");

		browser.navigate(() -> row.findElement(By.linkText("规上工业总产值")).click());
		assertThat(browser.text(By.tagName("h1"))).isEqualTo("规上工业总产值");
		assertThat(browser.text(By.id("history"))).isNotEmpty();
		assertThat(browser.mainText()).contains("1—9月", "待单位确认");

		for (String page : List.of("/figures?unit=" + s.unitId(), browser.path(), "/statistics")) {
			browser.open(page);
			assertThat(smallestChartTextAt(PHONE)).as(page + ": chart text at " + PHONE + " px")
				.isGreaterThanOrEqualTo(12.0);
			assertThat(browser.overflowAt(PHONE)).as(page).isEmpty();
		}
		browser.open("/figures?unit=" + s.unitId());
		phoneScreenshot("targets-dashboard-phone");
		browser.open("/statistics");
		phoneScreenshot("statistics-overview-phone");
	}

	/**
	 * The smallest rendered font size, in CSS pixels, of the text in the page's charts at
	 * {@code width}: the text's own size scaled as its drawing is.
	 */
	private double smallestChartTextAt(int width) {
		RemoteWebDriver driver = (RemoteWebDriver) browser.driver();
		Dimension before = driver.manage().window().getSize();
		driver.manage().window().setSize(new Dimension(width, 900));
		try {
			Number smallest = (Number) driver.executeScript("""
					var smallest = 1000, texts = document.querySelectorAll('svg.chart-svg text');
					texts.forEach(function (t) {
					  var svg = t.ownerSVGElement, box = svg.viewBox.baseVal;
					  var scale = svg.getBoundingClientRect().width / box.width;
					  smallest = Math.min(smallest, parseFloat(getComputedStyle(t).fontSize) * scale);
					});
					return texts.length ? smallest : -1;
					""");
			assertThat(smallest.doubleValue()).as("the page has charts").isPositive();
			return smallest.doubleValue();
		}
		finally {
			driver.manage().window().setSize(before);
		}
	}

	private void phoneScreenshot(String name) throws IOException {
		RemoteWebDriver driver = (RemoteWebDriver) browser.driver();
		Dimension before = driver.manage().window().getSize();
		driver.manage().window().setSize(new Dimension(PHONE, 2400));
		try {
			Files.createDirectories(Browser.SCREENSHOTS);
			Files.write(Browser.SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
		}
		finally {
			driver.manage().window().setSize(before);
		}
	}

}
