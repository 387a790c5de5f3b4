package org.dafu.security;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.dafu.testing.RawHttp;
import org.dafu.testing.RawHttp.Answer;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answers Tomcat gives before a request reaches Spring (and Spring Security's header
 * writers) carry the security headers of every page and a generic body: a request line it
 * cannot decode, an illegal character in it, a header section over the limit, a form over
 * {@code server.tomcat.max-http-form-post-size}. Real server, raw socket: a client
 * library would refuse to send these requests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestDataConfiguration.class)
class ContainerErrorHeadersTests {

	@LocalServerPort
	int port;

	static void assertSecured(Answer answer, int status, String what) {
		assertThat(answer.status()).as(what + ": " + answer.headers()).isEqualTo(status);
		assertThat(answer.header("Content-Security-Policy")).as(what)
			.isNotNull()
			.contains("default-src 'self'")
			.contains("frame-ancestors 'none'")
			.doesNotContain("unsafe-inline");
		assertThat(answer.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
		assertThat(answer.header("X-Frame-Options")).as(what).isEqualTo("DENY");
		assertThat(answer.header("Referrer-Policy")).as(what).isEqualTo("strict-origin-when-cross-origin");
		for (String internal : ErrorBodyTests.INTERNALS) {
			assertThat(answer.body()).as(what + " leaks " + internal).doesNotContain(internal);
		}
		assertThat(answer.body()).as(what).doesNotContain("Apache Tomcat").doesNotContain("<style");
	}

	@Test
	void anUndecodablePathGets400WithTheHeaders() throws Exception {
		Answer answer = RawHttp.get(this.port, "/%");
		assertSecured(answer, 400, "/%");
		assertThat(answer.body()).contains("请求格式有误").contains("malformed");
	}

	@Test
	void anIllegalCharacterInTheRequestLineGets400WithTheHeaders() throws Exception {
		assertSecured(RawHttp.get(this.port, "/replies{x}"), 400, "/replies{x}");
		assertSecured(RawHttp.send(this.port, "GET /<script> HTTP/1.1\r\nHost: localhost", new byte[0]), 400,
				"/<script>");
	}

	@Test
	void anUndecodableQueryGets400WithTheHeaders() throws Exception {
		assertSecured(RawHttp.get(this.port, "/?a=%zz"), 400, "/?a=%zz");
		assertSecured(RawHttp.get(this.port, "/search?q=%zz"), 400, "/search?q=%zz");
	}

	@Test
	void anOversizedHeaderGets400WithTheHeaders() throws Exception {
		assertSecured(RawHttp.get(this.port, "/", "X-Padding: " + "a".repeat(64 * 1024)), 400, "oversized header");
	}

	@Test
	void aFormOverTheLimitGets413WithTheHeaders() throws Exception {
		// server.tomcat.max-http-form-post-size is 8MB
		byte[] form = new byte[9 * 1024 * 1024];
		Arrays.fill(form, (byte) 'a');
		System.arraycopy("q=".getBytes(StandardCharsets.US_ASCII), 0, form, 0, 2);
		Answer answer = RawHttp.send(this.port,
				"POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
						+ "Content-Length: " + form.length,
				form);
		assertSecured(answer, 413, "oversized form");
	}

	@Test
	void pagesStillCarryEachHeaderOnceAndSpringSecuritysCacheControl() throws Exception {
		Answer page = RawHttp.get(this.port, "/statistics");
		assertSecured(page, 200, "/statistics");
		assertThat(page.header("Cache-Control")).isEqualTo("no-cache, no-store, max-age=0, must-revalidate");
		assertThat(page.header("Pragma")).isEqualTo("no-cache");
		Answer style = RawHttp.get(this.port, "/css/dafu.css");
		assertThat(style.status()).isEqualTo(200);
		assertThat(style.header("Cache-Control")).contains("max-age=604800");
		assertThat(style.header("X-Content-Type-Options")).isEqualTo("nosniff");
	}

}
