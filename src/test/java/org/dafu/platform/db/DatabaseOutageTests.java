package org.dafu.platform.db;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.dafu.DafuApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database goes away and comes back. The test JVM's shared server serves every other
 * test class, so this one starts its own embedded server and its own application on it:
 * while the server is down pages answer the friendly 503 page and health says DOWN (503);
 * once it is back the app serves again by itself, with no restart.
 */
class DatabaseOutageTests {

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void pagesAnswer503WhileTheDatabaseIsDownAndRecoverWhenItReturns() throws Exception {
		Path dir = Files.createTempDirectory("dafu-pg-outage-");
		Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
		EmbeddedPostgresServer server = new EmbeddedPostgresServer(dir, true);
		server.start();
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(DafuApplication.class).run(
				"--server.port=0", "--server.address=127.0.0.1", "--spring.datasource.url=" + server.jdbcUrl(),
				"--spring.datasource.username=" + server.username(),
				"--spring.datasource.password=" + server.password())) {
			String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
			assertThat(get(base + "/").statusCode()).isEqualTo(200);
			assertThat(get(base + "/replies").statusCode()).isEqualTo(200);
			assertThat(get(base + "/actuator/health").body()).contains("\"UP\"");

			server.stop();
			// A page that is not in the page cache (cached ones are served until the next
			// content version check fails, within a second).
			HttpResponse<String> page = get(base + "/replies?page=2");
			assertThat(page.statusCode()).as(page.body()).isEqualTo(503);
			assertThat(page.body()).contains("服务暂时不可用")
				.doesNotContain("Exception")
				.doesNotContain("jdbc:")
				.doesNotContain("postgres");
			assertThat(page.headers().firstValue("Retry-After")).isPresent();
			// Whether a request meets a pooled connection that broke or finds none at
			// all.
			for (int p = 3; p <= 5; p++) {
				assertThat(get(base + "/replies?page=" + p).statusCode()).isEqualTo(503);
			}
			HttpResponse<String> english = get(base + "/?lang=en");
			assertThat(english.statusCode()).isEqualTo(503);
			assertThat(english.body()).contains("Service temporarily unavailable");
			HttpResponse<String> health = get(base + "/actuator/health");
			assertThat(health.statusCode()).isEqualTo(503);
			assertThat(health.body()).contains("\"DOWN\"");

			server.start();
			HttpResponse<String> again = get(base + "/replies");
			for (int attempt = 0; attempt < 60 && again.statusCode() != 200; attempt++) {
				Thread.sleep(1000);
				again = get(base + "/replies");
			}
			assertThat(again.statusCode()).isEqualTo(200);
			assertThat(get(base + "/actuator/health").body()).contains("\"UP\"");
		}
		finally {
			server.stop();
			try (Stream<Path> paths = Files.walk(dir)) {
				paths.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
			}
		}
	}

	private HttpResponse<String> get(String url) throws Exception {
		// Generous: the pool gives up after 3 s (application.properties).
		return this.http.send(HttpRequest.newBuilder(URI.create(url))
			.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
			.timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
