package org.dafu.opendata;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's contract, on a real server: the OpenAPI description the app serves is the
 * committed {@code src/test/resources/openapi/dafu-api.json}, from which the build
 * validates the spec and generates a Java client (openapi-generator-maven-plugin).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestDataConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiContractTests {

	static final Path COMMITTED = Path.of("src/test/resources/openapi/dafu-api.json");

	static final Path SERVED = Path.of("target/openapi/dafu-api.json");

	static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	@LocalServerPort
	int port;

	@Test
	void theServedDescriptionIsTheCommittedOne() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/v3/api-docs")).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode served = JSON.readTree(response.body());
		Files.createDirectories(SERVED.getParent());
		Files.writeString(SERVED, JSON.writeValueAsString(served) + "\n");
		assertThat(served.equals(JSON.readTree(Files.readString(COMMITTED))))
			.as("/v3/api-docs differs from %s: if the change is meant, copy %s over it", COMMITTED, SERVED)
			.isTrue();
	}

}
