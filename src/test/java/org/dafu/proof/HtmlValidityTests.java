package org.dafu.proof;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.dafu.proof.NuHtmlChecker.Message;
import org.dafu.proof.ProofData.Fixture;
import org.dafu.proof.ProofData.Who;
import org.dafu.proof.ProofPages.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of {@link ProofPages}, as the server sends it, passes the Nu Html Checker
 * without errors.
 */
@ProofTest
class HtmlValidityTests {

	/** One signed-in HTTP client per account, kept for the whole class. */
	private static final Map<String, HttpPages> CLIENTS = new ConcurrentHashMap<>();

	@LocalServerPort
	int port;

	@Autowired
	ProofData data;

	static List<Page> pages() {
		return ProofPages.ALL;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("pages")
	void isValidHtml(Page page) throws Exception {
		Fixture fixture = this.data.shared();
		String path = page.path().apply(fixture);
		HttpResponse<String> response = client(fixture.username(page.who())).get(path);
		assertThat(response.statusCode()).as("status of %s", path).isEqualTo(page.status());
		assertThat(response.headers().firstValue("Content-Type")).as("type of %s", path)
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		List<Message> errors = NuHtmlChecker.get().errors(response.body());
		assertThat(errors)
			.withFailMessage(() -> path + ": " + errors.size() + " HTML error(s)\n"
					+ errors.stream().map((e) -> "  " + e).collect(Collectors.joining("\n")))
			.isEmpty();
	}

	/**
	 * The import preview answers a POST, so it is not in the page table: the sample
	 * letter is posted as the paste form would, and the preview the server answers is
	 * checked.
	 */
	@Test
	void theImportPreviewIsValidHtml() throws Exception {
		Fixture fixture = this.data.shared();
		ProofData.Letter letter = this.data.letter(fixture.scenario());
		HttpResponse<String> response = client(fixture.username(Who.OFFICIAL)).post("/workspace/unit/import",
				"/workspace/unit/import/preview", Map.of("text", letter.text()));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains(letter.indexNumber()).contains("import-warning");
		List<Message> errors = NuHtmlChecker.get().errors(response.body());
		assertThat(errors)
			.withFailMessage(() -> "import preview: " + errors.size() + " HTML error(s)\n"
					+ errors.stream().map((e) -> "  " + e).collect(Collectors.joining("\n")))
			.isEmpty();
	}

	@Test
	void theCheckerReportsErrorsInABrokenPage() {
		String broken = "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>坏</title></head>"
				+ "<body><p id=\"a\">一</p><p id=\"a\">二</p><ul><div>三</div></ul></body></html>";
		assertThat(NuHtmlChecker.get().errors(broken)).extracting(Message::message)
			.anySatisfy((m) -> assertThat(m).contains("Duplicate ID"))
			.anySatisfy((m) -> assertThat(m).contains("Element “div” not allowed as child of element “ul”"));
	}

	private HttpPages client(String username) throws Exception {
		if (username == null) {
			return HttpPages.anonymous(this.port);
		}
		HttpPages client = CLIENTS.get(username);
		if (client == null) {
			client = HttpPages.signedIn(this.port, username, ProofData.PASSWORD);
			CLIENTS.put(username, client);
		}
		return client;
	}

}
