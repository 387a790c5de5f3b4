package org.dafu.proof;

import org.dafu.proof.ProofData.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 6's journey: the deputy signs in, finds the reply to proposal 第4号 under 我的建议,
 * rates it 基本满意 with a comment; a coordinator then signs in and finds the rating counted
 * in the session's statistics (counted only: one rating is too few to show as a rate).
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
		browser.submit(By.xpath("//tr[td[normalize-space()='第4号']]//a"));
		assertThat(browser.text(By.tagName("h1"))).startsWith("第4号：");
		String block = "//*[@id='reply-" + reply + "']";
		assertThat(browser.text(By.xpath(block))).contains(f.indexNumber());
		String groups = block + "//form[contains(@class,'evaluation-form')]//fieldset";
		int count = browser.findAll(By.xpath(groups)).size();
		assertThat(count).isPositive();
		for (int i = 1; i <= count; i++) {
			browser.click(By.xpath("(" + groups + ")[" + i + "]//label[normalize-space()='基本满意']"));
		}
		browser.type(By.xpath(block + "//textarea"), "答复具体，希望加快进度。");
		browser.submit(By.xpath(block + "//button[@type='submit']"));
		assertThat(browser.text(By.id("flash-message"))).isEqualTo("测评已提交。");
		assertThat(browser.text(By.id("rating-attitude-" + reply))).isEqualTo("基本满意");
		assertThat(browser.text(By.id("rating-result-" + reply))).isEqualTo("基本满意");
		assertThat(browser.text(By.id("rating-comment-" + reply))).isEqualTo("答复具体，希望加快进度。");
		browser.screenshot("deputy-rates-reply-1-rated");

		browser.signOut().signIn(f.coordinator().username(), ProofData.PASSWORD).open("/statistics");
		browser.submit(By.cssSelector("a[href='/statistics/sessions/" + f.scenario().sessionId() + "']"));
		assertThat(browser.text(By.xpath("//dt[normalize-space()='满意度测评']/following-sibling::dd")))
			.isEqualTo("共 1 件（不足 3 件，不分项公布）");
		// one rating alone is not turned into a rate that would disclose it
		assertThat(browser.text(By.xpath("//dt[normalize-space()='满意率（含基本满意）']/following-sibling::dd")))
			.isEqualTo("—（测评不足 3 件，不公布）");
		browser.screenshot("deputy-rates-reply");
	}

}
