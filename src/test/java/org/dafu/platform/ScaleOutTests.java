package org.dafu.platform;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dafu.DafuApplication;
import org.dafu.access.Role;
import org.dafu.access.Viewer;
import org.dafu.account.AccountService;
import org.dafu.congress.CongressService;
import org.dafu.proposal.ProposalService;
import org.dafu.reply.DisclosureMode;
import org.dafu.reply.ReplyDrafting;
import org.dafu.reply.ReplyReview;
import org.dafu.reply.ReplyService;
import org.dafu.testing.TestData.Scenario;
import org.dafu.unit.UnitService;
import org.dafu.testing.AsViewer;
import org.dafu.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two app instances on one database, as in docker-compose.yml: a visitor signs in on one
 * with the real login form and goes on using the other with the same session cookie,
 * because sessions live in PostgreSQL (Spring Session JDBC); signing out on the second
 * ends the session on the first. A reply withdrawn on one instance is gone from the
 * other's pages, page cache included.
 */
class ScaleOutTests {

	private static final String PASSWORD = "a good long passphrase";

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	@BeforeAll
	static void startTwoInstances() {
		first = instance();
		second = instance();
	}

	@AfterAll
	static void stopThem() {
		if (second != null) {
			second.close();
		}
		if (first != null) {
			first.close();
		}
	}

	/**
	 * A full app on a random local port, with JDBC sessions (the test default turns them
	 * off).
	 */
	private static ConfigurableApplicationContext instance() {
		// each instance reads the shared content version on every cacheable request (in
		// production at most once a second), so what one instance changed is visible on
		// the other without waiting
		return new SpringApplicationBuilder(DafuApplication.class).run("--server.port=0", "--server.address=127.0.0.1",
				"--spring.autoconfigure.exclude=", "--dafu.page-cache.version-check-interval=0s");
	}

	private static String base(ConfigurableApplicationContext context) {
		return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
	}

	@Test
	void aSessionStartedOnOneInstanceContinuesOnTheOther() throws Exception {
		String username = "scaleout" + TestData.unique();
		SecurityContextHolder.getContext().setAuthentication(AsViewer.authenticationOf(Viewer.coordinator("boss")));
		try {
			first.getBean(AccountService.class).create(username, PASSWORD, Role.COORDINATOR, null, null);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		HttpResponse<String> loginPage = browser.send(
				HttpRequest.newBuilder(URI.create(base(first) + "/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(loginPage.statusCode()).isEqualTo(200);
		HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(base(first) + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password="
					+ URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrf(loginPage.body())))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).as(signedIn.headers() + signedIn.body()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElse("")).endsWith("/workspace/coordinator/deadlines");
		assertThat(signedIn.headers().allValues("Set-Cookie")).anySatisfy((c) -> assertThat(c).startsWith("SESSION="));

		// The other instance knows the session.
		HttpResponse<String> account = browser.send(
				HttpRequest.newBuilder(URI.create(base(second) + "/account")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(account.statusCode()).isEqualTo(200);
		assertThat(account.body()).contains(username);
		assertThat(second.getBean(JdbcTemplate.class)
			.queryForObject("select count(*) from spring_session where principal_name = ?", Long.class, username))
			.isEqualTo(1);

		// Signing out on the second ends it on the first.
		HttpResponse<String> signedOut = browser.send(HttpRequest.newBuilder(URI.create(base(second) + "/logout"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf(account.body())))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedOut.statusCode()).isEqualTo(302);
		HttpResponse<String> after = browser.send(HttpRequest.newBuilder(URI.create(base(first) + "/account")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(after.statusCode()).isEqualTo(302);
		assertThat(after.headers().firstValue("Location").orElse("")).endsWith("/login");
	}

	@Test
	void aReplyWithdrawnOnOneInstanceIsGoneFromTheOtherAtOnce() throws Exception {
		String username = "withdrawer" + TestData.unique();
		SecurityContextHolder.getContext().setAuthentication(AsViewer.authenticationOf(Viewer.coordinator("boss")));
		Scenario s;
		long id;
		String word = TestData.cjkWord();
		try {
			first.getBean(AccountService.class).create(username, PASSWORD, Role.COORDINATOR, null, null);
			TestData data = new TestData(first.getBean(CongressService.class), first.getBean(UnitService.class),
					first.getBean(ProposalService.class), first.getBean(ReplyDrafting.class),
					first.getBean(ReplyReview.class));
			s = data.scenario();
			id = data.issued(s, DisclosureMode.PROACTIVE, word);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		String index = first.getBean(ReplyService.class).readable(Viewer.coordinator("boss"), id).indexNumber();
		String search = "/search?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8);
		HttpClient visitor = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		// the visitor reads it on the second instance, which caches the pages
		assertThat(get(visitor, second, "/replies/" + id).statusCode()).isEqualTo(200);
		assertThat(get(visitor, second, search).body()).contains(index);
		String link = "href=\"/replies/" + id + "\"";
		assertThat(get(visitor, second, "/replies").body()).contains(link);

		HttpClient coordinator = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		signIn(coordinator, first, username);
		HttpResponse<String> page = get(coordinator, first, "/workspace/replies/" + id + "/disclosure");
		assertThat(page.statusCode()).isEqualTo(200);
		Matcher version = Pattern.compile("name=\"version\" value=\"([0-9]+)\"").matcher(page.body());
		assertThat(version.find()).isTrue();
		HttpResponse<String> withdrawn = coordinator
			.send(HttpRequest.newBuilder(URI.create(base(first) + "/workspace/replies/" + id + "/withdrawal"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers
					.ofString("version=" + version.group(1) + "&mode=NOT_PUBLIC&confirm=yes&reason="
							+ URLEncoder.encode("涉及个人信息", StandardCharsets.UTF_8) + "&_csrf=" + csrf(page.body())))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(302);

		// the other instance's next answers
		assertThat(get(visitor, second, "/replies/" + id).statusCode()).isEqualTo(404);
		assertThat(get(visitor, second, "/api/v1/replies/" + id).statusCode()).isEqualTo(404);
		assertThat(get(visitor, second, "/replies").body()).doesNotContain(link);
		for (String path : List.of(search, "/replies.atom?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8),
				"/replies.csv?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8), "/sitemap.xml")) {
			assertThat(get(visitor, second, path).body()).as(path).doesNotContain(index);
		}
	}

	private static HttpResponse<String> get(HttpClient client, ConfigurableApplicationContext instance, String path)
			throws Exception {
		return client.send(HttpRequest.newBuilder(URI.create(base(instance) + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static void signIn(HttpClient browser, ConfigurableApplicationContext instance, String username)
			throws Exception {
		HttpResponse<String> loginPage = get(browser, instance, "/login");
		HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(base(instance) + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password="
					+ URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrf(loginPage.body())))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).as(signedIn.headers() + signedIn.body()).isEqualTo(302);
	}

	private static String csrf(String page) {
		Matcher matcher = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"")
			.matcher(page);
		assertThat(matcher.find()).as("a CSRF token in the page").isTrue();
		String token = (matcher.group(1) != null) ? matcher.group(1) : matcher.group(2);
		return URLEncoder.encode(token, StandardCharsets.UTF_8);
	}

}
