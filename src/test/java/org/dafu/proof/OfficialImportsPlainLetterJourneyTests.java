package org.dafu.proof;

import org.dafu.proof.ProofData.Fixture;
import org.dafu.proof.ProofData.Letter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An official imports a letter as many are published, without a disclosure header and
 * without numbered sections; on the folded preview the sticky bar gives the warning
 * count, each warning leads to its field (the missing 索引号), the official fills it in,
 * confirms from the sticky bar and issues the draft. The preview is also looked at on a
 * phone (390 px): nothing scrolls sideways, and a screenshot is kept.
 */
@ProofTest
class OfficialImportsPlainLetterJourneyTests {

	static final int PHONE = 390;

	@RegisterExtension
	static Browser browser = new Browser();

	@Autowired
	ProofData data;

	@Test
	void anOfficialImportsALetterWithoutHeaderOrSectionsFixesTheWarningsFromTheStickyBarAndIssuesIt() throws Exception {
		Fixture f = this.data.create();
		Letter letter = this.data.plainLetter(f.scenario());

		browser.signIn(f.official().username(), ProofData.PASSWORD).open("/workspace/unit/import");
		browser.paste(By.id("import-text"), letter.text());
		browser.submit(By.id("import-paste-submit"));
		browser.waitForPath("/workspace/unit/import/preview");

		// the sticky bar: the warning count and 确认, at the top of the form
		assertThat(browser.attribute(By.id("import-bar"), "class")).contains("sticky-bar");
		assertThat(browser.text(By.id("import-bar-warnings"))).matches("[1-9][0-9]* 条提示");
		assertThat(browser.find(By.id("import-confirm-submit")).isDisplayed()).isTrue();
		// the header's part is open (its 索引号 is missing); it is the warning's field
		By indexWarning = By.cssSelector("li.import-warning[data-code='INDEX_NUMBER_MISSING'] a");
		assertThat(browser.attribute(indexWarning, "href")).endsWith("#indexNumber");

		boolean sideways = browser.atWidth(PHONE, (b) -> PhoneLayoutTests.shotAndOverflow(b, "phone-import-preview"));
		assertThat(sideways).as("the import preview scrolls sideways at %d px", PHONE).isFalse();

		browser.click(By.id("import-bar-warnings"));
		assertThat(browser.path()).endsWith("#import-warnings");
		browser.click(indexWarning);
		assertThat(browser.path()).endsWith("#indexNumber");
		assertThat(browser.find(By.id("indexNumber")).isDisplayed()).isTrue();
		browser.replace(By.id("indexNumber"), letter.indexNumber());
		browser.submit(By.id("import-confirm-submit"));

		browser.waitForPath("/workspace/unit/replies/[0-9]+/edit");
		assertThat(browser.text(By.id("flash-message"))).isEqualTo("答复函已导入为草稿，请继续编辑后签发。");
		browser.selectValue(By.id("resultClass"), "A");
		browser.submit(By.cssSelector("button[value='save']"));
		assertThat(browser.text(By.id("flash-message"))).isEqualTo("草稿已保存。");

		issue();

		assertThat(browser.text(By.xpath("//article[contains(@class,'letter')]//tr[th[normalize-space()='索引号']]/td")))
			.isEqualTo(letter.indexNumber());
		assertThat(browser.text(By.cssSelector("article.letter"))).contains("1200");
		browser.screenshot("official-imports-plain-letter");
	}

	/**
	 * 签发 from the editor: 保存并签发… saves and opens the confirmation page, which shows the
	 * letter to publish; the signer names themself and confirms.
	 */
	private void issue() {
		browser.submit(By.id("save-and-sign"));
		browser.waitForPath("/workspace/unit/replies/[0-9]+/issue");
		browser.replace(By.id("signerName"), "王签发");
		browser.submit(By.id("confirm-issue-submit"));
		browser.waitForPath("/workspace/unit/replies/[0-9]+/preview");
		assertThat(browser.text(By.id("flash-message"))).startsWith("答复已签发");
	}

}
