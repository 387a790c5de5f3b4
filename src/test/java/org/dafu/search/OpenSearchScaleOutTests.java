package org.dafu.search;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.dafu.DafuApplication;
import org.dafu.access.Viewer;
import org.dafu.congress.CongressService;
import org.dafu.platform.web.Paging;
import org.dafu.proposal.ProposalService;
import org.dafu.reply.DisclosureMode;
import org.dafu.reply.ReplyDrafting;
import org.dafu.reply.ReplyReview;
import org.dafu.reply.ReplyService;
import org.dafu.testing.AsViewer;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.unit.UnitService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two app instances on one database and one OpenSearch node, as in docker-compose.yml: a
 * reply issued on the first is found by search on the second, and it was indexed exactly
 * once although both instances' agents process the shared outbox.
 */
class OpenSearchScaleOutTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	@BeforeAll
	static void startTwoInstances() {
		first = instance();
		second = instance();
	}

	@AfterAll
	static void stopThem() {
		if (second != null) {
			second.close();
		}
		if (first != null) {
			first.close();
		}
	}

	private static ConfigurableApplicationContext instance() {
		return new SpringApplicationBuilder(DafuApplication.class).run("--server.port=0", "--server.address=127.0.0.1",
				"--dafu.search.backend=opensearch", "--dafu.search.opensearch.url=" + OpenSearchNode.get().url(),
				"--dafu.page-cache.version-check-interval=0s");
	}

	@Test
	void aReplyIssuedOnOneInstanceIsFoundOnTheOtherAndIndexedOnce() throws Exception {
		JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
		// both instances take part in the indexing, each with its own share of the events
		// (by entity id hash): the running agents have settled on distinct shards
		// covering
		// them all, so an event belongs to exactly one agent
		await("the agents of both instances sharing the events out").atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> jdbc.queryForList("""
					select total_shard_count, assigned_shard_index from hsearch_agent
					 where type = 'EVENT_PROCESSING_DYNAMIC_SHARDING' and state = 'RUNNING'"""), (agents) -> {
				Set<Object> shards = agents.stream()
					.map((a) -> a.get("assigned_shard_index"))
					.collect(Collectors.toSet());
				return agents.size() >= 2 && shards.size() == agents.size()
						&& agents.stream()
							.allMatch((a) -> Integer.valueOf(agents.size()).equals(a.get("total_shard_count")))
						&& shards.equals(IntStream.range(0, agents.size()).boxed().collect(Collectors.toSet()));
			});
		// every index event the application writes is noted, to be matched with the
		// writes
		// of documents (a trigger of this test, dropped at the end)
		jdbc.execute("create table test_outbox_written (entity_id varchar(256) not null)");
		jdbc.execute("""
				create function test_note_outbox_event() returns trigger language plpgsql as $$
				begin
				    insert into test_outbox_written values (new.entity_id);
				    return new;
				end;
				$$""");
		jdbc.execute("""
				create trigger test_outbox_written after insert on hsearch_outbox_event
				    for each row execute function test_note_outbox_event()""");
		try {
			issueOnOneFindOnTheOther(jdbc);
		}
		finally {
			jdbc.execute("drop trigger test_outbox_written on hsearch_outbox_event");
			jdbc.execute("drop function test_note_outbox_event()");
			jdbc.execute("drop table test_outbox_written");
		}
	}

	private void issueOnOneFindOnTheOther(JdbcTemplate jdbc) throws Exception {
		String word = TestData.cjkWord();
		long id;
		SecurityContextHolder.getContext().setAuthentication(AsViewer.authenticationOf(Viewer.coordinator("boss")));
		try {
			TestData data = new TestData(first.getBean(CongressService.class), first.getBean(UnitService.class),
					first.getBean(ProposalService.class), first.getBean(ReplyDrafting.class),
					first.getBean(ReplyReview.class));
			Scenario s = data.scenario();
			id = data.issued(s, DisclosureMode.PROACTIVE, word);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		String index = first.getBean(ReplyService.class).readable(Viewer.coordinator("boss"), id).indexNumber();
		// the second instance finds it once an agent has indexed it (a coordinator's
		// search, which no cache keeps)
		SearchCriteria criteria = new SearchCriteria(SearchQuery.parse(word).query(), null, null, null, null, null,
				null, null);
		SearchService onSecond = second.getBean(SearchService.class);
		await("the reply found on the second instance").atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> onSecond.search(Viewer.coordinator("boss"), criteria, Paging.of(1, 20))
				.items()
				.stream()
				.map(SearchHit::id)
				.toList(), (ids) -> ids.equals(List.of(id)));
		// and the public finds it there too, on the search page
		HttpResponse<String> page = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + second.getEnvironment().getProperty("local.server.port")
						+ "/search?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(index).contains("共找到 1 件");
		// exactly once: no event left for it in the outbox, one document, written once
		// for
		// each event the application wrote for it, although two agents were polling
		// (OpenSearch counts the writes of a document in its _version)
		await("the outbox emptied").atMost(Duration.ofMinutes(2))
			.until(() -> jdbc.queryForObject("select count(*) from hsearch_outbox_event where entity_id = ?",
					Long.class, String.valueOf(id)), (n) -> n == 0);
		OpenSearchIndexing.refresh();
		JsonNode found = get("/reply-read/_search?q=_id:" + id + "&version=true");
		assertThat(found.path("hits").path("total").path("value").asLong()).isEqualTo(1);
		Long events = jdbc.queryForObject("select count(*) from test_outbox_written where entity_id = ?", Long.class,
				String.valueOf(id));
		assertThat(events).isPositive();
		assertThat(found.path("hits").path("hits").get(0).path("_version").asLong()).isBetween(1L, events);
	}

	private static JsonNode get(String path) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(OpenSearchNode.get().url() + path)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

}
