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
 * An address nothing answers, outside the signed-in areas, is the 404 page with status
 * 404, not a redirect to sign-in; the signed-in areas still send whoever is not signed in
 * to sign in, known address or not; and a registered route that no rule classifies is
 * still denied (deny by default). A real server, as a browser sees it (MockMvc does not
 * dispatch to the error page).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class UnknownAddressTests {

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", "text/html")
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void unknownPublicAddressesAnswerTheNotFoundPage() throws Exception {
		for (String path : List.of("/nonexistent", "/nonexistent/deeper/still", "/replies/abc/xyz", "/replies/abc",
				"/sessions/1/nothing", "/units/abc", "/deputies/-1", "/index.php", "/wp-login.php?x=1",
				"/replies/999999999999999999999", "/sessions/0/proposals/0", "/.env")) {
			HttpResponse<String> response = send("GET", path);
			assertThat(response.statusCode()).as(path).isEqualTo(404);
			assertThat(response.headers().firstValue("Location")).as(path).isEmpty();
			assertThat(response.body()).as(path).contains("找不到该页面");
			ErrorBodyTests.assertGeneric(response, 404);
			assertThat(send("HEAD", path).statusCode()).as("HEAD " + path).isEqualTo(404);
		}
	}

	@Test
	void signedInAreasStillAskForSigningInKnownAddressOrNot() throws Exception {
		for (String path : List.of("/workspace", "/workspace/nonexistent", "/workspace/coordinator/nothing/here",
				"/workspace/unit/nothing", "/my", "/my/nonexistent", "/account", "/account/nonexistent",
				"/notifications/nonexistent", "/following/x")) {
			HttpResponse<String> response = send("GET", path);
			assertThat(response.statusCode()).as(path).isEqualTo(302);
			assertThat(response.headers().firstValue("Location").orElse("")).as(path).endsWith("/login");
		}
	}

	@Test
	void aRegisteredRouteNoRuleClassifiesStaysDenied() throws Exception {
		HttpResponse<String> response = send("GET", ProbeController.UNCLASSIFIED);
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElse("")).endsWith("/login");
		assertThat(response.body()).doesNotContain(ProbeController.SECRET);
		// for another method it exists too: not an unknown address either
		assertThat(send("DELETE", ProbeController.UNCLASSIFIED).statusCode()).isIn(302, 403);
	}

	@Test
	void writesToUnknownAddressesNeedTheTokenAsAnyWrite() throws Exception {
		assertThat(send("POST", "/nonexistent").statusCode()).isEqualTo(403);
	}

	/** A route registered outside every prefix SecurityConfiguration classifies. */
	@RestController
	static class ProbeController {

		static final String UNCLASSIFIED = "/unclassified-probe/secret";

		static final String SECRET = "unclassified-secret-body";

		@GetMapping(UNCLASSIFIED)
		String secret() {
			return SECRET;
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Probe {

		@Bean
		ProbeController unclassifiedProbeController() {
			return new ProbeController();
		}

	}

}
