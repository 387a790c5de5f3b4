package org.dafu.search;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test OpenSearch node answers over HTTP, is OpenSearch 2.19, and has the analysis
 * the OpenSearch backend's analyzer is made of: the standard tokenizer, cjk_width,
 * lowercase and cjk_bigram, so that a four-character word becomes the bigrams 2-character
 * queries find.
 */
class OpenSearchNodeTests {

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void itIsOpenSearch219() throws Exception {
		JsonNode root = call("GET", "/", null);
		assertThat(root.path("version").path("distribution").asString()).isEqualTo("opensearch");
		assertThat(root.path("version").path("number").asString()).startsWith("2.19.");
		JsonNode health = call("GET", "/_cluster/health?wait_for_status=yellow&timeout=30s", null);
		assertThat(health.path("status").asString()).isIn("green", "yellow");
	}

	@Test
	void cjkBigramsSplitAChineseWordIntoTwoCharacterTokens() throws Exception {
		JsonNode analyzed = call("POST", "/_analyze", """
				{"tokenizer": "standard", "filter": ["cjk_width", "lowercase", "cjk_bigram"], "text": "光伏发电 ＡＢＣ"}
				""");
		List<String> tokens = new ArrayList<>();
		analyzed.path("tokens").forEach((token) -> tokens.add(token.path("token").asString()));
		// full-width Latin folded to ASCII and lowercased (cjk_width, lowercase)
		assertThat(tokens).containsExactly("光伏", "伏发", "发电", "abc");
	}

	private static JsonNode call(String method, String path, String body) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(OpenSearchNode.get().url() + path))
			.header("Content-Type", "application/json");
		request.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)
				: HttpRequest.BodyPublishers.noBody());
		HttpResponse<String> response = http.send(request.build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

}
