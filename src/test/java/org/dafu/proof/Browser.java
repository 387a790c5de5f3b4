package org.dafu.proof;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * One headless Chromium for a test class, driven through Selenium and Debian's
 * {@code chromium} and {@code chromium-driver}:
 * {@code @RegisterExtension static Browser browser = new Browser();} in a
 * {@link ProofTest} class. It finds the port of the running application itself, so that
 * {@code browser.open("/replies")} works.
 *
 * <p>
 * Nothing is downloaded: the driver and the browser are named explicitly, so Selenium
 * Manager is never asked. Without Chromium the class is skipped (disabled, so reported as
 * skipped), unless {@code CI_REQUIRE_BROWSER=1} (set by {@code .ci/run}), where it fails.
 */
public final class Browser implements ExecutionCondition, BeforeAllCallback, AfterAllCallback {

	static final Path CHROMIUM = Path.of(System.getProperty("dafu.chromium", "/usr/bin/chromium"));

	static final Path CHROMEDRIVER = Path.of(System.getProperty("dafu.chromedriver", "/usr/bin/chromedriver"));

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	static final Duration WAIT = Duration.ofSeconds(15);

	private static final int WIDTH = 1280;

	private static final int HEIGHT = 1000;

	private static final String MISSING = "Chromium (" + CHROMIUM + ") or chromedriver (" + CHROMEDRIVER
			+ ") is not installed: apt-get install chromium chromium-driver";

	private ChromeDriverService service;

	private ChromeDriver driver;

	private String baseUrl;

	private String signedInAs;

	/**
	 * Skips the class (reported as skipped) when there is no browser and none is
	 * required.
	 */
	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		return (installed() || required()) ? ConditionEvaluationResult.enabled("Chromium is installed or required")
				: ConditionEvaluationResult.disabled(MISSING);
	}

	@Override
	public void beforeAll(ExtensionContext context) throws IOException {
		if (!installed()) {
			throw new IllegalStateException(MISSING + " (CI_REQUIRE_BROWSER=1)");
		}
		String port = SpringExtension.getApplicationContext(context)
			.getEnvironment()
			.getRequiredProperty("local.server.port");
		this.baseUrl = "http://127.0.0.1:" + port;
		// Selenium looks for a driver only when none is named: name it, never download.
		System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
		this.service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
				"--window-size=" + WIDTH + "," + HEIGHT, "--lang=zh-CN", "--no-first-run",
				"--disable-background-networking", "--disable-extensions");
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
		this.driver = new ChromeDriver(this.service, options);
		this.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		this.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
		Files.createDirectories(SCREENSHOTS);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (this.driver != null) {
			this.driver.quit();
			this.driver = null;
		}
		if (this.service != null) {
			this.service.stop();
			this.service = null;
		}
	}

	private static boolean installed() {
		return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
	}

	private static boolean required() {
		return "1".equals(System.getenv("CI_REQUIRE_BROWSER"));
	}

	public WebDriver driver() {
		return this.driver;
	}

	public String url(String path) {
		return this.baseUrl + path;
	}

	/** Opens a path of the application, e.g. {@code open("/statistics")}. */
	public Browser open(String path) {
		this.driver.get(url(path));
		return this;
	}

	/** The path and query of the current page. */
	public String path() {
		String current = this.driver.getCurrentUrl();
		return current.startsWith(this.baseUrl) ? current.substring(this.baseUrl.length()) : current;
	}

	/**
	 * Clicks {@code button} (or link) and waits until the next page has replaced the
	 * current one: the safe way to submit a form that answers with the same address.
	 */
	public Browser submit(By button) {
		WebElement page = this.driver.findElement(By.tagName("html"));
		new WebDriverWait(this.driver, WAIT).until(ExpectedConditions.elementToBeClickable(button)).click();
		new WebDriverWait(this.driver, WAIT).until(ExpectedConditions.stalenessOf(page));
		return this;
	}

	/**
	 * Waits (up to 15 s) until the current path and query match {@code regex}, e.g. after
	 * a click that submits a form to another page; returns the path.
	 */
	public String waitForPath(String regex) {
		new WebDriverWait(this.driver, WAIT).until((d) -> path().matches(regex));
		return path();
	}

	public WebElement find(By by) {
		return new WebDriverWait(this.driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(by));
	}

	public List<WebElement> findAll(By by) {
		return this.driver.findElements(by);
	}

	/** Clicks the link whose visible text is exactly {@code text}. */
	public Browser clickLink(String text) {
		new WebDriverWait(this.driver, WAIT).until(ExpectedConditions.elementToBeClickable(By.linkText(text))).click();
		return this;
	}

	/**
	 * Puts {@code text} into a text field as a paste would (at once, not key by key), and
	 * tells the page's scripts it changed.
	 */
	public Browser paste(By field, String text) {
		WebElement element = find(field);
		this.driver.executeScript("arguments[0].focus(); arguments[0].value = arguments[1];"
				+ "arguments[0].dispatchEvent(new Event('input', { bubbles: true }));", element, text);
		return this;
	}

	public String text(By by) {
		return find(by).getText();
	}

	/** The visible text of the page's main region. */
	public String mainText() {
		return text(By.tagName("main"));
	}

	/**
	 * Signs in through the login page, as a person would; signs the current user out
	 * first when someone else is signed in.
	 */
	public Browser signIn(String username, String password) {
		if (username.equals(this.signedInAs)) {
			return this;
		}
		if (this.signedInAs != null) {
			signOut();
		}
		open("/login");
		find(By.id("username")).sendKeys(username);
		find(By.id("password")).sendKeys(password);
		find(By.cssSelector("main form button[type=submit]")).click();
		new WebDriverWait(this.driver, WAIT).until((d) -> !"/login".equals(path()));
		if (path().startsWith("/login")) {
			throw new IllegalStateException("Sign-in of " + username + " failed: " + path());
		}
		this.signedInAs = username;
		return this;
	}

	/** Signs out with the workspace's logout button. */
	public Browser signOut() {
		if (this.signedInAs == null) {
			return this;
		}
		open("/account");
		find(By.cssSelector("form.logout button[type=submit]")).click();
		new WebDriverWait(this.driver, WAIT).until((d) -> path().startsWith("/login?logout"));
		this.signedInAs = null;
		return this;
	}

	/** Who is signed in in this browser, or null. */
	public String signedInAs() {
		return this.signedInAs;
	}

	/**
	 * What sticks out sideways of the current page at {@code width} CSS pixels (a phone
	 * is 320 to 400): elements wider than the page outside a {@code .table-scroll} box,
	 * the only place meant to scroll sideways (WCAG 2.1 1.4.10, Reflow). Empty when the
	 * page reflows.
	 */
	@SuppressWarnings("unchecked")
	public List<String> overflowAt(int width) {
		Dimension before = this.driver.manage().window().getSize();
		this.driver.manage().window().setSize(new Dimension(width, HEIGHT));
		try {
			return (List<String>) this.driver.executeScript("""
					var width = document.documentElement.clientWidth, wide = [];
					document.querySelectorAll('body *').forEach(function (e) {
					  var box = e.getBoundingClientRect();
					  if (box.right > width + 1 && !e.closest('.table-scroll') && box.width > 0) {
					    wide.push(e.outerHTML.substring(0, 120) + ' … right edge ' + Math.round(box.right) + 'px');
					  }
					});
					return wide.slice(0, 10);
					""");
		}
		finally {
			this.driver.manage().window().setSize(before);
		}
	}

	/**
	 * Saves the whole current page as {@code target/screenshots/<name>.png}, for review.
	 */
	public Path screenshot(String name) throws IOException {
		Number height = (Number) this.driver
			.executeScript("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight);");
		Dimension before = this.driver.manage().window().getSize();
		this.driver.manage()
			.window()
			.setSize(new Dimension(WIDTH, Math.min(Math.max(height.intValue(), HEIGHT), 6000)));
		try {
			this.driver.executeScript("window.scrollTo(0, 0);");
			Path file = SCREENSHOTS.resolve(name + ".png");
			Files.write(file, this.driver.getScreenshotAs(OutputType.BYTES));
			return file;
		}
		finally {
			this.driver.manage().window().setSize(before);
		}
	}

}
