package org.dafu.proof;

import org.dafu.congress.CongressService;
import org.dafu.proof.ProofData.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coordinator signs in and reads the statistics of a session: one proposal received,
 * assigned and answered with an A-class reply.
 */
@ProofTest
class CoordinatorReadsStatisticsJourneyTests {

	@RegisterExtension
	static Browser browser = new Browser();

	@Autowired
	ProofData data;

	@Autowired
	CongressService congress;

	@Test
	void theCoordinatorReadsASessionsStatistics() throws Exception {
		Fixture f = this.data.create();
		String session = this.congress.session(f.scenario().sessionId()).name();

		browser.signIn(f.coordinator().username(), ProofData.PASSWORD).open("/statistics");
		browser.clickLink(session);
		assertThat(browser.text(By.tagName("h1"))).isEqualTo(session + "建议办理情况");
		assertThat(browser.text(By.xpath("//dt[normalize-space()='收到建议']/following-sibling::dd"))).isEqualTo("1 件");
		assertThat(browser.text(By.xpath("//dt[normalize-space()='已答复']/following-sibling::dd"))).isEqualTo("1 件");
		assertThat(browser.text(By.xpath("//dt[normalize-space()='办复率']/following-sibling::dd"))).isEqualTo("100.0%");
		assertThat(browser.text(By.id("units"))).isNotEmpty();
		assertThat(browser.mainText()).contains("测试单位" + f.scenario().n());
		browser.screenshot("coordinator-reads-statistics");
	}

}
