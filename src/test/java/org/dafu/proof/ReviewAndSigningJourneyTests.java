package org.dafu.proof;

import org.dafu.account.AccountView;
import org.dafu.proof.ProofData.Fixture;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review inside a unit in a browser: a drafter (经办人) submits a draft, the leader
 * (签发人) returns it with a comment, the drafter fixes it and submits it again, the leader
 * issues it on the confirmation page that shows the letter, and the published letter
 * names its 签发人.
 */
@ProofTest
class ReviewAndSigningJourneyTests {

	@RegisterExtension
	static Browser browser = new Browser();

	@Autowired
	ProofData proofData;

	@Autowired
	TestData data;

	@Test
	void aDrafterSubmitsTheLeaderReturnsItTheDrafterFixesItAndTheLeaderIssuesItWithConfirmation() throws Exception {
		Fixture f = this.proofData.create();
		Scenario s = f.scenario();
		AccountView drafter = this.proofData.drafter(s);
		long id = this.data.draft(s, this.data.anotherProposal(s), "审核旅程" + s.n());
		String editor = "/workspace/unit/replies/" + id + "/edit";
		String preview = "/workspace/unit/replies/" + id + "/preview";

		// the drafter lands on the unit's inbox, with what waits counted at the top
		browser.signIn(drafter.username(), ProofData.PASSWORD);
		assertThat(browser.path()).isEqualTo("/workspace/unit");
		assertThat(browser.text(By.id("count-returned"))).isEqualTo("退回给我修改 0 件");
		browser.open(editor);
		assertThat(browser.findAll(By.id("save-and-sign"))).as("a drafter is offered no 签发").isEmpty();
		browser.replace(By.id("opening"), "经办人初稿" + s.n() + "。");
		browser.submit(By.id("submit-for-review"));
		browser.waitForPath(preview);
		assertThat(browser.text(By.id("flash-message"))).startsWith("已提交审核");
		assertThat(browser.text(By.id("reply-status"))).isEqualTo("待审核");
		assertThat(browser.text(By.id("review-history"))).contains("提交审核").contains(drafter.username());

		// the leader returns it with a comment
		browser.signIn(f.official().username(), ProofData.PASSWORD);
		assertThat(browser.path()).isEqualTo("/workspace/unit");
		assertThat(browser.text(By.id("count-to-sign"))).isEqualTo("待审核签发 1 件");
		browser.open(preview);
		assertThat(browser.text(By.cssSelector("article.letter"))).contains("经办人初稿" + s.n());
		browser.type(By.id("return-comment"), "请写明完成时限。");
		browser.submit(By.id("return-submit"));
		browser.waitForPath(preview);
		assertThat(browser.text(By.id("flash-message"))).startsWith("已退回修改");

		// the drafter sees the comment, fixes the draft and submits it again
		browser.signIn(drafter.username(), ProofData.PASSWORD);
		assertThat(browser.text(By.id("count-returned"))).isEqualTo("退回给我修改 1 件");
		browser.open(editor);
		assertThat(browser.text(By.id("returned-comment"))).contains("请写明完成时限。");
		browser.replace(By.id("opening"), "经办人修改稿" + s.n() + "，年底前完成。");
		browser.submit(By.id("submit-for-review"));
		browser.waitForPath(preview);
		assertThat(browser.text(By.id("review-history"))).contains("退回修改").contains("请写明完成时限。").contains("北京时间");

		// the leader issues it on the confirmation page, which shows the letter to
		// publish
		browser.signIn(f.official().username(), ProofData.PASSWORD).open(preview);
		browser.submit(By.id("issue-link"));
		browser.waitForPath("/workspace/unit/replies/" + id + "/issue");
		assertThat(browser.text(By.cssSelector("article.letter"))).contains("经办人修改稿" + s.n() + "，年底前完成。");
		browser.type(By.id("signerName"), "李明");
		browser.submit(By.id("confirm-issue-submit"));
		browser.waitForPath(preview);
		assertThat(browser.text(By.id("flash-message"))).startsWith("答复已签发，索引号 ");
		assertThat(browser.text(By.id("review-history"))).contains("签发");

		// the published letter names its 签发人
		browser.signOut().open("/replies/" + id);
		assertThat(browser.text(By.id("letter-signer"))).isEqualTo("签发人：李明");
		assertThat(browser.text(By.cssSelector("article.letter"))).contains("经办人修改稿" + s.n());
		browser.screenshot("leader-issues-reviewed-reply");
	}

}
