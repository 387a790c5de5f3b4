package org.dafu.proof;

import org.dafu.proof.ProofData.Fixture;
import org.dafu.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 催办: a coordinator finds an overdue proposal on the deadline board, sends its lead unit
 * a reminder with a message; an official of the unit signs in and finds it among the
 * unit's notices and its reminders.
 */
@ProofTest
class CoordinatorRemindsUnitJourneyTests {

	@RegisterExtension
	static Browser browser = new Browser();

	@Autowired
	ProofData data;

	@Autowired
	TestData testData;

	@Test
	void theCoordinatorSendsAReminderAndTheUnitSeesIt() throws Exception {
		Fixture f = this.data.create();
		// assigned 2022-03-01 with the default deadline, no reply: overdue
		long proposal = this.testData.anotherProposal(f.scenario());
		String message = "请本周内答复第" + f.scenario().n() + "号。";

		browser.signIn(f.coordinator().username(), ProofData.PASSWORD).open("/workspace/coordinator/deadlines?days=0");
		browser.submit(By.cssSelector("a[href='/workspace/coordinator/proposals/" + proposal + "/reminders']"));
		assertThat(browser.text(By.tagName("h1"))).isEqualTo("催办");
		assertThat(browser.text(By.id("reminder-target"))).contains("测试单位" + f.scenario().n()).contains("已超期");
		browser.type(By.id("reminder-message"), message);
		browser.submit(By.id("reminder-submit"));
		assertThat(browser.text(By.id("flash-message"))).isEqualTo("已催办，主办单位已收到通知。");
		assertThat(browser.text(By.id("reminder-history"))).contains(message).contains(f.coordinator().username());
		browser.screenshot("coordinator-reminds-unit-1-sent");

		browser.signOut().signIn(f.official().username(), ProofData.PASSWORD).open("/notifications");
		assertThat(browser.mainText()).contains("催办：第");
		browser.open("/workspace/unit").clickLink("收到的催办");
		assertThat(browser.text(By.id("unit-reminder-table"))).contains(message).contains("关于另一建议");
		browser.screenshot("coordinator-reminds-unit");
	}

}
