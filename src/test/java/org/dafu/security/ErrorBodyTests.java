package org.dafu.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Promise 16 of docs/security.md: errors are generic and carry a correlation id; no stack
 * trace, SQL, class or package names (and, promise 15, error answers carry the security
 * headers). Runs a real server (MockMvc does not dispatch to the error page), forces
 * exceptions, and reads the bodies as a browser and as an API client would.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ErrorBodyTests {

	/** What a leaking error body would contain. */
	static final List<String> INTERNALS = List.of("org.dafu", "java.", "jakarta.", "Exception", "\tat ", "select ",
			"SELECT ", "secret_column", "ProbeController", "springframework", "hibernate", "postgres");

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	HttpResponse<String> get(String path, String accept, String contentType) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", accept);
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		return this.http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	static void assertGeneric(HttpResponse<String> response, int status) {
		String where = response.request().uri() + " (" + response.headers().firstValue("Content-Type").orElse("") + ")";
		assertThat(response.statusCode()).as(where).isEqualTo(status);
		String body = response.body();
		for (String internal : INTERNALS) {
			assertThat(body).as(where + " leaks " + internal).doesNotContain(internal);
		}
		// promise 15: error answers carry the security headers too
		assertThat(response.headers().firstValue("Content-Security-Policy")).as(where)
			.hasValueSatisfying(
					(csp) -> assertThat(csp).contains("frame-ancestors 'none'").doesNotContain("unsafe-inline"));
		assertThat(response.headers().firstValue("X-Content-Type-Options")).as(where).hasValue("nosniff");
		assertThat(response.headers().firstValue("X-Frame-Options")).as(where).hasValue("DENY");
		assertThat(response.headers().firstValue("Referrer-Policy")).as(where)
			.hasValue("strict-origin-when-cross-origin");
	}

	@Test
	void anUnexpectedExceptionGivesAGenericPageWithACorrelationId() throws Exception {
		HttpResponse<String> page = get(ProbeController.THROWS, "text/html", null);
		assertGeneric(page, 500);
		assertThat(page.body()).contains("error-box").containsPattern("[0-9a-f]{8}");
		HttpResponse<String> json = get(ProbeController.THROWS, "application/json", null);
		assertGeneric(json, 500);
		assertThat(json.body()).containsPattern("\"correlationId\":\"[0-9a-f]{8}\"")
			.doesNotContain("\"message\"")
			.doesNotContain("\"trace\"")
			.doesNotContain("\"exception\"");
	}

	@Test
	void malformedIdsAndParametersGiveGenericErrors() throws Exception {
		for (String accept : List.of("text/html", "application/json")) {
			// a page number that is not a number: a type conversion failure
			assertGeneric(get("/sessions/1?page=%27%3Bselect", accept, null), 400);
			// an id that matches no route, and one too long for a long
			assertGeneric(get("/replies/abc", accept, null), 404);
			assertGeneric(get("/replies/9999999999999999999", accept, null), 404);
			// a missing reply, as the domain answers it
			assertGeneric(get("/replies/999999999999999", accept, null), 404);
			// the API (JSON only: a client that accepts only HTML gets 406, RFC 9110
			// §15.5.7)
			assertGeneric(get("/api/v1/sessions/999999999999999/statistics", accept, null),
					accept.equals("text/html") ? 406 : 404);
		}
		HttpResponse<String> json = get("/replies/abc", "application/json", null);
		assertThat(json.body()).containsPattern("\"correlationId\":\"[0-9a-f]{8}\"");
	}

	@Test
	void anUnsupportedMediaTypeGivesAGenericError() throws Exception {
		for (String accept : List.of("text/html", "application/json")) {
			assertGeneric(get(ProbeController.JSON_ONLY, accept, "application/x-evil"), 415);
		}
	}

	/** A route that fails the way a bug would: an exception naming SQL and classes. */
	@RestController
	static class ProbeController {

		static final String THROWS = "/sessions/error-body-probe/throws";

		static final String JSON_ONLY = "/sessions/error-body-probe/json";

		@GetMapping(THROWS)
		String fail() {
			throw new IllegalStateException(
					"select secret_column from reply where id = 1 at org.dafu.reply.ReplyService java.lang.Object");
		}

		@GetMapping(path = JSON_ONLY, consumes = "application/json")
		String json() {
			return "{}";
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Probe {

		@Bean
		ProbeController errorBodyProbeController() {
			return new ProbeController();
		}

	}

}
