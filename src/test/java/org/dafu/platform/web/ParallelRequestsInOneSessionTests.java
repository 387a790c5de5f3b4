package org.dafu.platform.web;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.dafu.access.Role;
import org.dafu.access.Viewer;
import org.dafu.account.AccountService;
import org.dafu.reply.DisclosureMode;
import org.dafu.reply.ReplyDrafting;
import org.dafu.reply.ReplyKind;
import org.dafu.reply.ReplyReview;
import org.dafu.reply.ReplyService;
import org.dafu.reply.ResultClass;
import org.dafu.testing.AsViewer;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several requests of one session at once (two tabs, a double click) on a real server
 * with the sessions in PostgreSQL, as in production (the test default keeps container
 * sessions). A test filter holds the requests after each has loaded the session, so that
 * all of them start from the same stored session and then write the same new attribute
 * (the flash message of the redirect): none may answer 5xx, and the work is done once.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.autoconfigure.exclude=")
@Import({ TestDataConfiguration.class, ParallelRequestsInOneSessionTests.Together.class })
class ParallelRequestsInOneSessionTests {

	static final String PASSWORD = "Parallel tabs, one session 7";

	static final int PARALLEL = 4;

	static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	AccountService accounts;

	@Autowired
	ReplyService replies;

	@Autowired
	ReplyReview review;

	@Autowired
	ReplyDrafting drafting;

	@Autowired
	JdbcTemplate jdbc;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@AfterEach
	void release() {
		Together.barrier = null;
	}

	@Test
	void fourParallelFollowsOfOneProposalAnswerWithoutErrorAndSaveOneFollow() throws Exception {
		Scenario s = this.data.scenario();
		String name = "par" + s.n();
		AsViewer.run(Viewer.coordinator("parboss"),
				() -> this.accounts.create(name, PASSWORD, Role.DEPUTY, null, s.bystanderId()));
		String cookie = signIn(name);
		HttpResponse<String> page = send("GET", "/following", cookie, null, false);
		assertThat(page.statusCode()).isEqualTo(200);
		Map<String, String> form = new LinkedHashMap<>(hidden(page.body(), "id=\"follow-proposal-form\""));
		form.put("proposalId", String.valueOf(s.proposalId()));

		List<Integer> statuses = together("POST", "/following", cookie, form);

		assertThat(statuses).as("statuses").hasSize(PARALLEL).allSatisfy((status) -> assertThat(status).isEqualTo(302));
		assertThat(this.jdbc.queryForObject("select count(*) from follow where username = ? and proposal_id = ?",
				Long.class, name, s.proposalId()))
			.as("one follow")
			.isEqualTo(1);
		assertThat(send("GET", "/following", cookie, null, false).statusCode()).as("the session lives on")
			.isEqualTo(200);
	}

	@Test
	void fourParallelFollowUpPostsAnswerWithoutServerError() throws Exception {
		Scenario s = this.data.scenario();
		long id = this.drafting.createDraft(s.official(), s.proposalId(), ReplyKind.ORIGINAL,
				TestData.letter("并发跟踪" + s.n(), DisclosureMode.PROACTIVE, ResultClass.B));
		long reply = this.review.issue(s.official(), id, this.replies.readable(s.official(), id).version()).id();
		String name = "parofficial" + s.n();
		AsViewer.run(Viewer.coordinator("parboss"),
				() -> this.accounts.create(name, PASSWORD, Role.OFFICIAL, s.unitId(), null));
		String cookie = signIn(name);
		HttpResponse<String> page = send("GET", "/workspace/unit/follow-ups/" + reply + "/new", cookie, null, false);
		assertThat(page.statusCode()).isEqualTo(200);
		Map<String, String> form = new LinkedHashMap<>(hidden(page.body(), "id=\"follow-up-form\""));
		form.put("opening", "");
		form.put("heading", "一、进展");
		form.put("body", "项目已开工。");
		form.put("resultClass", "A");

		List<Integer> statuses = together("POST", "/workspace/unit/follow-ups/" + reply, cookie, form);

		assertThat(statuses).as("statuses")
			.hasSize(PARALLEL)
			.allSatisfy((status) -> assertThat(status).isLessThan(500));
		assertThat(statuses).as("at least one was issued").contains(302);
	}

	/**
	 * Sends the same request {@link #PARALLEL} times at once, held together after the
	 * session loads.
	 */
	private List<Integer> together(String method, String path, String cookie, Map<String, String> form)
			throws Exception {
		Together.barrier = new CyclicBarrier(PARALLEL);
		List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
		for (int i = 0; i < PARALLEL; i++) {
			sent.add(this.http.sendAsync(request(method, path, cookie, form, true),
					HttpResponse.BodyHandlers.ofString()));
		}
		List<Integer> statuses = new ArrayList<>();
		for (CompletableFuture<HttpResponse<String>> response : sent) {
			statuses.add(response.get(60, TimeUnit.SECONDS).statusCode());
		}
		assertThat(Together.barrier.isBroken()).as("the requests were held together").isFalse();
		return statuses;
	}

	private String signIn(String name) throws IOException, InterruptedException {
		HttpResponse<String> loginPage = send("GET", "/login", null, null, false);
		String before = sessionCookie(loginPage);
		HttpResponse<String> signedIn = send("POST", "/login", before, Map.of("username", name, "password", PASSWORD,
				"_csrf", hidden(loginPage.body(), "action=\"/login\"").get("_csrf")), false);
		assertThat(signedIn.statusCode()).as("signed in").isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
		String after = sessionCookie(signedIn);
		assertThat(after).as("a session cookie").isNotNull();
		return after;
	}

	/** The hidden fields of the form holding {@code marker} (e.g. its id). */
	private static Map<String, String> hidden(String page, String marker) {
		int at = page.indexOf(marker);
		assertThat(at).as("a form with " + marker).isPositive();
		String form = page.substring(page.lastIndexOf("<form", at), page.indexOf("</form>", at));
		Map<String, String> fields = new LinkedHashMap<>();
		Matcher m = HIDDEN.matcher(form);
		while (m.find()) {
			fields.put(m.group(1), m.group(2).replace("&amp;", "&"));
		}
		assertThat(fields).as("a CSRF token").containsKey("_csrf");
		return fields;
	}

	private HttpRequest request(String method, String path, String cookie, Map<String, String> form, boolean together) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		if (together) {
			request.header(Together.HEADER, "yes");
		}
		if (form != null) {
			String body = form.entrySet()
				.stream()
				.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
						+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
			request.header("Content-Type", "application/x-www-form-urlencoded")
				.method(method, HttpRequest.BodyPublishers.ofString(body));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return request.build();
	}

	private HttpResponse<String> send(String method, String path, String cookie, Map<String, String> form,
			boolean together) throws IOException, InterruptedException {
		return this.http.send(request(method, path, cookie, form, together), HttpResponse.BodyHandlers.ofString());
	}

	private static String sessionCookie(HttpResponse<String> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((c) -> c.startsWith("SESSION="))
			.map((c) -> c.split(";", 2)[0])
			.findFirst()
			.orElse(null);
	}

	/**
	 * Holds the marked requests, once each has loaded its session from the database,
	 * until all of them have: they then run on from the same stored state, as requests
	 * that arrive together do.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class Together {

		static final String HEADER = "X-Test-Together";

		static volatile CyclicBarrier barrier;

		@Bean
		FilterRegistrationBean<OncePerRequestFilter> togetherFilter() {
			FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
					new OncePerRequestFilter() {
						@Override
						protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
								FilterChain chain) throws ServletException, IOException {
							CyclicBarrier held = barrier;
							if (held != null && request.getHeader(HEADER) != null) {
								request.getSession(false);
								try {
									held.await(30, TimeUnit.SECONDS);
								}
								catch (InterruptedException ex) {
									Thread.currentThread().interrupt();
								}
								catch (BrokenBarrierException | TimeoutException ex) {
									// reported by the test (isBroken)
								}
							}
							chain.doFilter(request, response);
						}
					});
			// after Spring Session's filter (which loads the session), before the rest
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1000);
			return registration;
		}

	}

}
