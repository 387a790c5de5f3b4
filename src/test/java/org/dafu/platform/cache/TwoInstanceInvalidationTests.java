package org.dafu.platform.cache;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;

import org.dafu.DafuApplication;
import org.dafu.access.Viewer;
import org.dafu.congress.CongressService;
import org.dafu.proposal.ProposalService;
import org.dafu.reply.DisclosureMode;
import org.dafu.reply.ReplyCorrections;
import org.dafu.reply.ReplyDrafting;
import org.dafu.reply.ReplyReview;
import org.dafu.reply.ReplyService;
import org.dafu.reply.ReplyView;
import org.dafu.reply.ResultClass;
import org.dafu.testing.AsViewer;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.unit.UnitService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two app instances on one database, each following the public change log by itself (read
 * once a second, as in production): a draft saved on one leaves the public pages cached
 * on both (counted as pages served from memory, not timed); a reply issued on one is on
 * its page, in the list, in search and in the feed at once there and, as soon as the
 * other has read the log, there too; a correction empties the corrected reply's page and
 * not another reply's, on both.
 */
class TwoInstanceInvalidationTests {

	/**
	 * How long the other instance may take to read the log (it reads it every second).
	 */
	private static final long PATIENCE_MILLIS = 20_000;

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	private final HttpClient visitor = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

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
				"--dafu.page-cache.version-check-interval=1s");
	}

	@Test
	void aDraftSavedOnOneInstanceLeavesThePublicPagesCachedOnBoth() throws Exception {
		Scenario s = asCoordinator(() -> data(first).scenario());
		long issued = asCoordinator(() -> data(first).issued(s, DisclosureMode.PROACTIVE, "草稿不扰"));
		long draft = asCoordinator(() -> data(first).draft(s, "草稿一"));
		for (ConfigurableApplicationContext instance : List.of(first, second)) {
			warm(instance, "/replies/" + issued);
			warm(instance, "/replies");
		}
		long logged = newest();
		ReplyView view = first.getBean(ReplyService.class).readable(s.official(), draft);
		first.getBean(ReplyDrafting.class)
			.editDraft(s.official(), draft, view.version(),
					TestData.letter("草稿二", DisclosureMode.PROACTIVE, ResultClass.B));
		assertThat(newest()).as("a draft's save is no public change").isEqualTo(logged);
		for (ConfigurableApplicationContext instance : List.of(first, second)) {
			// whatever the log holds now has been read
			instance.getBean(PublicChangeLog.class).refresh();
			PageCache cache = instance.getBean(PageCache.class);
			long hits = cache.hits();
			assertThat(get(instance, "/replies/" + issued).statusCode()).isEqualTo(200);
			assertThat(get(instance, "/replies").statusCode()).isEqualTo(200);
			assertThat(cache.hits()).as("both pages from memory").isEqualTo(hits + 2);
		}
	}

	@Test
	void aReplyIssuedOnOneInstanceIsOnItsPageInTheListSearchAndFeedOnBoth() throws Exception {
		String word = TestData.cjkWord();
		Scenario s = asCoordinator(() -> data(first).scenario());
		long draft = asCoordinator(() -> data(first).draft(s, word));
		String search = "/search?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8);
		String feed = "/replies.atom?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8);
		String link = "href=\"/replies/" + draft + "\"";
		for (ConfigurableApplicationContext instance : List.of(first, second)) {
			assertThat(get(instance, "/replies/" + draft).statusCode()).isEqualTo(404);
			assertThat(warm(instance, "/replies")).doesNotContain(link);
			assertThat(get(instance, search).body()).doesNotContain(link);
			assertThat(get(instance, feed).body()).doesNotContain("/replies/" + draft);
		}
		ReplyService replies = first.getBean(ReplyService.class);
		ReplyView issued = first.getBean(ReplyReview.class)
			.issue(s.official(), draft, replies.readable(s.official(), draft).version());
		String index = issued.indexNumber();

		// at once on the instance that issued it
		assertThat(get(first, "/replies/" + draft).body()).contains(index);
		assertThat(get(first, "/replies").body()).contains(link);
		assertThat(get(first, search).body()).contains(index);
		assertThat(get(first, feed).body()).contains(index);
		// on the other as soon as it has read the log
		await(second, "/replies/" + draft, (r) -> r.statusCode() == 200 && r.body().contains(index));
		await(second, "/replies", (r) -> r.body().contains(link));
		await(second, search, (r) -> r.body().contains(index));
		await(second, feed, (r) -> r.body().contains(index));
	}

	@Test
	void aCorrectionEmptiesTheCorrectedReplysPageButNotAnothersOnBothInstances() throws Exception {
		Scenario s = asCoordinator(() -> data(first).scenario());
		long corrected = asCoordinator(() -> data(first).issued(s, DisclosureMode.PROACTIVE, "待更正"));
		long other = asCoordinator(() -> data(first).issued(s, DisclosureMode.PROACTIVE, "不相干"));
		for (ConfigurableApplicationContext instance : List.of(first, second)) {
			warm(instance, "/replies/" + corrected);
			warm(instance, "/replies/" + other);
		}
		ReplyService replies = first.getBean(ReplyService.class);
		ReplyView view = replies.readable(s.official(), corrected);
		first.getBean(ReplyCorrections.class)
			.correct(s.official(), corrected, view.version(),
					TestData.letter("已更正", DisclosureMode.PROACTIVE, view.resultClass()), "错别字");
		await(first, "/replies/" + corrected, (r) -> r.body().contains("已更正"));
		await(second, "/replies/" + corrected, (r) -> r.body().contains("已更正"));
		for (ConfigurableApplicationContext instance : List.of(first, second)) {
			instance.getBean(PublicChangeLog.class).refresh();
			PageCache cache = instance.getBean(PageCache.class);
			long hits = cache.hits();
			assertThat(get(instance, "/replies/" + other).body()).contains("不相干");
			assertThat(cache.hits()).as("the other reply's page from memory").isEqualTo(hits + 1);
		}
	}

	/** Requests the page until it is served from memory; returns its body. */
	private String warm(ConfigurableApplicationContext instance, String path) throws Exception {
		PageCache cache = instance.getBean(PageCache.class);
		// what was committed before (the test's own data) is read now, not between the
		// two requests
		instance.getBean(PublicChangeLog.class).refresh();
		HttpResponse<String> response = get(instance, path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		long hits = cache.hits();
		HttpResponse<String> again = get(instance, path);
		assertThat(again.body()).isEqualTo(response.body());
		assertThat(cache.hits()).as(path + " from memory").isEqualTo(hits + 1);
		// the security headers of the first answer, once each, however it was answered
		for (String header : List.of("Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options",
				"Referrer-Policy")) {
			assertThat(again.headers().allValues(header)).as(header)
				.isEqualTo(response.headers().allValues(header))
				.hasSize(1);
		}
		return response.body();
	}

	private void await(ConfigurableApplicationContext instance, String path, Predicate<HttpResponse<String>> condition)
			throws Exception {
		long until = System.currentTimeMillis() + PATIENCE_MILLIS;
		HttpResponse<String> response = get(instance, path);
		while (!condition.test(response) && System.currentTimeMillis() < until) {
			Thread.sleep(100);
			response = get(instance, path);
		}
		assertThat(condition.test(response)).as(path + " on " + base(instance) + ": " + response.statusCode()).isTrue();
	}

	private HttpResponse<String> get(ConfigurableApplicationContext instance, String path) throws Exception {
		return this.visitor.send(HttpRequest.newBuilder(URI.create(base(instance) + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static String base(ConfigurableApplicationContext context) {
		return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
	}

	private static long newest() {
		return first.getBean(JdbcTemplate.class).queryForObject("select max(id) from public_change", Long.class);
	}

	private static TestData data(ConfigurableApplicationContext instance) {
		return new TestData(instance.getBean(CongressService.class), instance.getBean(UnitService.class),
				instance.getBean(ProposalService.class), instance.getBean(ReplyDrafting.class),
				instance.getBean(ReplyReview.class));
	}

	private static <T> T asCoordinator(java.util.function.Supplier<T> action) {
		SecurityContextHolder.getContext().setAuthentication(AsViewer.authenticationOf(Viewer.coordinator("boss")));
		try {
			return action.get();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
