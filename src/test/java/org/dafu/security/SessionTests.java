package org.dafu.security;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

import org.dafu.testing.AsViewer;
import org.dafu.access.Role;
import org.dafu.access.Viewer;
import org.dafu.account.AccountService;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Promises 9 and 10 of docs/security.md, on a real server (cookies are the container's):
 * the session id changes at sign-in; the cookie is HttpOnly and SameSite; there is no
 * remember-me; logging out ends the session for its old cookie; sessions get the idle
 * timeout; a session older than the absolute timeout ends at its next request.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class SessionTests {

	static final String PASSWORD = "session test passphrase";

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	AccountService accounts;

	@Autowired
	Clock clock;

	@Autowired
	SessionTimeouts timeouts;

	@Value("${dafu.session.absolute-timeout}")
	Duration absoluteTimeout;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	String account() {
		Scenario s = this.data.scenario();
		String name = "sess" + s.n();
		AsViewer.call(Viewer.coordinator("sessboss"),
				() -> this.accounts.create(name, PASSWORD, Role.DEPUTY, null, s.leadDeputyId()));
		return name;
	}

	HttpResponse<String> send(String method, String path, String cookie, Map<String, String> form)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		if (form != null) {
			String body = form.entrySet()
				.stream()
				.map((e) -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
			request.header("Content-Type", "application/x-www-form-urlencoded")
				.method(method, HttpRequest.BodyPublishers.ofString(body));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	static String sessionCookie(HttpResponse<String> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((c) -> c.startsWith("JSESSIONID="))
			.findFirst()
			.orElse(null);
	}

	static String pair(String setCookie) {
		return setCookie.split(";", 2)[0];
	}

	static String token(HttpResponse<String> page) {
		Matcher m = CSRF.matcher(page.body());
		assertThat(m.find()).as("a CSRF token on " + page.uri()).isTrue();
		return m.group(1);
	}

	@Test
	void signInChangesTheSessionIdCookiesAreHttpOnlyAndSameSiteAndLogoutEndsTheSession() throws Exception {
		String name = account();
		HttpResponse<String> loginPage = send("GET", "/login", null, null);
		String before = sessionCookie(loginPage);
		assertThat(before).as("the login page starts a session for its CSRF token").isNotNull();
		HttpResponse<String> signedIn = send("POST", "/login", pair(before),
				Map.of("username", name, "password", PASSWORD, "_csrf", token(loginPage), "remember-me", "on"));
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/my");
		String after = sessionCookie(signedIn);
		assertThat(after).as("a new session id at sign-in").isNotNull();
		assertThat(pair(after)).isNotEqualTo(pair(before));
		assertThat(after).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
		assertThat(signedIn.headers().allValues("Set-Cookie")).noneMatch((c) -> c.toLowerCase().contains("remember"));

		HttpResponse<String> account = send("GET", "/account", pair(after), null);
		assertThat(account.statusCode()).isEqualTo(200);
		assertThat(send("GET", "/account", pair(before), null).statusCode()).as("the old id signs no one in")
			.isEqualTo(302);

		HttpResponse<String> out = send("POST", "/logout", pair(after), Map.of("_csrf", token(account)));
		assertThat(out.statusCode()).isEqualTo(302);
		assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
		HttpResponse<String> reused = send("GET", "/account", pair(after), null);
		assertThat(reused.statusCode()).as("the cookie of a logged-out session").isEqualTo(302);
		assertThat(reused.headers().firstValue("Location").orElseThrow()).endsWith("/login");
	}

	@Test
	void sessionsGetTheIdleTimeout() throws Exception {
		String name = account();
		HttpResponse<String> loginPage = send("GET", "/login", null, null);
		send("POST", "/login", pair(sessionCookie(loginPage)),
				Map.of("username", name, "password", PASSWORD, "_csrf", token(loginPage)));
		assertThat(this.timeouts.seconds).isNotEmpty().allSatisfy((s) -> assertThat(s).isEqualTo(30 * 60));
	}

	@Test
	void aSessionOlderThanTheAbsoluteTimeoutEndsAtItsNextRequest() throws Exception {
		String name = account();
		MockHttpSession session = (MockHttpSession) this.mvc
			.perform(post("/login").param("username", name).param("password", PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/my"))
			.andReturn()
			.getRequest()
			.getSession(false);
		String signedInAt = "org.dafu.account.SessionValidityFilter.signedInAt";
		session.setAttribute(signedInAt, this.clock.instant().minus(this.absoluteTimeout).plus(Duration.ofMinutes(5)));
		this.mvc.perform(get("/account").session(session)).andExpect(status().isOk());
		session.setAttribute(signedInAt, this.clock.instant().minus(this.absoluteTimeout).minus(Duration.ofMinutes(1)));
		this.mvc.perform(get("/account").session(session)).andExpect(redirectedUrl("/login"));
		assertThat(session.isInvalid()).isTrue();
	}

	/** Records the idle timeout the container gives each new session. */
	static class SessionTimeouts implements HttpSessionListener {

		final List<Integer> seconds = new CopyOnWriteArrayList<>();

		@Override
		public void sessionCreated(HttpSessionEvent event) {
			this.seconds.add(event.getSession().getMaxInactiveInterval());
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Listener {

		@Bean
		SessionTimeouts sessionTimeouts() {
			return new SessionTimeouts();
		}

	}

}
