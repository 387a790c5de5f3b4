package org.dafu.proof;

import org.dafu.access.Role;
import org.dafu.access.Viewer;
import org.dafu.account.AccountService;
import org.dafu.account.AccountView;
import org.dafu.proof.ProofData.Fixture;
import org.dafu.testing.AsViewer;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A co-handling unit's opinion (协办意见) in the browser: its drafter (经办人) writes and
 * submits it from the unit's workspace, its signer (签发人) signs it, and the lead unit sees
 * it beside its draft reply.
 */
@ProofTest
class CoHandlingOpinionJourneyTests {

	@RegisterExtension
	static Browser browser = new Browser();

	@Autowired
	ProofData proofData;

	@Autowired
	TestData data;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aCoUnitDraftsSubmitsAndSignsItsOpinionAndTheLeadUnitSeesIt() throws Exception {
		Fixture f = this.proofData.create();
		Scenario s = f.scenario();
		long coUnit = this.data.unit("协办单位");
		long proposal = this.proofData.coHandled(s, s.unitId(), coUnit);
		long draft = this.data.draft(s, proposal, "主办草稿" + s.n());
		AccountView drafter = account("co-drafter-" + s.n(), coUnit);
		AccountView signer = account("co-signer-" + s.n(), coUnit);
		// the drafter only drafts (经办人)
		this.jdbc.update("update account set signer = false where username = ?", drafter.username());
		String text = "本单位同意主办单位的办理意见，已安排专项资金三百万元。" + s.n();

		browser.signIn(drafter.username(), ProofData.PASSWORD).open("/workspace/unit");
		browser.submit(By.id("co-opinions-link"));
		assertThat(browser.path()).isEqualTo("/workspace/unit/opinions");
		browser.submit(By.cssSelector("#co-row-" + proposal + " a"));
		assertThat(browser.path()).isEqualTo("/workspace/unit/opinions/" + proposal);
		assertThat(browser.text(By.id("opinion-status"))).isEqualTo("起草");
		browser.type(By.id("opinion-body"), text);
		browser.click(By.id("opinion-publish-choice"));
		browser.submit(By.id("opinion-save"));
		assertThat(browser.text(By.id("flash-message"))).contains("意见已保存");
		browser.submit(By.id("opinion-submit"));
		assertThat(browser.text(By.id("flash-message"))).contains("已提交审核");
		assertThat(browser.text(By.id("opinion-status"))).isEqualTo("待审核");
		assertThat(browser.text(By.id("opinion-waiting"))).contains("等待本单位签发人审核");
		assertThat(browser.findAll(By.id("opinion-sign"))).isEmpty();

		browser.signIn(signer.username(), ProofData.PASSWORD).open("/workspace/unit/opinions/" + proposal);
		assertThat(browser.text(By.id("opinion-text"))).isEqualTo(text);
		browser.submit(By.id("opinion-sign"));
		assertThat(browser.text(By.id("flash-message"))).contains("意见已签发");
		assertThat(browser.text(By.id("opinion-status"))).isEqualTo("已签发");
		assertThat(browser.text(By.id("opinion-signed"))).contains(signer.username()).contains("北京时间");
		assertThat(browser.text(By.id("opinion-steps-" + coUnit))).contains("提交审核")
			.contains("签发")
			.contains(drafter.username());

		browser.signIn(f.official().username(), ProofData.PASSWORD).open("/workspace/unit/replies/" + draft + "/edit");
		assertThat(browser.text(By.id("co-opinions"))).contains("协办单位意见");
		assertThat(browser.text(By.id("co-opinion-status-" + coUnit))).isEqualTo("已签发");
		assertThat(browser.text(By.id("co-opinion-text-" + coUnit))).isEqualTo(text);
		assertThat(browser.findAll(By.id("co-opinions-outstanding"))).isEmpty();
		browser.screenshot("lead-unit-sees-co-handling-opinion");
	}

	private AccountView account(String username, long unitId) {
		return AsViewer.call(Viewer.coordinator("proof-setup"),
				() -> this.accounts.create(username, ProofData.PASSWORD, Role.OFFICIAL, unitId, null));
	}

}
