package org.dafu.platform.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a real server with one request at work at a time: while it works, a page that is not
 * cached waits, and past the limit it is the 503 error page in the viewer's language with
 * {@code Retry-After} (the API's answer too); a cached page, a static file and the health
 * endpoint are answered meanwhile; once the turn is returned pages answer again.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "dafu.work-limit.permits=1", "dafu.work-limit.max-wait=300ms" })
class WorkLimitTests {

	@LocalServerPort
	int port;

	@Autowired
	FilterRegistrationBean<WorkLimitFilter> registration;

	final HttpClient http = HttpClient.newHttpClient();

	final CountDownLatch release = new CountDownLatch(1);

	@AfterEach
	void releaseHeld() {
		this.release.countDown();
	}

	@Test
	void whileAllTurnsAreTakenUncachedPagesAnswer503AndTheRestAnswers() throws Exception {
		assertThat(get("/", null).statusCode()).as("the home page, now cached").isEqualTo(200);
		WorkLimitFilter filter = this.registration.getFilter();
		CompletableFuture<Void> held = CompletableFuture.runAsync(() -> {
			try {
				filter.doFilter(new MockHttpServletRequest("GET", "/held"), new MockHttpServletResponse(),
						(request, response) -> hold());
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (filter.atWork() == 0) {
			assertThat(System.nanoTime()).as("the held request is at work").isLessThan(deadline);
			Thread.onSpinWait();
		}

		HttpResponse<String> busy = get("/units", null);
		assertThat(busy.statusCode()).isEqualTo(503);
		assertThat(busy.headers().firstValue("Retry-After")).contains("5");
		assertThat(busy.body()).contains("服务暂时不可用", "系统繁忙").doesNotContain("Exception");
		HttpResponse<String> english = get("/statistics", "dafu-lang=en");
		assertThat(english.statusCode()).isEqualTo(503);
		assertThat(english.body()).contains("Service temporarily unavailable", "The system is busy");
		HttpResponse<String> api = get("/api/v1/replies", null);
		assertThat(api.statusCode()).isEqualTo(503);
		assertThat(api.headers().firstValue("Retry-After")).contains("5");
		assertThat(api.body()).contains("\"status\":503").doesNotContain("Exception");

		assertThat(get("/", null).statusCode()).as("a cached page does not wait").isEqualTo(200);
		assertThat(get("/actuator/health", null).statusCode()).as("the health endpoint").isEqualTo(200);
		assertThat(get("/css/dafu.css", null).statusCode()).as("a static file").isEqualTo(200);

		this.release.countDown();
		held.get(30, TimeUnit.SECONDS);
		assertThat(get("/units", null).statusCode()).as("the turn was returned").isEqualTo(200);
	}

	private void hold() {
		try {
			this.release.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private HttpResponse<String> get(String path, String cookie) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", path.startsWith("/api/") ? "application/json"
					: path.startsWith("/actuator/") ? "*/*" : "text/html");
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
