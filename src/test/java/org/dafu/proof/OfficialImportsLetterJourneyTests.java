package org.dafu.proof;

import org.dafu.proof.ProofData.Fixture;
import org.dafu.proof.ProofData.Letter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.pagefactory.ByChained;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7's import journey: an official signs in, opens 导入答复函, pastes the sample letter,
 * previews it, fills in the region of the figure flagged as missing one, confirms, lands
 * in the editor, sets the result class, saves, previews and issues; the issued reply
 * carries the letter's own 索引号.
 */
@ProofTest
class OfficialImportsLetterJourneyTests {

	@RegisterExtension
	static Browser browser = new Browser();

	@Autowired
	ProofData data;

	@Test
	void anOfficialImportsFixesAndIssuesTheSampleLetter() throws Exception {
		Fixture f = this.data.create();
		Letter letter = this.data.letter(f.scenario());

		browser.signIn(f.official().username(), ProofData.PASSWORD).open("/workspace/unit");
		browser.clickLink("导入答复函");
		browser.paste(By.id("import-text"), letter.text());
		browser.submit(By.id("import-paste-submit"));

		browser.waitForPath("/workspace/unit/import/preview");
		assertThat(browser.value(By.id("indexNumber"))).isEqualTo(letter.indexNumber());
		assertThat(browser.text(By.id("import-warnings"))).contains("“并网光伏装机”的分项19.69万千瓦未写明地区");
		By flagged = By.cssSelector("fieldset.figure-editor.flagged");
		assertThat(browser.value(new ByChained(flagged, By.cssSelector("input[id$=-value]")))).isEqualTo("19.69");
		By region = new ByChained(flagged, By.cssSelector("input[id$=-region]"));
		assertThat(browser.attribute(region, "aria-invalid")).isEqualTo("true");
		browser.type(region, "开化县");
		browser.submit(By.id("import-confirm-submit"));

		String editor = browser.waitForPath("/workspace/unit/replies/[0-9]+/edit");
		assertThat(browser.text(By.id("flash-message"))).isEqualTo("答复函已导入为草稿，请继续编辑后签发。");
		browser.selectValue(By.id("resultClass"), "A");
		browser.submit(By.cssSelector("button[value='save']"));
		assertThat(browser.text(By.id("flash-message"))).isEqualTo("草稿已保存。");

		browser.clickLink("按公文样式预览");
		browser.waitForPath(editor.replace("/edit", "/preview"));
		assertThat(browser.text(By.cssSelector("article.letter"))).contains("开化县").contains("19.69");
		// 签发 asks for confirmation on a page showing the letter to publish
		browser.submit(By.id("issue-link"));
		browser.waitForPath(editor.replace("/edit", "/issue"));
		assertThat(browser.text(By.cssSelector("article.letter"))).contains("开化县").contains("19.69");
		browser.replace(By.id("signerName"), "王签发");
		browser.submit(By.id("confirm-issue-submit"));
		browser.waitForPath(editor.replace("/edit", "/preview"));

		assertThat(browser.text(By.id("flash-message"))).isEqualTo("答复已签发，索引号 " + letter.indexNumber() + "。");
		assertThat(browser.findAll(By.id("issue-form"))).isEmpty();
		assertThat(browser.text(By.xpath("//article[contains(@class,'letter')]//tr[th[normalize-space()='索引号']]/td")))
			.isEqualTo(letter.indexNumber());
		browser.screenshot("official-imports-letter");
	}

}
