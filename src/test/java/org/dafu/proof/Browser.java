package org.dafu.proof;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NotFoundException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
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
 * Waiting: a test waits for the condition it needs, never for time and never on an
 * element found before the page changed. {@link #submit(By)} and
 * {@link #clickLink(String)} (and {@link #navigate(Runnable)} for any other action that
 * loads a page) return once the next document has replaced the current one and has
 * loaded; {@link #text(By)}, {@link #value(By)}, {@link #type(By, String)},
 * {@link #click(By)}, {@link #select(By, String)}… look the element up afresh each time
 * and retry while it is missing, stale or part of a document being replaced. Keep
 * {@code By}s, not {@code WebElement}s.
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

	/** A property of the page's window that only the page it was set on holds. */
	private static final String PAGE_TOKEN = "dafuProofPageToken";

	/** Messages of lookups that failed only because the page was being replaced. */
	private static final List<String> TRANSIENT = List.of("does not belong to the document", "No node with given id",
			"Cannot find context with specified id", "Execution context was destroyed",
			"document unloaded while waiting for result", "Inspected target navigated or closed");

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

	/**
	 * Opens a path of the application, e.g. {@code open("/statistics")}, and waits until
	 * it has loaded.
	 */
	public Browser open(String path) {
		this.driver.get(url(path));
		until((d) -> loaded() ? Boolean.TRUE : null);
		return this;
	}

	/** The path and query of the current page. */
	public String path() {
		String current = this.driver.getCurrentUrl();
		return current.startsWith(this.baseUrl) ? current.substring(this.baseUrl.length()) : current;
	}

	/**
	 * Clicks {@code button} (or link) and waits until the next page has replaced the
	 * current one and has loaded: the only safe way to follow a link or submit a form,
	 * also one that answers with the same address. Nothing found before the click is used
	 * after it.
	 */
	public Browser submit(By button) {
		return navigate(() -> until((d) -> {
			WebElement element = d.findElement(button);
			if (!element.isDisplayed() || !element.isEnabled()) {
				return null;
			}
			element.click();
			return Boolean.TRUE;
		}));
	}

	/**
	 * Runs {@code action}, which leads to another page (a click, a form's submit), and
	 * waits until that page has replaced the current one and has loaded. The current page
	 * is marked with a token in its {@code window} before; the wait ends when the window
	 * no longer holds the token (a new document) and the new document is complete. No
	 * element of the old page is touched while it goes away, so no stale reference or
	 * detached node can fail the wait.
	 */
	public Browser navigate(Runnable action) {
		String token = UUID.randomUUID().toString();
		this.driver.executeScript("window." + PAGE_TOKEN + " = arguments[0];", token);
		action.run();
		until((d) -> {
			Object fresh = this.driver.executeScript(
					"return window." + PAGE_TOKEN + " !== arguments[0] && document.readyState === 'complete';", token);
			return Boolean.TRUE.equals(fresh) ? Boolean.TRUE : null;
		});
		return this;
	}

	/**
	 * Waits (up to 15 s) until the current path and query match {@code regex}, e.g. after
	 * a click that submits a form to another page, and until that page has loaded;
	 * returns the path.
	 */
	public String waitForPath(String regex) {
		until((d) -> (path().matches(regex) && loaded()) ? Boolean.TRUE : null);
		return path();
	}

	/**
	 * The element {@code by} of the current page, looked up afresh (waiting up to 15 s
	 * for it). Use it at once: after anything that changes the page, look it up again.
	 */
	public WebElement find(By by) {
		return until((d) -> d.findElement(by));
	}

	public List<WebElement> findAll(By by) {
		return this.driver.findElements(by);
	}

	/**
	 * Clicks the link whose visible text is exactly {@code text} and waits for its page.
	 */
	public Browser clickLink(String text) {
		return submit(By.linkText(text));
	}

	/**
	 * Clicks an element that changes nothing but the current page (a radio's label, a
	 * checkbox), looking it up afresh until the click succeeds.
	 */
	public Browser click(By by) {
		until((d) -> {
			WebElement element = d.findElement(by);
			if (!element.isDisplayed() || !element.isEnabled()) {
				return null;
			}
			element.click();
			return Boolean.TRUE;
		});
		return this;
	}

	/** Types {@code text} into a field, as keys, after looking it up afresh. */
	public Browser type(By field, String text) {
		until((d) -> {
			d.findElement(field).sendKeys(text);
			return Boolean.TRUE;
		});
		return this;
	}

	/** Clears a field and types {@code text} into it. */
	public Browser replace(By field, String text) {
		until((d) -> {
			WebElement element = d.findElement(field);
			element.clear();
			element.sendKeys(text);
			return Boolean.TRUE;
		});
		return this;
	}

	/** Chooses the option with the visible text {@code text} of a select. */
	public Browser select(By select, String text) {
		until((d) -> {
			new Select(d.findElement(select)).selectByVisibleText(text);
			return Boolean.TRUE;
		});
		return this;
	}

	/** Chooses the option with the value {@code value} of a select. */
	public Browser selectValue(By select, String value) {
		until((d) -> {
			new Select(d.findElement(select)).selectByValue(value);
			return Boolean.TRUE;
		});
		return this;
	}

	/**
	 * Puts {@code text} into a text field as a paste would (at once, not key by key), and
	 * tells the page's scripts it changed.
	 */
	public Browser paste(By field, String text) {
		until((d) -> {
			WebElement element = d.findElement(field);
			this.driver.executeScript("arguments[0].focus(); arguments[0].value = arguments[1];"
					+ "arguments[0].dispatchEvent(new Event('input', { bubbles: true }));", element, text);
			return Boolean.TRUE;
		});
		return this;
	}

	/** The visible text of the element {@code by}, looked up afresh. */
	public String text(By by) {
		return until((d) -> d.findElement(by).getText());
	}

	/** The visible texts of every element {@code by} (perhaps none), looked up afresh. */
	public List<String> texts(By by) {
		return until((d) -> d.findElements(by).stream().map(WebElement::getText).toList());
	}

	/**
	 * The current value (DOM property) of a field, looked up afresh; empty when it has
	 * none.
	 */
	public String value(By field) {
		return until((d) -> Objects.toString(d.findElement(field).getDomProperty("value"), ""));
	}

	/**
	 * All the text of the element {@code by}, shown or not (its {@code textContent}: a
	 * closed {@code <details>} too), looked up afresh.
	 */
	public String allText(By by) {
		return until((d) -> Objects.toString(d.findElement(by).getDomProperty("textContent"), ""));
	}

	/** An attribute of the element {@code by}, looked up afresh; null when absent. */
	public String attribute(By by, String name) {
		return until((d) -> Optional.ofNullable(d.findElement(by).getDomAttribute(name))).orElse(null);
	}

	/** The visible text of the page's main region. */
	public String mainText() {
		return text(By.tagName("main"));
	}

	/**
	 * Waits (up to 15 s) until {@code condition} gives something other than null or
	 * false, calling it again while an element it uses is not there yet, or went stale,
	 * or belongs to a document that is being replaced (Chromium reports that as "Node
	 * with given id does not belong to the document", not always as a stale element).
	 */
	public <T> T until(Function<WebDriver, T> condition) {
		return new WebDriverWait(this.driver, WAIT).until((d) -> {
			try {
				return condition.apply(d);
			}
			catch (WebDriverException ex) {
				if (transientFailure(ex)) {
					return null;
				}
				throw ex;
			}
		});
	}

	private boolean loaded() {
		return "complete".equals(this.driver.executeScript("return document.readyState;"));
	}

	/**
	 * What happens to a lookup while the page changes under it: gone, stale, a node or
	 * script context of the document being replaced.
	 */
	static boolean transientFailure(WebDriverException ex) {
		if (ex instanceof StaleElementReferenceException || ex instanceof NotFoundException) {
			return true;
		}
		String message = Objects.toString(ex.getMessage(), "");
		return TRANSIENT.stream().anyMatch(message::contains);
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
		type(By.id("username"), username);
		type(By.id("password"), password);
		submit(By.cssSelector("main form button[type=submit]"));
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
		submit(By.cssSelector("form.logout button[type=submit]"));
		waitForPath("/login\\?logout.*");
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
	 * Runs {@code check} with the window {@code width} CSS pixels wide (a phone is 320 to
	 * 400), then gives the window its size back.
	 */
	public <T> T atWidth(int width, Function<Browser, T> check) {
		Dimension before = this.driver.manage().window().getSize();
		this.driver.manage().window().setSize(new Dimension(width, HEIGHT));
		try {
			until((d) -> (clientWidth() <= width) ? Boolean.TRUE : null);
			return check.apply(this);
		}
		finally {
			this.driver.manage().window().setSize(before);
		}
	}

	private long clientWidth() {
		return ((Number) this.driver.executeScript("return document.documentElement.clientWidth;")).longValue();
	}

	/**
	 * Whether the page scrolls sideways at the current width:
	 * {@code document.scrollingElement.scrollWidth > clientWidth}.
	 */
	public boolean scrollsSideways() {
		return Boolean.TRUE.equals(
				this.driver.executeScript("var e = document.scrollingElement; return e.scrollWidth > e.clientWidth;"));
	}

	/**
	 * Saves the whole current page as {@code target/screenshots/<name>.png} at the
	 * current width (e.g. inside {@link #atWidth}): a phone layout, for review.
	 */
	public Path screenshotAsShown(String name) throws IOException {
		Dimension before = this.driver.manage().window().getSize();
		Number height = (Number) this.driver
			.executeScript("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight);");
		this.driver.manage()
			.window()
			.setSize(new Dimension(before.getWidth(), Math.min(Math.max(height.intValue(), HEIGHT), 8000)));
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
