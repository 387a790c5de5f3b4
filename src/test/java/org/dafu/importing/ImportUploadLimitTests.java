package org.dafu.importing;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import org.dafu.access.Role;
import org.dafu.access.Viewer;
import org.dafu.account.AccountService;
import org.dafu.testing.AsViewer;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 20 MB upload against the real server: the multipart limit stops it before any
 * controller, and the official still gets the import page with a clear message (the API a
 * JSON error), not an error page, a reset connection or a CSRF refusal.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestDataConfiguration.class)
class ImportUploadLimitTests {

	private static final String PASSWORD = "Upload-Limit-Passw0rd!";

	private static final String BOUNDARY = "----dafu-import-test";

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aTwentyMegabyteUploadGetsTheImportPageWithAMessage() throws Exception {
		Scenario s = this.data.scenario();
		String official = account(s.unitId());
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		Document login = Jsoup.parse(get(browser, "/login").body());
		String form = "username=" + official + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
				+ "&_csrf=" + URLEncoder.encode(login.select("input[name=_csrf]").val(), StandardCharsets.UTF_8);
		HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(url("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		Document start = Jsoup.parse(get(browser, "/workspace/unit/import").body());
		String action = start.getElementById("import-upload").attr("action");
		String token = start.select("#import-upload input[name=_csrf]").val();
		Map<String, Long> before = ImportTestSupport.counts(this.jdbc);

		HttpResponse<String> response = browser.send(HttpRequest.newBuilder(url(action))
			.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			.POST(HttpRequest.BodyPublishers.ofByteArray(multipart("big.txt", 20 * 1024 * 1024, token)))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(413);
		Document page = Jsoup.parse(response.body());
		assertThat(page.getElementById("import-error").text()).isEqualTo("文件过大：答复函不能超过 2 MB。");
		assertThat(page.getElementById("import-upload")).isNotNull();
		assertThat(ImportTestSupport.counts(this.jdbc)).isEqualTo(before);
	}

	@Test
	void aTwentyMegabyteUploadToTheApiGetsAJsonError() throws Exception {
		Scenario s = this.data.scenario();
		String official = account(s.unitId());
		HttpClient client = HttpClient.newHttpClient();

		HttpResponse<String> response = client.send(HttpRequest.newBuilder(url("/api/v1/imports/preview"))
			.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			.header("X-Requested-By", "import-upload-limit-tests")
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString((official + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers.ofByteArray(multipart("big.docx", 20 * 1024 * 1024, null)))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("\"error\":\"TOO_LARGE\"").contains("2 MB");
	}

	private HttpResponse<String> get(HttpClient client, String path) throws Exception {
		return client.send(HttpRequest.newBuilder(url(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI url(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	/** A file part, then the CSRF token (if any) as a browser sends the upload form. */
	private static byte[] multipart(String filename, int size, String csrfToken) {
		byte[] content = new byte[size];
		Arrays.fill(content, (byte) 'a');
		ByteArrayOutputStream out = new ByteArrayOutputStream(size + 512);
		out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		out.writeBytes(content);
		if (csrfToken != null) {
			out.writeBytes(
					("\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrfToken)
						.getBytes(StandardCharsets.UTF_8));
		}
		out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}

	private String account(long unitId) {
		String name = "upload" + TestData.unique();
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(AsViewer.authenticationOf(Viewer.coordinator("boss")));
		SecurityContextHolder.setContext(context);
		try {
			this.accounts.create(name, PASSWORD, Role.OFFICIAL, unitId, null);
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
		return name;
	}

}
