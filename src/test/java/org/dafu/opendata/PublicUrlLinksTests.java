package org.dafu.opendata;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dafu.reply.DisclosureMode;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Absolute links come from {@code dafu.public-url} (the tests set
 * {@code http://localhost}), never from the request: a spoofed {@code Host} or
 * {@code X-Forwarded-Host} (Tomcat takes it from a proxy address, and the test client is
 * one) changes nothing in robots.txt, the sitemap, the Atom feed, the CSV or the API.
 * Real server, raw requests: the headers are exactly what an attacker sends.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestDataConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicUrlLinksTests {

	static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>,]+");

	/** Spoofed host headers, alone and together. */
	static final List<List<String>> SPOOFS = List.of(List.of(), List.of("X-Forwarded-Host: evil.example"),
			List.of("X-Forwarded-Host: evil.example:8443", "X-Forwarded-Proto: https", "X-Forwarded-For: 203.0.113.9"));

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	Scenario s;

	long reply;

	@BeforeAll
	void publish() {
		this.s = this.data.scenario();
		this.reply = this.data.issued(this.s, DisclosureMode.PROACTIVE, "链接" + this.s.n());
		this.data.issued(this.s, DisclosureMode.PROACTIVE, "链接二" + this.s.n());
	}

	@Test
	void spoofedHostHeadersChangeNoAbsoluteLink() throws Exception {
		long unit = this.s.unitId();
		List<String> paths = List.of("/robots.txt", "/sitemap.xml", "/replies.atom?unit=" + unit,
				"/replies.csv?unit=" + unit, "/api/v1/replies?unit=" + unit + "&size=1",
				"/api/v1/replies/" + this.reply);
		for (String path : paths) {
			Answer honest = RawHttp.get(this.port, path);
			assertThat(honest.status()).as(path).isEqualTo(200);
			List<String> links = links(honest.body());
			assertThat(links).as(path)
				.isNotEmpty()
				.allSatisfy((link) -> assertThat(link).startsWith("http://localhost/"));
			for (List<String> spoof : SPOOFS) {
				String[] headers = spoof.toArray(String[]::new);
				Answer spoofed = RawHttp.send(this.port,
						"GET " + path + " HTTP/1.1\r\nHost: evil.example" + join(headers), new byte[0]);
				assertThat(spoofed.status()).as(path + " " + spoof).isEqualTo(200);
				assertThat(spoofed.body()).as(path + " " + spoof).doesNotContain("evil.example");
				assertThat(links(spoofed.body())).as(path + " " + spoof).isEqualTo(links);
			}
		}
	}

	@Test
	void theApiNextPageLinkUsesThePublicAddressToo() throws Exception {
		Answer page = RawHttp.send(this.port, "GET /api/v1/replies?unit=" + this.s.unitId()
				+ "&size=1 HTTP/1.1\r\nHost: evil.example\r\nX-Forwarded-Host: evil.example", new byte[0]);
		assertThat(page.body()).contains("\"next\":\"http://localhost/api/v1/replies?").doesNotContain("evil");
	}

	@Test
	void redirectsNameAPathNotTheSpoofedHost() throws Exception {
		Answer redirect = RawHttp.send(this.port,
				"GET /account HTTP/1.1\r\nHost: evil.example\r\nX-Forwarded-Host: evil.example", new byte[0]);
		assertThat(redirect.status()).isEqualTo(302);
		assertThat(redirect.header("Location")).isEqualTo("/login");
	}

	private static String join(String[] headers) {
		StringBuilder joined = new StringBuilder();
		for (String header : headers) {
			joined.append("\r\n").append(header);
		}
		return joined.toString();
	}

	/** Every absolute link of a body, leaving out XML namespace names. */
	private static List<String> links(String body) {
		Matcher matcher = LINK.matcher(body);
		List<String> links = new java.util.ArrayList<>();
		while (matcher.find()) {
			String link = matcher.group();
			if (!link.matches("http://(www\\.w3\\.org|www\\.sitemaps\\.org|purl\\.org)/.*")) {
				links.add(link);
			}
		}
		return links;
	}

}
