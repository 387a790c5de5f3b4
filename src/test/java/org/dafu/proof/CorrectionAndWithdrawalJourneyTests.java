package org.dafu.proof;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.dafu.proof.ProofData.Fixture;
import org.dafu.reply.DisclosureMode;
import org.dafu.reply.ReplyService;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browser journeys of a published reply's lifecycle: the issuing unit's official
 * publishes a correction and a visitor reads the 更正说明 on the letter; a coordinator
 * withdraws a reply from public view and the visitor then finds neither the page nor a
 * search hit.
 */
@ProofTest
class CorrectionAndWithdrawalJourneyTests {

	@RegisterExtension
	static Browser browser = new Browser();

	@Autowired
	ProofData proofData;

	@Autowired
	TestData data;

	@Autowired
	ReplyService replies;

	@Test
	void anOfficialPublishesACorrectionAndAVisitorSeesTheNote() throws Exception {
		Fixture f = this.proofData.create();
		long id = f.replyId();
		String note = "第一段所引数据有误，已更正。" + f.scenario().n();

		browser.signIn(f.official().username(), ProofData.PASSWORD).open("/workspace/unit/replies/" + id + "/preview");
		browser.submit(By.id("correct-link"));
		assertThat(browser.path()).isEqualTo("/workspace/unit/replies/" + id + "/correction");
		browser.replace(By.id("opening"), "更正后的开头" + f.scenario().n());
		browser.type(By.id("correctionNote"), note);
		browser.submit(By.id("correction-submit"));
		browser.waitForPath("/workspace/unit/replies/" + id + "/preview");
		assertThat(browser.text(By.id("flash-message"))).contains("更正已发布");

		browser.signOut().open("/replies/" + id);
		String corrections = browser.text(By.id("corrections"));
		assertThat(corrections).contains("更正说明").contains(note).containsPattern("20[0-9]{2}-[0-9]{2}-[0-9]{2} 更正");
		assertThat(browser.text(By.cssSelector("article.letter"))).contains("更正后的开头" + f.scenario().n())
			.contains(f.indexNumber());
		browser.screenshot("official-corrects-reply");
	}

	@Test
	void aCoordinatorWithdrawsAReplyAndTheVisitorNoLongerFindsIt() throws Exception {
		Fixture f = this.proofData.create();
		Scenario s = f.scenario();
		String word = TestData.cjkWord();
		long id = this.data.issued(s, DisclosureMode.PROACTIVE, word);
		String index = this.replies.readable(s.official(), id).indexNumber();
		String search = "/search?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8);

		// the visitor reads it and finds it (the page cache keeps both pages)
		browser.signOut().open("/replies/" + id);
		assertThat(browser.text(By.cssSelector("article.letter"))).contains(index);
		browser.open(search);
		assertThat(browser.findAll(By.cssSelector("ol.search-hits > li"))).hasSize(1);
		assertThat(browser.driver().getPageSource()).contains(index);

		browser.signIn(f.coordinator().username(), ProofData.PASSWORD)
			.open("/workspace/coordinator/proposals/" + s.proposalId());
		browser.submit(By.id("disclosure-" + id));
		assertThat(browser.path()).isEqualTo("/workspace/replies/" + id + "/disclosure");
		browser.selectValue(By.id("withdraw-mode"), "NOT_PUBLIC");
		browser.type(By.id("withdraw-reason"), "涉及个人信息，撤回公开。");
		browser.click(By.id("withdraw-confirm"));
		browser.submit(By.id("withdraw-submit"));
		assertThat(browser.text(By.id("flash-message"))).contains("已撤回公开");
		assertThat(browser.text(By.id("current-mode"))).isEqualTo("不予公开");

		browser.signOut().open("/replies/" + id);
		assertThat(browser.text(By.tagName("h1"))).isEqualTo("找不到该页面");
		assertThat(browser.mainText()).doesNotContain(index);
		browser.open(search);
		browser.find(By.id("search-q"));
		assertThat(browser.findAll(By.cssSelector("ol.search-hits > li"))).isEmpty();
		assertThat(browser.driver().getPageSource()).doesNotContain(index);
		browser.screenshot("coordinator-withdraws-reply");
	}

}
