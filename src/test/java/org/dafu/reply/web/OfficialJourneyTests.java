package org.dafu.reply.web;

import org.dafu.access.Viewer;
import org.dafu.proof.Browser;
import org.dafu.proof.ProofData;
import org.dafu.proof.ProofData.Fixture;
import org.dafu.proof.ProofTest;
import org.dafu.reply.ReplyDrafting;
import org.dafu.reply.ReplyService;
import org.dafu.reply.ReplyView;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browser journey in headless Chromium (the proof suite's {@link Browser}): an official
 * signs in, starts the reply from the inbox, writes it in the editor (adding a section
 * without JavaScript), previews it and issues it. Without Chromium it is skipped,
 * reported as such; with {@code CI_REQUIRE_BROWSER=1} (.ci/run) it fails instead.
 */
@ProofTest
class OfficialJourneyTests {

	@RegisterExtension
	static Browser browser = new Browser();

	@Autowired
	ProofData proofData;

	@Autowired
	TestData data;

	@Autowired
	ReplyService replies;

	@Autowired
	ReplyDrafting drafting;

	@Test
	void anOfficialDraftsEditsAndIssuesAReply() throws Exception {
		Fixture f = this.proofData.create();
		Scenario s = f.scenario();
		// proposal 第4号 is answered already: the journey answers another one of the unit
		long proposal = this.data.anotherProposal(s);
		Viewer official = Viewer.official(f.official().username(), s.unitId());

		browser.signIn(f.official().username(), ProofData.PASSWORD).open("/workspace/unit");
		assertThat(browser.mainText()).contains("关于另一建议");
		browser.submit(By.cssSelector("form[action='/workspace/unit/proposals/" + proposal + "/drafts'] button"));
		browser.find(By.id("addressee"));
		assertThat(browser.path()).matches("/workspace/unit/replies/[0-9]+/edit");
		long id = this.drafting.draftOfOwnUnit(official, proposal).orElseThrow();

		// 称谓 and 开头 come filled in from the proposal (its lead deputy alone: 代表)
		assertThat(browser.value(By.id("addressee"))).isEqualTo("领衔代表" + s.n() + "代表：");
		assertThat(browser.value(By.id("opening"))).startsWith("您提出的《关于另一建议");
		browser.replace(By.id("addressee"), "领衔代表" + s.n() + "等代表：");
		browser.replace(By.id("opening"), "您提出的关于测试的建议收悉。");
		browser.submit(By.cssSelector("button[value='add-response']"));
		assertThat(browser.find(By.id("unsaved")).isDisplayed()).isTrue();
		browser.find(By.id("s0-heading")).sendKeys("关于浏览器测试");
		browser.find(By.id("s0-body")).sendKeys("一是完成了浏览器测试。");
		browser.submit(By.cssSelector("button[value='add-figure-0']"));
		browser.find(By.id("s0f0-subject")).sendKeys("测试企业");
		browser.find(By.id("s0f0-value")).sendKeys("37.5");
		browser.find(By.id("s0f0-unit")).sendKeys("家");
		new Select(browser.find(By.id("s0f0-kind"))).selectByValue("ACHIEVEMENT");
		new Select(browser.find(By.id("resultClass"))).selectByValue("A");
		browser.submit(By.cssSelector("button[value='save']"));
		assertThat(browser.text(By.id("flash-message"))).contains("草稿已保存");

		ReplyView saved = this.replies.ofOwnUnit(official, id);
		assertThat(saved.sections()).hasSize(1);
		assertThat(saved.figures().get(0).content().value()).isEqualByComparingTo("37.5");

		browser.clickLink("按公文样式预览");
		assertThat(browser.text(By.cssSelector("article.letter"))).contains("一、关于浏览器测试").contains("一是完成了浏览器测试。");
		// back in the editor, a change not yet saved is saved by "save and issue" before
		// the confirmation page shows the letter that will be published
		browser.clickLink("继续编辑");
		browser.find(By.id("closing")).sendKeys("特此答复，未单独保存。");
		browser.submit(By.id("save-and-sign"));
		browser.waitForPath("/workspace/unit/replies/" + id + "/issue");
		assertThat(browser.text(By.cssSelector("article.letter"))).contains("特此答复，未单独保存。");
		assertThat(this.replies.ofOwnUnit(official, id).closing()).contains("特此答复，未单独保存。");
		browser.type(By.id("signerName"), "测试签发人");
		browser.submit(By.id("confirm-issue-submit"));
		// no signing date was given: the year of issuing
		assertThat(browser.text(By.id("flash-message"))).containsPattern("T" + s.n() + "/20[0-9]{2}-000001");
		assertThat(this.replies.ofOwnUnit(official, id).isIssued()).isTrue();
		browser.screenshot("official-drafts-and-issues");
	}

}
