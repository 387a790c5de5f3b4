package org.dafu.proof;

import java.util.List;

import org.dafu.proof.ProofData.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15's first journey: a visitor opens a reply, then its proposal's record, and
 * filters the reply list by the record's lead unit.
 */
@ProofTest
class VisitorReadsProposalRecordJourneyTests {

	@RegisterExtension
	static Browser browser = new Browser();

	@Autowired
	ProofData data;

	@Test
	void aVisitorOpensAReplyThenItsProposalsRecordAndFiltersTheListByUnit() throws Exception {
		Fixture f = this.data.create();
		String unit = "测试单位" + f.scenario().n();

		browser.open("/replies/" + f.replyId());
		assertThat(browser.text(By.cssSelector("article.letter"))).contains(f.indexNumber());
		browser.submit(By.id("proposal-record"));
		browser.waitForPath("/sessions/" + f.scenario().sessionId() + "/proposals/4");
		assertThat(browser.text(By.tagName("h1"))).isEqualTo("关于测试建议" + f.scenario().n() + "的建议");
		assertThat(browser.text(By.id("record-lead"))).isEqualTo("领衔代表" + f.scenario().n());
		assertThat(browser.text(By.id("record-units"))).contains(unit, "主办");
		assertThat(browser.text(By.id("record-replies"))).contains(f.indexNumber());
		assertThat(browser.text(By.id("record-timeline"))).contains("交办" + unit + "主办");
		assertThat(browser.mainText()).contains("北京时间");
		browser.screenshot("proposal-record");

		browser.open("/replies");
		browser.select(By.id("filter-unit"), unit);
		browser.submit(By.id("filter-submit"));
		browser.waitForPath("/replies\\?.*unit=" + f.scenario().unitId() + ".*");
		List<String> rows = browser.texts(By.cssSelector("ul.reply-list > li"));
		assertThat(rows).isNotEmpty().allSatisfy((row) -> assertThat(row).contains(unit));
		assertThat(browser.texts(By.cssSelector("ul.reply-list > li a"))).isNotEmpty();
		assertThat(browser.attribute(By.cssSelector("#filter-unit option[selected]"), "value"))
			.isEqualTo(String.valueOf(f.scenario().unitId()));
		browser.screenshot("replies-filtered-by-unit");
	}

}
