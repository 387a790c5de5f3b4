package org.dafu.proof;

import org.dafu.proof.ProofData.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 6's journey: the deputy signs in, finds the reply to proposal 第4号 under 我的建议,
 * rates it 基本满意 with a comment; a coordinator then signs in and finds the rating counted
 * in the session's statistics.
 */
@ProofTest
class DeputyRatesReplyJourneyTests {

	@RegisterExtension
	static Browser browser = new Browser();

	@Autowired
	ProofData data;

	@Test
	void theDeputyRatesTheReplyAndTheCoordinatorSeesItInTheStatistics() throws Exception {
		Fixture f = this.data.create();
		long reply = f.replyId();

		browser.signIn(f.deputy().username(), ProofData.PASSWORD).clickLink("我的建议");
		browser.find(By.xpath("//tr[td[normalize-space()='第4号']]//a")).click();
		assertThat(browser.text(By.tagName("h1"))).startsWith("第4号：");
		WebElement block = browser.find(By.id("reply-" + reply));
		assertThat(block.getText()).contains(f.indexNumber());
		for (WebElement group : block.findElements(By.cssSelector("form.evaluation-form fieldset"))) {
			group.findElement(By.xpath(".//label[normalize-space()='基本满意']")).click();
		}
		block.findElement(By.tagName("textarea")).sendKeys("答复具体，希望加快进度。");
		block.findElement(By.cssSelector("button[type=submit]")).click();
		assertThat(browser.text(By.id("flash-message"))).isEqualTo("测评已提交。");
		assertThat(browser.text(By.id("rating-attitude-" + reply))).isEqualTo("基本满意");
		assertThat(browser.text(By.id("rating-result-" + reply))).isEqualTo("基本满意");
		assertThat(browser.text(By.id("rating-comment-" + reply))).isEqualTo("答复具体，希望加快进度。");
		browser.screenshot("deputy-rates-reply-1-rated");

		browser.signOut().signIn(f.coordinator().username(), ProofData.PASSWORD).open("/statistics");
		browser.find(By.cssSelector("a[href='/statistics/sessions/" + f.scenario().sessionId() + "']")).click();
		assertThat(browser.text(By.xpath("//dt[normalize-space()='满意度测评']/following-sibling::dd")))
			.isEqualTo("共 1 件：满意 0、基本满意 1、不满意 0");
		assertThat(browser.text(By.xpath("//dt[normalize-space()='满意率（含基本满意）']/following-sibling::dd")))
			.isEqualTo("100.0%");
		browser.screenshot("deputy-rates-reply");
	}

}
