package org.dafu.drafting;

import java.io.File;
import java.time.Duration;

import org.dafu.access.Role;
import org.dafu.access.Viewer;
import org.dafu.account.AccountService;
import org.dafu.reply.ReplyService;
import org.dafu.reply.ReplyView;
import org.dafu.testing.AsViewer;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browser journey in headless Chromium: an official signs in, starts the reply from the
 * inbox, writes it in the editor (adding a section without JavaScript), previews it and
 * issues it. Needs {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (.ci/run
 * installs them); without them the journey is skipped with a message saying so.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(TestDataConfiguration.class)
class OfficialJourneyTests {

	static final File CHROMIUM = new File("/usr/bin/chromium");

	static final File DRIVER = new File("/usr/bin/chromedriver");

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	AccountService accounts;

	@Autowired
	ReplyService replies;

	WebDriver browser;

	@BeforeEach
	void startBrowser() {
		boolean present = CHROMIUM.canExecute() && DRIVER.canExecute();
		if (!present) {
			System.out.println("SKIPPED browser journey: no /usr/bin/chromium or /usr/bin/chromedriver (run .ci/run)");
		}
		Assumptions.assumeTrue(present, "no headless Chromium on this machine; .ci/run installs it");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=zh-CN",
				"--window-size=1200,2000");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER)
			.usingAnyFreePort()
			.build();
		this.browser = new ChromeDriver(service, options);
		this.browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
	}

	@AfterEach
	void stopBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void anOfficialDraftsEditsAndIssuesAReply() {
		Scenario s = this.data.scenario();
		String username = "journey" + s.n();
		String password = "journey-passphrase-" + s.n();
		asCoordinator(() -> this.accounts.create(username, password, Role.OFFICIAL, s.unitId(), null));
		Viewer official = Viewer.official(username, s.unitId());

		open("/login");
		this.browser.findElement(By.id("username")).sendKeys(username);
		this.browser.findElement(By.id("password")).sendKeys(password);
		this.browser.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();

		open("/workspace/unit");
		assertThat(this.browser.getPageSource()).contains("关于测试建议" + s.n());
		this.browser
			.findElement(
					By.cssSelector("form[action='/workspace/unit/proposals/" + s.proposalId() + "/drafts'] button"))
			.click();
		assertThat(this.browser.getCurrentUrl()).matches(".*/workspace/unit/replies/[0-9]+/edit");
		long id = this.replies.draftOfOwnUnit(official, s.proposalId()).orElseThrow();

		this.browser.findElement(By.id("addressee")).sendKeys("领衔代表" + s.n() + "等代表：");
		this.browser.findElement(By.id("opening")).sendKeys("您提出的关于测试的建议收悉。");
		this.browser.findElement(By.cssSelector("button[value='add-response']")).click();
		assertThat(this.browser.findElement(By.id("unsaved")).isDisplayed()).isTrue();
		this.browser.findElement(By.id("s0-heading")).sendKeys("关于浏览器测试");
		this.browser.findElement(By.id("s0-body")).sendKeys("一是完成了浏览器测试。");
		this.browser.findElement(By.cssSelector("button[value='add-figure-0']")).click();
		this.browser.findElement(By.id("s0f0-subject")).sendKeys("测试企业");
		this.browser.findElement(By.id("s0f0-value")).sendKeys("37.5");
		this.browser.findElement(By.id("s0f0-unit")).sendKeys("家");
		new Select(this.browser.findElement(By.id("s0f0-kind"))).selectByValue("ACHIEVEMENT");
		new Select(this.browser.findElement(By.id("resultClass"))).selectByValue("A");
		this.browser.findElement(By.cssSelector("button[value='save']")).click();
		assertThat(this.browser.findElement(By.id("flash-message")).getText()).contains("草稿已保存");

		ReplyView saved = this.replies.ofOwnUnit(official, id);
		assertThat(saved.sections()).hasSize(1);
		assertThat(saved.figures().get(0).content().value()).isEqualByComparingTo("37.5");

		this.browser.findElement(By.linkText("按公文样式预览")).click();
		assertThat(this.browser.findElement(By.cssSelector("article.letter")).getText()).contains("一、关于浏览器测试")
			.contains("一是完成了浏览器测试。");
		WebElement issue = this.browser.findElement(By.cssSelector("#issue-form button"));
		issue.click();
		// no signing date was given: the year of issuing
		assertThat(this.browser.findElement(By.id("flash-message")).getText())
			.containsPattern("T" + s.n() + "/20[0-9]{2}-000001");
		assertThat(this.replies.ofOwnUnit(official, id).isIssued()).isTrue();
	}

	private void open(String path) {
		this.browser.get("http://localhost:" + this.port + path);
	}

	private static void asCoordinator(Runnable action) {
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(AsViewer.authenticationOf(Viewer.coordinator("journey-admin")));
		SecurityContextHolder.setContext(context);
		try {
			action.run();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

}
