package org.dafu.importing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.DeserializationFeature;

import org.dafu.access.Viewer;
import org.dafu.account.AccountService;
import org.dafu.access.Role;
import org.dafu.congress.CongressService;
import org.dafu.generated.client.ApiClient;
import org.dafu.generated.client.ApiException;
import org.dafu.generated.client.api.ImportsApi;
import org.dafu.generated.client.model.ImportLetter;
import org.dafu.testing.AsViewer;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The import API through the client generated from the committed OpenAPI description
 * (opendata/ApiContractTests): the documented text/plain body, the X-Requested-By header
 * and HTTP Basic are enough to preview a letter, and the answer has no property the spec
 * does not declare.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestDataConfiguration.class)
class ImportApiContractTests {

	private static final String PASSWORD = "Import-Contract-Passw0rd!";

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	CongressService congress;

	@Autowired
	AccountService accounts;

	@Test
	void anOfficialPreviewsThroughTheGeneratedClient() throws Exception {
		Scenario s = this.data.scenario();
		String official = "importcontract" + TestData.unique();
		asCoordinator(() -> this.accounts.create(official, PASSWORD, Role.OFFICIAL, s.unitId(), null));
		ImportLetters.Letter letter = ImportLetters.assigned(this.congress, this.data, s.unitId());
		ImportLetter parsed = client(official).previewImport("contract-test", letter.text());
		assertThat(parsed.getMetadata().getIndexNumber()).isEqualTo(letter.indexNumber());
		assertThat(parsed.getProposal().getNumber()).isEqualTo(letter.number());
		assertThat(parsed.getSections()).isNotEmpty();
		assertThat(parsed.getFigures()).isNotEmpty();
		ApiException anonymous = catchThrowableOfType(ApiException.class,
				() -> client(null).previewImport("contract-test", letter.text()));
		assertThat(anonymous.getCode()).isEqualTo(401);
		assertThat(anonymous.getResponseHeaders().firstValue("Content-Type").orElseThrow())
			.startsWith("application/problem+json");
	}

	private ImportsApi client(String username) {
		ApiClient client = new ApiClient();
		client.updateBaseUri("http://localhost:" + this.port);
		client.getObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
		if (username != null) {
			String basic = Base64.getEncoder()
				.encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
			client.setRequestInterceptor((request) -> request.header("Authorization", "Basic " + basic));
		}
		return new ImportsApi(client);
	}

	private static <T> T asCoordinator(Supplier<T> action) {
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(AsViewer.authenticationOf(Viewer.coordinator("boss")));
		SecurityContextHolder.setContext(context);
		try {
			return action.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

}
