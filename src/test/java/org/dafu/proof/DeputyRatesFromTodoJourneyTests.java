package org.dafu.proof;

import org.dafu.proof.ProofData.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 待测评: the deputy signs in, finds the new reply first on 我的建议 with the days left to rate
 * it, rates its result 不满意, confirms on the page that says it sends the proposal back for
 * re-handling, and the reply leaves the list.
 */
@ProofTest
class DeputyRatesFromTodoJourneyTests {

	@RegisterExtension
	static Browser browser = new Browser();

	@Autowired
	ProofData data;

	@Test
	void theDeputyOpensTheToDoListRatesAndConfirms() throws Exception {
		Fixture f = this.data.create();
		long reply = f.replyId();

		browser.signIn(f.deputy().username(), ProofData.PASSWORD).clickLink("我的建议");
		assertThat(browser.text(By.id("todo-heading"))).isEqualTo("待测评（1 件）");
		assertThat(browser.text(By.id("todo-left-" + reply))).isEqualTo("剩余 30 天");
		browser.screenshot("deputy-rates-from-todo-1-list");
		browser.submit(By.id("todo-link-" + reply));
		String block = "//*[@id='reply-" + reply + "']";
		String groups = block + "//form[contains(@class,'evaluation-form')]//fieldset";
		browser.click(By.xpath("(" + groups + ")[1]//label[normalize-space()='基本满意']"));
		browser.click(By.xpath("(" + groups + ")[2]//label[normalize-space()='不满意']"));
		browser.type(By.xpath(block + "//textarea"), "问题没有解决。");
		browser.submit(By.xpath(block + "//button[@type='submit']"));

		assertThat(browser.text(By.id("confirm-warning"))).contains("退回承办单位重新办理");
		assertThat(browser.text(By.id("confirm-result"))).isEqualTo("不满意");
		browser.screenshot("deputy-rates-from-todo-2-confirm");
		browser.submit(By.id("confirm-submit"));
		assertThat(browser.text(By.id("flash-message"))).contains("已退回承办单位重新办理");
		assertThat(browser.text(By.id("rating-result-" + reply))).isEqualTo("不满意");

		browser.clickLink("返回我的建议");
		assertThat(browser.text(By.id("todo-empty"))).isEqualTo("没有待测评的答复。");
		browser.screenshot("deputy-rates-from-todo");
	}

}
