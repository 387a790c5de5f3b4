package org.dafu.opendata;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;

import org.dafu.generated.client.ApiClient;
import org.dafu.generated.client.ApiException;
import org.dafu.generated.client.api.RepliesApi;
import org.dafu.generated.client.api.StatisticsApi;
import org.dafu.generated.client.model.Problem;
import org.dafu.generated.client.model.ReplyDetail;
import org.dafu.generated.client.model.ReplyItem;
import org.dafu.generated.client.model.ReplyPage;
import org.dafu.generated.client.model.Statistics;
import org.dafu.reply.DisclosureMode;
import org.dafu.reply.ReplyService;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The API's contract, on a real server. The OpenAPI description the app serves is the
 * committed {@code src/test/resources/openapi/dafu-api.json}; from that file the build
 * validates the spec and generates a Java client (openapi-generator-maven-plugin,
 * generate-test-sources), which these tests use as a client of the live app would, with
 * no hand-written HTTP: paging by following {@code next}, search, detail, statistics and
 * errors. Raw answers, good and bad, are checked against the spec's schemas (networknt
 * json-schema-validator, OpenAPI 3.0 dialect).
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

	@Autowired
	TestData data;

	@Autowired
	ReplyService replyService;

	Scenario s;

	String word;

	List<Long> published = new ArrayList<>();

	long hidden;

	RepliesApi replies;

	StatisticsApi statistics;

	JsonNode spec;

	@BeforeAll
	void publish() throws Exception {
		this.s = this.data.scenario();
		this.word = TestData.cjkWord();
		for (int i = 0; i < 3; i++) {
			this.published.add(this.data.issued(this.s, DisclosureMode.PROACTIVE, this.word));
		}
		this.hidden = this.data.issued(this.s, DisclosureMode.ON_REQUEST, this.word);
		ApiClient client = new ApiClient();
		client.updateBaseUri("http://localhost:" + this.port);
		// a property the spec does not declare fails the call instead of being dropped
		client.getObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
		this.replies = new RepliesApi(client);
		this.statistics = new StatisticsApi(client);
		this.spec = JSON.readTree(Files.readString(COMMITTED));
	}

	@Test
	void theServedDescriptionIsTheCommittedOne() throws Exception {
		HttpResponse<String> response = get("/v3/api-docs", "application/json");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode served = JSON.readTree(response.body());
		Files.createDirectories(SERVED.getParent());
		Files.writeString(SERVED, JSON.writeValueAsString(served) + "\n");
		assertThat(served.equals(this.spec))
			.as("/v3/api-docs differs from %s: if the change is meant, copy %s over it", COMMITTED, SERVED)
			.isTrue();
	}

	@Test
	void pagingByFollowingNextKeepsSizeQueryAndSort() throws Exception {
		ReplyPage first = this.replies.searchReplies(this.word, null, null, this.s.unitId(), null, "A", null, "date",
				null, 2, null);
		assertThat(first.getTotal()).isEqualTo(3);
		assertThat(first.getSize()).isEqualTo(2);
		assertThat(first.getItems()).hasSize(2);
		assertThat(first.getNext()).contains("size=2").contains("unit=" + this.s.unitId()).contains("sort=date");
		ReplyPage second = follow(first.getNext());
		assertThat(second.getPage()).isEqualTo(2);
		assertThat(second.getItems()).hasSize(1);
		assertThat(second.getNext()).isNull();
		List<Long> ids = new ArrayList<>();
		first.getItems().forEach((i) -> ids.add(i.getId()));
		second.getItems().forEach((i) -> ids.add(i.getId()));
		assertThat(ids).containsExactlyInAnyOrderElementsOf(this.published).doesNotContain(this.hidden);
		ReplyItem item = first.getItems().get(0);
		assertThat(item.getUnitId()).isEqualTo(this.s.unitId());
		assertThat(item.getSessionId()).isEqualTo(this.s.sessionId());
		assertThat(item.getResultClass()).isEqualTo(ReplyItem.ResultClassEnum.A);
		assertThat(item.getHighlight()).contains("<mark>" + this.word + "</mark>");
	}

	@Test
	void detailByIdAndByIndexNumberAndStatistics() throws Exception {
		long id = this.published.get(0);
		ReplyDetail detail = this.replies.getReply(id);
		assertThat(detail.getId()).isEqualTo(id);
		assertThat(detail.getUnitId()).isEqualTo(this.s.unitId());
		assertThat(detail.getProposal().getSessionId()).isEqualTo(this.s.sessionId());
		assertThat(detail.getStatus()).isEqualTo(ReplyDetail.StatusEnum.ISSUED);
		assertThat(detail.getSections()).isNotEmpty();
		assertThat(detail.getSections().get(0).getBody()).isNotBlank();
		assertThat(detail.getSections().get(0).getFigures()).isNotEmpty();
		String[] index = detail.getIndexNumber().split("/", 2);
		assertThat(this.replies.getReplyByIndexNumber(index[0], index[1]).getId()).isEqualTo(id);
		Statistics stats = this.statistics.getSessionStatistics(this.s.sessionId());
		assertThat(stats.getSessionId()).isEqualTo(this.s.sessionId());
		assertThat(stats.getRates().getReplied()).isPositive();
		assertThat(stats.getRates().getSatisfactionRate()).isNull();
		assertThat(stats.getRates().getSatisfactionWithheld()).isNotNull();
	}

	@Test
	void errorsAreProblemsTheClientReads() throws Exception {
		Problem missing = problem(catchThrowableOfType(ApiException.class, () -> this.replies.getReply(this.hidden)),
				404);
		assertThat(missing.getDetail()).isNotBlank().doesNotContain(this.word);
		problem(catchThrowableOfType(ApiException.class, () -> this.statistics.getSessionStatistics(999_999_999L)),
				404);
		Problem result = problem(catchThrowableOfType(ApiException.class,
				() -> this.replies.searchReplies(null, null, null, null, null, "Z", null, null, null, null, null)),
				400);
		assertThat(result.getParameter()).isEqualTo("result");
		assertThat(result.getAllowed()).contains("A, B, C, D");
		Problem size = problem(catchThrowableOfType(ApiException.class,
				() -> this.replies.searchReplies(null, null, null, null, null, null, null, null, null, 100_000, null)),
				400);
		assertThat(size.getParameter()).isEqualTo("size");
		Problem sort = problem(catchThrowableOfType(ApiException.class,
				() -> this.replies.searchReplies(null, null, null, null, null, null, null, "foo", null, null, null)),
				400);
		assertThat(sort.getAllowed()).contains("relevance, date");
		Problem since = problem(catchThrowableOfType(ApiException.class,
				() -> this.replies.searchReplies(null, null, null, null, null, null, null, null, null, null, "昨天")),
				400);
		assertThat(since.getParameter()).isEqualTo("since");
	}

	/**
	 * Every answer, good or bad, as the spec describes it for its operation and status.
	 */
	@Test
	void rawAnswersMatchTheSpecsSchemas() throws Exception {
		long id = this.published.get(0);
		check("/api/v1/replies", "/api/v1/replies?q=" + enc(this.word) + "&size=2", 200);
		check("/api/v1/replies", "/api/v1/replies?size=100", 200);
		check("/api/v1/replies/{id}", "/api/v1/replies/" + id, 200);
		check("/api/v1/sessions/{id}/statistics", "/api/v1/sessions/" + this.s.sessionId() + "/statistics", 200);
		check("/api/v1/replies/{id}", "/api/v1/replies/" + this.hidden, 404);
		check("/api/v1/replies/{id}", "/api/v1/replies/abc", 400);
		check("/api/v1/sessions/{id}/statistics", "/api/v1/sessions/999999999/statistics", 404);
		for (String bad : List.of("result=Z", "year=abcd", "unit=x", "sort=foo", "page=-1", "size=100000", "session=0",
				"q=%EF%BC%8C%EF%BC%8C")) {
			JsonNode problem = check("/api/v1/replies", "/api/v1/replies?" + bad, 400);
			assertThat(problem.path("parameter").asString()).isEqualTo(bad.substring(0, bad.indexOf('=')));
		}
		// a client that accepts only problems gets a 406 problem, never a list labelled
		// as one
		HttpResponse<String> onlyProblems = get("/api/v1/replies", "application/problem+json");
		assertThat(onlyProblems.statusCode()).isEqualTo(406);
		assertThat(onlyProblems.headers().firstValue("Content-Type").orElseThrow())
			.startsWith("application/problem+json");
		// a browser asking for an API address that fails still gets a problem
		HttpResponse<String> browser = get("/api/v1/replies/" + this.hidden,
				"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
		assertThat(browser.statusCode()).isEqualTo(404);
		assertThat(browser.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		validate(browser.body(), "#/components/schemas/Problem");
		// the HTML pages keep their HTML error page
		HttpResponse<String> page = get("/replies/" + this.hidden, "text/html");
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
		// a write without credentials: 401 problem
		HttpResponse<String> unsigned = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/imports/preview"))
				.header("Content-Type", "text/plain")
				.header("X-Requested-By", "contract-test")
				.POST(HttpRequest.BodyPublishers.ofString("x"))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(unsigned.statusCode()).isEqualTo(401);
		assertThat(unsigned.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		validate(unsigned.body(), "#/components/schemas/Problem");
	}

	private ReplyPage follow(String next) throws ApiException {
		MultiValueMap<String, String> query = UriComponentsBuilder.fromUriString(next).build().getQueryParams();
		assertThat(next).startsWith("http://localhost/api/v1/replies?");
		return this.replies.searchReplies(decoded(query, "q"), number(query, "session"), integer(query, "year"),
				number(query, "unit"), number(query, "topic"), decoded(query, "result"), decoded(query, "region"),
				decoded(query, "sort"), integer(query, "page"), integer(query, "size"), decoded(query, "since"));
	}

	private static String decoded(MultiValueMap<String, String> query, String name) {
		String value = query.getFirst(name);
		return (value != null) ? java.net.URLDecoder.decode(value, StandardCharsets.UTF_8) : null;
	}

	private static Long number(MultiValueMap<String, String> query, String name) {
		String value = query.getFirst(name);
		return (value != null) ? Long.valueOf(value) : null;
	}

	private static Integer integer(MultiValueMap<String, String> query, String name) {
		String value = query.getFirst(name);
		return (value != null) ? Integer.valueOf(value) : null;
	}

	/** The problem of a failed call, read with the generated model. */
	private static Problem problem(ApiException ex, int status) throws Exception {
		assertThat(ex).isNotNull();
		assertThat(ex.getCode()).isEqualTo(status);
		assertThat(ex.getResponseHeaders().firstValue("Content-Type").orElseThrow())
			.startsWith("application/problem+json");
		Problem problem = new ApiClient().getObjectMapper().readValue(ex.getResponseBody(), Problem.class);
		assertThat(problem.getStatus()).isEqualTo(status);
		return problem;
	}

	/**
	 * Asks for {@code uri}, expects {@code status}, and checks that the spec declares
	 * that status and the answer's media type for the operation at {@code template}, and
	 * that the body matches the declared schema.
	 */
	private JsonNode check(String template, String uri, int status) throws Exception {
		HttpResponse<String> response = get(uri, "application/json");
		assertThat(response.statusCode()).as(uri).isEqualTo(status);
		JsonNode declared = this.spec.path("paths").path(template).path("get").path("responses").path("" + status);
		assertThat(declared.isMissingNode()).as("%s declares %d", template, status).isFalse();
		if (declared.has("$ref")) {
			declared = this.spec.at(declared.get("$ref").asString().substring(1));
		}
		String type = response.headers().firstValue("Content-Type").orElseThrow().split(";")[0].strip();
		JsonNode media = declared.path("content").path(type);
		assertThat(media.isMissingNode()).as("%s %d declares %s", template, status, type).isFalse();
		validate(response.body(), media.path("schema").path("$ref").asString());
		return JSON.readTree(response.body());
	}

	private void validate(String body, String ref) {
		ObjectNode root = JSON.createObjectNode();
		root.put("$ref", ref);
		root.set("components", this.spec.get("components"));
		Schema schema = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30()).getSchema(root);
		List<Error> errors = schema.validate(JSON.readTree(body));
		assertThat(errors).as("%s against %s", body, ref).isEmpty();
	}

	private HttpResponse<String> get(String uri, String accept) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(base() + uri)).header("Accept", accept).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

	private static String enc(String text) {
		return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
