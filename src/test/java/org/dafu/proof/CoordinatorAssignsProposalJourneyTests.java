package org.dafu.proof;

import org.dafu.congress.CongressService;
import org.dafu.proof.ProofData.Fixture;
import org.dafu.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7's coordinator journey: a coordinator signs in, registers a proposal in a
 * session, assigns it to a unit with a deadline, and reads the session's statistics,
 * where it is counted as received and assigned.
 */
@ProofTest
class CoordinatorAssignsProposalJourneyTests {

	@RegisterExtension
	static Browser browser = new Browser();

	@Autowired
	ProofData data;

	@Autowired
	CongressService congress;

	@Test
	void theCoordinatorRegistersAndAssignsAProposalAndSeesItCounted() throws Exception {
		// the session already has proposal 第4号, assigned and answered
		Fixture f = this.data.create();
		int n = f.scenario().n();
		String session = this.congress.session(f.scenario().sessionId()).name();
		String title = "关于交办旅程" + n + "的建议";

		browser.signIn(f.coordinator().username(), ProofData.PASSWORD).open("/workspace/coordinator");
		browser.clickLink("登记建议");
		browser.select(By.id("sessionId"), session);
		browser.replace(By.id("number"), String.valueOf(100 + TestData.unique() % 100_000));
		browser.type(By.id("title"), title);
		browser.type(By.id("body"), "建议加快交办。");
		browser.select(By.id("leadDeputyId"), "领衔代表" + n + "（测试代表团）");
		browser.submit(By.cssSelector("main form button[type=submit]"));

		browser.waitForPath("/workspace/coordinator/proposals/[0-9]+");
		assertThat(browser.mainText()).contains("建议已登记。").contains("尚未交办。");
		browser.select(By.id("leadUnitId"), "测试单位" + n);
		browser.paste(By.id("assignedOn"), "2022-03-10");
		browser.paste(By.id("deadline"), "2022-05-31");
		browser.submit(By.cssSelector("form[action$='/assignment'] button[type=submit]"));
		assertThat(browser.mainText()).contains("已交办，承办单位会收到通知。").contains("测试单位" + n).contains("2022-05-31");

		browser.open("/statistics").clickLink(session);
		assertThat(browser.text(By.tagName("h1"))).isEqualTo(session + "建议办理情况");
		assertThat(browser.text(By.xpath("//dt[normalize-space()='收到建议']/following-sibling::dd"))).isEqualTo("2 件");
		assertThat(browser.text(By.xpath("//dt[normalize-space()='交办']/following-sibling::dd"))).isEqualTo("2 件");
		assertThat(browser.text(By.xpath("//dt[normalize-space()='已答复']/following-sibling::dd"))).isEqualTo("1 件");
		browser.screenshot("coordinator-assigns-proposal");
	}

}
