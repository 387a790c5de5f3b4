package org.dafu.opendata;

import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;

import org.dafu.access.Role;
import org.dafu.access.Viewer;
import org.dafu.account.AccountService;
import org.dafu.reply.DisclosureMode;
import org.dafu.reply.ReplyCorrections;
import org.dafu.reply.ReplyKind;
import org.dafu.reply.ReplyReview;
import org.dafu.reply.ReplyService;
import org.dafu.reply.ReplyView;
import org.dafu.reply.ResultClass;
import org.dafu.testing.AsViewer;
import org.dafu.testing.RawHttp;
import org.dafu.testing.RawHttp.Answer;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Open data as outside tools see it, on a real server with raw requests (compression is
 * Tomcat's, and HEAD bodies are dropped by it): HEAD answers as GET, CORS opens open data
 * to every origin without credentials and nothing else, validators give 304s, JSON and
 * feeds are gzipped while HTML pages are not, Atom ids are {@code tag:} URIs, the
 * sitemap's lastmod and the feed's updated are the last public change, and {@code since}
 * selects what changed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestDataConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenDataHttpTests {

	static final String PASSWORD = "open data http passphrase";

	static final String ORIGIN = "Origin: https://reuse.example";

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	ReplyService replies;

	@Autowired
	ReplyCorrections corrections;

	@Autowired
	ReplyReview review;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	Scenario s;

	long reply;

	String indexNumber;

	String official;

	@BeforeAll
	void publish() {
		this.s = this.data.scenario();
		this.reply = this.data.issued(this.s, DisclosureMode.PROACTIVE, "开放数据" + this.s.n());
		for (int i = 0; i < 5; i++) {
			this.data.issued(this.s, DisclosureMode.PROACTIVE, "开放数据其他" + i + "号" + this.s.n());
		}
		this.indexNumber = this.replies.readable(Viewer.anonymous(), this.reply).indexNumber();
		this.official = "opendata" + TestData.unique();
		AsViewer.call(Viewer.coordinator("boss"),
				() -> this.accounts.create(this.official, PASSWORD, Role.OFFICIAL, this.s.unitId(), null));
	}

	List<String> openData() {
		long unit = this.s.unitId();
		return List.of("/sitemap.xml", "/robots.txt", "/replies.csv?unit=" + unit, "/replies.atom?unit=" + unit,
				"/v3/api-docs", "/api/v1/replies?unit=" + unit, "/api/v1/replies/" + this.reply,
				"/api/v1/replies/index/" + this.indexNumber, "/api/v1/sessions/" + this.s.sessionId() + "/statistics");
	}

	Answer head(String path, String... headers) throws Exception {
		StringBuilder head = new StringBuilder("HEAD " + path + " HTTP/1.1\r\nHost: localhost");
		for (String header : headers) {
			head.append("\r\n").append(header);
		}
		return RawHttp.send(this.port, head.toString(), new byte[0]);
	}

	Answer options(String path, String... headers) throws Exception {
		StringBuilder head = new StringBuilder("OPTIONS " + path + " HTTP/1.1\r\nHost: localhost");
		for (String header : headers) {
			head.append("\r\n").append(header);
		}
		return RawHttp.send(this.port, head.toString(), new byte[0]);
	}

	String basic() {
		return "Authorization: Basic "
				+ Base64.getEncoder().encodeToString((this.official + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * curl -I: the sitemap, a reply page and the CSV (and every other open-data route).
	 */
	@Test
	void headAnswersAsGetWithoutABody() throws Exception {
		List<String> paths = new java.util.ArrayList<>(openData());
		paths.addAll(List.of("/", "/replies", "/replies/" + this.reply, "/replies/index/" + this.indexNumber,
				"/search?q=" + URLEncoder.encode("开放数据", StandardCharsets.UTF_8), "/replies/999999999",
				"/api/v1/replies/999999999", "/account"));
		for (String path : paths) {
			Answer get = RawHttp.get(this.port, path);
			Answer head = head(path);
			assertThat(head.status()).as("HEAD " + path).isEqualTo(get.status());
			assertThat(head.body()).as("HEAD " + path).isEmpty();
			assertThat(head.header("Content-Type")).as("HEAD " + path).isEqualTo(get.header("Content-Type"));
		}
		// the same validators and caching headers: open data, and a page from the page
		// cache
		for (String path : List.of("/api/v1/replies/" + this.reply, "/replies.atom", "/replies/" + this.reply)) {
			RawHttp.get(this.port, path);
			Answer get = RawHttp.get(this.port, path);
			Answer head = head(path);
			assertThat(head.header("ETag")).as("HEAD " + path).isNotNull().isEqualTo(get.header("ETag"));
			assertThat(head.header("Cache-Control")).as("HEAD " + path).isEqualTo(get.header("Cache-Control"));
		}
		for (String path : List.of("/sitemap.xml", "/replies/index/" + this.indexNumber, "/replies.csv")) {
			assertThat(head(path).status()).as("curl -I " + path).isEqualTo(200);
		}
	}

	@Test
	void openDataIsReadableFromAnyOriginWithoutCredentials() throws Exception {
		for (String path : openData()) {
			Answer answer = RawHttp.get(this.port, path, ORIGIN);
			assertThat(answer.status()).as(path).isEqualTo(200);
			assertThat(answer.header("Access-Control-Allow-Origin")).as(path).isEqualTo("*");
			assertThat(answer.header("Access-Control-Allow-Credentials")).as(path).isNull();
			assertThat(answer.header("Access-Control-Expose-Headers")).as(path).contains("ETag");
			Answer preflight = options(path, ORIGIN, "Access-Control-Request-Method: GET",
					"Access-Control-Request-Headers: if-none-match");
			assertThat(preflight.status()).as("preflight " + path).isIn(200, 204);
			assertThat(preflight.header("Access-Control-Allow-Origin")).as("preflight " + path).isEqualTo("*");
			assertThat(preflight.header("Access-Control-Allow-Methods")).as("preflight " + path).contains("GET");
		}
	}

	@Test
	void nothingSignedInNorAnyWriteIsOpenedToOtherOrigins() throws Exception {
		String replies = "/api/v1/replies?unit=" + this.s.unitId();
		// a signed-in API client (HTTP Basic) and a browser that sends its cookies
		Answer signedIn = RawHttp.get(this.port, replies, ORIGIN, basic());
		assertThat(signedIn.status()).isEqualTo(200);
		assertThat(signedIn.header("Access-Control-Allow-Origin")).isNull();
		Answer withCookie = RawHttp.get(this.port, replies, ORIGIN, "Cookie: JSESSIONID=0123456789ABCDEF");
		assertThat(withCookie.header("Access-Control-Allow-Origin")).isNull();
		// pages, signed-in pages and their preflights
		for (String path : List.of("/", "/replies/" + this.reply, "/account", "/workspace")) {
			assertThat(RawHttp.get(this.port, path, ORIGIN).header("Access-Control-Allow-Origin")).as(path).isNull();
			Answer preflight = options(path, ORIGIN, "Access-Control-Request-Method: GET");
			assertThat(preflight.status()).as("preflight " + path).isEqualTo(403);
			assertThat(preflight.header("Access-Control-Allow-Origin")).as("preflight " + path).isNull();
		}
		// the write API: its preflight is refused, and so is a write from another origin
		Answer preflight = options("/api/v1/imports", ORIGIN, "Access-Control-Request-Method: POST",
				"Access-Control-Request-Headers: authorization, content-type, x-requested-by");
		assertThat(preflight.status()).isEqualTo(403);
		assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
		Answer write = RawHttp.send(this.port,
				"POST /api/v1/imports HTTP/1.1\r\nHost: localhost\r\n" + ORIGIN + "\r\n" + basic()
						+ "\r\nX-Requested-By: x\r\nContent-Type: application/json\r\nContent-Length: 2",
				"{}".getBytes(StandardCharsets.UTF_8));
		assertThat(write.status()).isEqualTo(403);
		assertThat(write.header("Access-Control-Allow-Origin")).isNull();
	}

	@Test
	void conditionalRequestsGet304UntilSomethingChanges() throws Exception {
		for (String path : openData()) {
			Answer first = RawHttp.get(this.port, path);
			assertThat(first.status()).as(path).isEqualTo(200);
			String etag = first.header("ETag");
			assertThat(etag).as(path).startsWith("W/\"");
			assertThat(first.header("Last-Modified")).as(path).isNotNull();
			assertThat(first.header("Cache-Control")).as(path).isEqualTo("public, max-age=60");
			assertThat(first.header("Pragma")).as(path).isNull();
			assertThat(first.header("Vary")).as(path)
				.containsIgnoringCase("Cookie")
				.containsIgnoringCase("Authorization");

			Answer again = RawHttp.get(this.port, path, "If-None-Match: " + etag);
			assertThat(again.status()).as(path).isEqualTo(304);
			assertThat(again.body()).as(path).isEmpty();
			assertThat(again.header("ETag")).as(path).isEqualTo(etag);
			assertThat(again.header("Cache-Control")).as(path).isEqualTo("public, max-age=60");
			assertThat(head(path, "If-None-Match: " + etag).status()).as("HEAD " + path).isEqualTo(304);
			assertThat(RawHttp.get(this.port, path, "If-Modified-Since: " + first.header("Last-Modified")).status())
				.as(path)
				.isEqualTo(304);
			// another language is another representation
			assertThat(RawHttp.get(this.port, path, "If-None-Match: " + etag, "Cookie: dafu-lang=en").status()).as(path)
				.isEqualTo(200);
		}
		String list = "/api/v1/replies?unit=" + this.s.unitId();
		String etag = RawHttp.get(this.port, list).header("ETag");
		long added = this.data.issued(this.s, DisclosureMode.PROACTIVE, "开放数据新" + this.s.n());
		Answer changed = RawHttp.get(this.port, list, "If-None-Match: " + etag);
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.header("ETag")).isNotEqualTo(etag);
		assertThat(changed.body()).contains("\"id\":" + added + ",");
	}

	@Test
	void signedInAnswersAndErrorsAreNotStored() throws Exception {
		Answer signedIn = RawHttp.get(this.port, "/api/v1/replies?unit=" + this.s.unitId(), basic());
		assertThat(signedIn.status()).isEqualTo(200);
		assertThat(signedIn.header("Cache-Control")).contains("no-store");
		assertThat(signedIn.header("ETag")).isNull();
		Answer missing = RawHttp.get(this.port, "/api/v1/replies/999999999");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.header("Cache-Control")).contains("no-store");
		assertThat(missing.header("ETag")).isNull();
	}

	@Test
	void jsonAndFeedsAreGzippedHtmlPagesAreNot() throws Exception {
		String gzip = "Accept-Encoding: gzip";
		for (String path : List.of("/api/v1/replies?unit=" + this.s.unitId(), "/replies.atom?unit=" + this.s.unitId(),
				"/v3/api-docs")) {
			Answer plain = RawHttp.get(this.port, path);
			assertThat(plain.body().getBytes(StandardCharsets.UTF_8).length).as(path).isGreaterThan(1024);
			assertThat(plain.header("Content-Encoding")).as(path).isNull();
			Map<String, String> zipped = headersOf(path, gzip);
			assertThat(zipped.get(":status")).as(path).isEqualTo("200");
			assertThat(zipped.get("content-encoding")).as(path).isEqualTo("gzip");
			assertThat(zipped.get("etag")).as(path).startsWith("W/\"");
		}
		for (String path : List.of("/", "/replies/" + this.reply,
				"/search?q=" + URLEncoder.encode("开放数据", StandardCharsets.UTF_8), "/login")) {
			Answer page = RawHttp.get(this.port, path, gzip);
			assertThat(page.header("Content-Type")).as(path).startsWith("text/html");
			assertThat(page.header("Content-Encoding")).as(path).isNull();
		}
	}

	@Test
	void atomEntryIdsAreTagUrisOfTheIndexNumberWhateverTheHost() throws Exception {
		String path = "/replies.atom?unit=" + this.s.unitId();
		List<String> ids = entries(RawHttp.get(this.port, path).body()).stream().map(SyndEntry::getUri).toList();
		assertThat(ids).contains("tag:localhost,2026-01-01:reply/" + this.indexNumber)
			.allSatisfy((id) -> assertThat(id).startsWith("tag:localhost,2026-01-01:reply/"));
		Answer spoofed = RawHttp.send(this.port, "GET " + path
				+ " HTTP/1.1\r\nHost: evil.example\r\nX-Forwarded-Host: evil.example\r\nX-Forwarded-Proto: https",
				new byte[0]);
		assertThat(entries(spoofed.body()).stream().map(SyndEntry::getUri).toList()).isEqualTo(ids);
	}

	@Test
	void sitemapLastmodAndFeedUpdatedAreTheLastPublicChange() throws Exception {
		// a letter of a past year, loaded today: its lastmod is its issue, not the load
		Instant issued = Instant.parse("2022-05-10T02:00:00Z");
		long old = this.review.recordIssued(this.s.proposalId(), this.s.unitId(), ReplyKind.ORIGINAL,
				TestData.letter("往年" + this.s.n(), DisclosureMode.PROACTIVE, ResultClass.B),
				"T" + this.s.n() + "/2022-" + TestData.unique(), issued);
		String oldIndex = this.replies.readable(Viewer.anonymous(), old).indexNumber();
		assertThat(lastmods().get(oldIndex)).isEqualTo("2022-05-10T02:00:00Z");
		assertThat(updated().get(oldIndex)).isEqualTo(issued);

		// corrected: both move to the correction
		ReplyView view = this.replies.readable(this.s.official(), old);
		AsViewer.run(this.s.official(), () -> this.corrections.correct(this.s.official(), old, view.version(),
				TestData.letter("往年更正" + this.s.n(), DisclosureMode.PROACTIVE, ResultClass.B), "更正错字"));
		Instant corrected = this.jdbc.sql("select max(corrected_at) from reply_correction where reply_id = :id")
			.param("id", old)
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
		assertThat(updated().get(oldIndex)).isEqualTo(corrected.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
		assertThat(lastmods().get(oldIndex)).isEqualTo(java.time.format.DateTimeFormatter.ISO_INSTANT
			.format(corrected.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));

		// withdrawn and made public again: both move to the disclosure change (from a
		// last change set far back, so that the move shows within the same second)
		this.jdbc.sql("update reply set public_changed_at = :t where id = :id")
			.param("t", java.sql.Timestamp.from(Instant.parse("2023-01-01T00:00:00Z")))
			.param("id", old)
			.update();
		assertThat(lastmods().get(oldIndex)).isEqualTo("2023-01-01T00:00:00Z");
		Viewer coordinator = Viewer.coordinator("boss");
		AsViewer.run(coordinator, () -> {
			this.corrections.withdraw(coordinator, old, this.replies.readable(coordinator, old).version(),
					DisclosureMode.ON_REQUEST, "暂不公开");
			this.corrections.redisclose(coordinator, old, this.replies.readable(coordinator, old).version(), "重新公开");
		});
		assertThat(lastmods()).containsKey(oldIndex);
		assertThat(updated().get(oldIndex))
			.isAfterOrEqualTo(corrected.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
		assertThat(lastmods().get(oldIndex))
			.isEqualTo(java.time.format.DateTimeFormatter.ISO_INSTANT.format(updated().get(oldIndex)));
	}

	@Test
	void sinceSelectsWhatChangedAndAMalformedOneIsRefused() throws Exception {
		long earlier = this.data.issued(this.s, DisclosureMode.PROACTIVE, "早先" + this.s.n());
		long later = this.data.issued(this.s, DisclosureMode.PROACTIVE, "后来" + this.s.n());
		this.jdbc.sql("update reply set public_changed_at = :t, created_at = :t where id = :id")
			.param("t", java.sql.Timestamp.from(Instant.parse("2020-03-01T00:00:00Z")))
			.param("id", earlier)
			.update();
		this.jdbc.sql("update reply set public_changed_at = :t where id = :id")
			.param("t", java.sql.Timestamp.from(Instant.parse("2030-03-01T00:00:00Z")))
			.param("id", later)
			.update();
		String unit = "unit=" + this.s.unitId();
		for (String since : List.of("2030-01-01", "2029-12-31T16:00:00Z", "2030-01-01T00:00",
				"2030-01-01T00:00:00%2B08:00", "2030-01-01T00:00:00+08:00")) {
			String body = RawHttp.get(this.port, "/api/v1/replies?size=100&" + unit + "&since=" + since).body();
			assertThat(body).as(since).contains("\"id\":" + later + ",").doesNotContain("\"id\":" + earlier + ",");
			assertThat(body).as(since).contains("\"total\":1");
			List<String> entries = entries(RawHttp.get(this.port, "/replies.atom?" + unit + "&since=" + since).body())
				.stream()
				.map(SyndEntry::getLink)
				.toList();
			assertThat(entries).as(since).containsExactly(link(later));
		}
		String all = RawHttp.get(this.port, "/api/v1/replies?size=100&" + unit + "&since=2020-01-01").body();
		assertThat(all).contains("\"id\":" + later + ",").contains("\"id\":" + earlier + ",");
		// the next page asks for the same changes
		String paged = RawHttp.get(this.port, "/api/v1/replies?size=1&" + unit + "&since=2020-01-01").body();
		assertThat(paged).containsPattern("\"next\":\"[^\"]*since=2019-12-31T16%3A00%3A00Z");
		for (String bad : List.of("yesterday", "2030-13-01", "2030-01-01T25:00Z")) {
			Answer refused = RawHttp.get(this.port, "/api/v1/replies?" + unit + "&since=" + bad);
			assertThat(refused.status()).as(bad).isEqualTo(400);
			assertThat(refused.body()).as(bad).contains("since");
			assertThat(RawHttp.get(this.port, "/replies.atom?" + unit + "&since=" + bad).status()).as(bad)
				.isEqualTo(400);
		}
	}

	String link(long id) {
		return "http://localhost/replies/index/" + this.replies.readable(Viewer.anonymous(), id).indexNumber();
	}

	/** The status (as ":status") and headers (names in lower case) of a raw GET. */
	Map<String, String> headersOf(String target, String... headers) throws Exception {
		StringBuilder head = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: localhost");
		for (String header : headers) {
			head.append("\r\n").append(header);
		}
		try (java.net.Socket socket = new java.net.Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(30_000);
			socket.getOutputStream().write((head + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
			Map<String, String> parsed = new java.util.HashMap<>();
			String[] lines = raw.substring(0, raw.indexOf("\r\n\r\n")).split("\r\n");
			parsed.put(":status", lines[0].split(" ")[1]);
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				parsed.merge(lines[i].substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT),
						lines[i].substring(colon + 1).trim(), (a, b) -> a + ", " + b);
			}
			return parsed;
		}
	}

	/** The sitemap's lastmod by 索引号. */
	Map<String, String> lastmods() throws Exception {
		String xml = RawHttp.get(this.port, "/sitemap.xml").body();
		Matcher m = Pattern.compile("<loc>http://localhost/replies/index/([^<]+)</loc><lastmod>([^<]+)</lastmod>")
			.matcher(xml);
		Map<String, String> lastmods = new java.util.HashMap<>();
		while (m.find()) {
			lastmods.put(m.group(1), m.group(2));
		}
		return lastmods;
	}

	/** The feed entries' updated by 索引号. */
	Map<String, Instant> updated() throws Exception {
		String xml = RawHttp.get(this.port, "/replies.atom?unit=" + this.s.unitId()).body();
		return entries(xml).stream()
			.collect(Collectors.toMap((e) -> e.getUri().substring(e.getUri().indexOf(":reply/") + 7),
					(e) -> e.getUpdatedDate().toInstant(), (a, b) -> a));
	}

	static List<SyndEntry> entries(String xml) throws Exception {
		SyndFeed feed = new SyndFeedInput().build(new StringReader(xml));
		return feed.getEntries();
	}

}
