package org.dafu.importing;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;

import org.dafu.access.Role;
import org.dafu.access.Viewer;
import org.dafu.account.AccountService;
import org.dafu.congress.CongressService;
import org.dafu.importing.ImportLetters.Letter;
import org.dafu.reply.ReplyService;
import org.dafu.reply.ReplyView;
import org.dafu.testing.AsViewer;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The import API with HTTP Basic: officials preview (nothing written) and import (201
 * with the draft's Location); everyone else is refused; bad input gets a JSON error.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class ImportApiTests {

	private static final String PASSWORD = "Import-Api-Passw0rd!";

	private static final String CLIENT_HEADER = "X-Requested-By";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	CongressService congress;

	@Autowired
	AccountService accounts;

	@Autowired
	ReplyService replies;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void anOfficialPreviewsTheSampleAsJsonAndNothingIsWritten() throws Exception {
		Scenario s = this.data.scenario();
		String official = account(Role.OFFICIAL, s.unitId(), null);
		Letter letter = ImportLetters.assigned(this.congress, this.data, s.unitId());
		Map<String, Long> before = ImportTestSupport.counts(this.jdbc);

		this.mvc
			.perform(post("/api/v1/imports/preview").contentType("text/plain; charset=UTF-8")
				.content(letter.text().getBytes(StandardCharsets.UTF_8))
				.with(httpBasic(official, PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.metadata.indexNumber").value(letter.indexNumber()))
			.andExpect(jsonPath("$.metadata.writtenDate").value("2022-11-20"))
			.andExpect(jsonPath("$.metadata.disclosureMode").value("主动公开"))
			.andExpect(jsonPath("$.metadata.catalogCategory").value("人大代表建议"))
			.andExpect(jsonPath("$.addressee").value("朱伟正等代表"))
			.andExpect(jsonPath("$.proposal.session").value(letter.session().name()))
			.andExpect(jsonPath("$.proposal.number").value(letter.number()))
			.andExpect(jsonPath("$.sections.length()").value(7))
			.andExpect(jsonPath("$.sections[0].heading").value(ImportLetters.HEADINGS.get(0)))
			.andExpect(jsonPath("$.sections[5].heading").value(ImportLetters.HEADINGS.get(5)))
			.andExpect(jsonPath("$.sections[6].kind").value("NEXT_STEPS"))
			.andExpect(jsonPath("$.sections[6].items.length()").value(3))
			.andExpect(jsonPath("$.issuer").value("衢州市人民政府办公室"))
			.andExpect(jsonPath("$.signedDate").value("2022-11-06"))
			.andExpect(jsonPath("$.figures[?(@.value == 2062.44)].unit").value(hasItem("亿元")))
			.andExpect(jsonPath("$.figures[?(@.value == 2062.44)].growthRate").value(hasItem(12.3)))
			.andExpect(jsonPath("$.figures[?(@.value == 5000 && @.unit == '亿元')].kind").value(hasItem("TARGET")))
			.andExpect(jsonPath("$.figures[?(@.value == 8.59)].taskShare").value(hasItem(130)))
			.andExpect(jsonPath("$.warnings[?(@.code == 'REGION_MISSING')].section").value(hasItem(3)))
			.andExpect(jsonPath("$.warnings[?(@.code == 'REGION_MISSING')].message")
				.value(hasItem("“并网光伏装机”的分项19.69万千瓦未写明地区，请补上。")));

		assertThat(ImportTestSupport.counts(this.jdbc)).isEqualTo(before);
	}

	@Test
	void aGbkBodyAndAWordFileArePreviewedToo() throws Exception {
		Scenario s = this.data.scenario();
		String official = account(Role.OFFICIAL, s.unitId(), null);
		Letter letter = ImportLetters.assigned(this.congress, this.data, s.unitId());

		this.mvc
			.perform(post("/api/v1/imports/preview").contentType(MediaType.TEXT_PLAIN)
				.content(letter.text().getBytes(Charset.forName("GB18030")))
				.with(httpBasic(official, PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.sections.length()").value(7))
			.andExpect(jsonPath("$.addressee").value("朱伟正等代表"));
		this.mvc
			.perform(multipart("/api/v1/imports/preview").file(new MockMultipartFile("file", "letter.docx",
					"application/octet-stream", ImportLetters.docx(letter.text())))
				.with(httpBasic(official, PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.metadata.indexNumber").value(letter.indexNumber()))
			.andExpect(jsonPath("$.sections.length()").value(7));
	}

	@Test
	void anOfficialImportsALetterAndGetsTheDraftsLocation() throws Exception {
		Scenario s = this.data.scenario();
		String official = account(Role.OFFICIAL, s.unitId(), null);
		Letter letter = ImportLetters.assigned(this.congress, this.data, s.unitId());

		String body = this.mvc
			.perform(post("/api/v1/imports").contentType("text/plain; charset=UTF-8")
				.content(letter.text().getBytes(StandardCharsets.UTF_8))
				.with(httpBasic(official, PASSWORD)))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", startsWith("/workspace/unit/replies/")))
			.andExpect(jsonPath("$.id").isNumber())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = Long.parseLong(body.replaceAll("^\\{\"id\":(\\d+).*$", "$1"));

		ReplyView draft = this.replies.readable(Viewer.official("x", s.unitId()), id);
		ImportFlowTests.assertSample(draft, s, letter);
		assertThat(
				this.jdbc.queryForObject("select source_kind from letter_import where reply_id = ?", String.class, id))
			.isEqualTo("API");

		// the same letter again (for another proposal of the unit) is refused, and
		// nothing more is written
		this.data.assignedProposal(letter.session().id(), letter.number() + 1, this.data.deputy("朱伟正"), null,
				s.unitId(), LocalDate.of(2022, 3, 1), null);
		Map<String, Long> before = ImportTestSupport.counts(this.jdbc);
		this.mvc
			.perform(post("/api/v1/imports").contentType("text/plain; charset=UTF-8")
				.content(letter.withNumber(letter.number() + 1).text().getBytes(StandardCharsets.UTF_8))
				.with(httpBasic(official, PASSWORD)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.error").value("DUPLICATE_INDEX_NUMBER"));
		assertThat(ImportTestSupport.counts(this.jdbc)).isEqualTo(before);
	}

	@Test
	void onlyOfficialsMayUseTheImportApi() throws Exception {
		Scenario s = this.data.scenario();
		String coordinator = account(Role.COORDINATOR, null, null);
		String deputy = account(Role.DEPUTY, null, s.leadDeputyId());
		byte[] text = ImportLetters.unique(this.congress).text().getBytes(StandardCharsets.UTF_8);
		Map<String, Long> before = ImportTestSupport.counts(this.jdbc);

		for (String path : new String[] { "/api/v1/imports", "/api/v1/imports/preview" }) {
			this.mvc.perform(post(path).contentType(MediaType.TEXT_PLAIN).content(text).header(CLIENT_HEADER, "test"))
				.andExpect(status().isUnauthorized());
			this.mvc
				.perform(post(path).contentType(MediaType.TEXT_PLAIN).content(text).with(httpBasic(deputy, PASSWORD)))
				.andExpect(status().isForbidden());
			this.mvc.perform(
					post(path).contentType(MediaType.TEXT_PLAIN).content(text).with(httpBasic(coordinator, PASSWORD)))
				.andExpect(status().isForbidden());
			this.mvc
				.perform(post(path).contentType(MediaType.TEXT_PLAIN)
					.content(text)
					.with(httpBasic(deputy, "wrong-password")))
				.andExpect(status().isUnauthorized());
		}
		assertThat(ImportTestSupport.counts(this.jdbc)).isEqualTo(before);
	}

	@Test
	void badInputGetsAJsonErrorAndNothingIsWritten() throws Exception {
		Scenario s = this.data.scenario();
		String official = account(Role.OFFICIAL, s.unitId(), null);
		Map<String, Long> before = ImportTestSupport.counts(this.jdbc);
		byte[] big = new byte[3 * 1024 * 1024];
		Arrays.fill(big, (byte) 'a');

		this.mvc.perform(post("/api/v1/imports").contentType(MediaType.TEXT_PLAIN).with(httpBasic(official, PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("EMPTY"));
		this.mvc
			.perform(post("/api/v1/imports/preview").contentType(MediaType.TEXT_PLAIN)
				.content(new byte[] { 'a', 0, 1, 2 })
				.with(httpBasic(official, PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("BINARY"));
		this.mvc
			.perform(post("/api/v1/imports").contentType(MediaType.TEXT_PLAIN)
				.content(big)
				.with(httpBasic(official, PASSWORD)))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(jsonPath("$.error").value("TOO_LARGE"))
			.andExpect(jsonPath("$.detail").value(containsString("2 MB")));
		this.mvc
			.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", "../../x.docx",
					"application/octet-stream", "not a zip".getBytes(StandardCharsets.UTF_8)))
				.with(httpBasic(official, PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("NOT_DOCX"));
		this.mvc
			.perform(post("/api/v1/imports").contentType(MediaType.TEXT_PLAIN)
				.param("lang", "en")
				.content("no letter here at all".getBytes(StandardCharsets.UTF_8))
				.with(httpBasic(official, PASSWORD)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.error").value("NO_LETTER"))
			.andExpect(jsonPath("$.detail").value(containsString("No reply letter was recognised")));
		// a letter whose session is unknown is not imported (the session is not created)
		Letter unknown = ImportLetters.unique(this.congress).replace(ImportLetters.SAMPLE_SESSION, "市九届人大九次会议");
		Map<String, Long> beforeUnknown = ImportTestSupport.counts(this.jdbc);
		this.mvc
			.perform(post("/api/v1/imports").contentType(MediaType.TEXT_PLAIN)
				.content(unknown.text().getBytes(StandardCharsets.UTF_8))
				.with(httpBasic(official, PASSWORD)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.error").value("SESSION_UNKNOWN"));
		assertThat(ImportTestSupport.counts(this.jdbc)).isEqualTo(beforeUnknown);
		assertThat(beforeUnknown.get("proposal")).isEqualTo(before.get("proposal"));
	}

	@Test
	void aLetterForAProposalNotAssignedToTheUnitIsRefusedAndNothingIsCreated() throws Exception {
		Scenario s = this.data.scenario();
		String official = account(Role.OFFICIAL, s.unitId(), null);
		// the session exists, but has no proposal of the letter's number
		Letter letter = ImportLetters.unique(this.congress).replace("朱伟正等代表", "虚构代表" + TestData.unique() + "等代表");
		Map<String, Long> before = ImportTestSupport.counts(this.jdbc);

		this.mvc
			.perform(post("/api/v1/imports").contentType("text/plain; charset=UTF-8")
				.content(letter.text().getBytes(StandardCharsets.UTF_8))
				.with(httpBasic(official, PASSWORD)))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.error").value("NOT_YOUR_PROPOSAL"))
			.andExpect(jsonPath("$.detail")
				.value(containsString(letter.session().name() + " 第" + letter.number() + "号建议未交办给本单位主办")));

		assertThat(ImportTestSupport.counts(this.jdbc)).isEqualTo(before);
		assertThat(this.jdbc.queryForObject("select count(*) from proposal where session_id = ?", Long.class,
				letter.session().id()))
			.isZero();
	}

	/**
	 * As an API client signs in: HTTP Basic, and the header that a page of another site
	 * cannot send (docs/importing.md).
	 */
	private static RequestPostProcessor httpBasic(String username, String password) {
		RequestPostProcessor basic = SecurityMockMvcRequestPostProcessors.httpBasic(username, password);
		return (request) -> {
			request.addHeader(CLIENT_HEADER, "import-api-tests");
			return basic.postProcessRequest(request);
		};
	}

	private String account(Role role, Long unitId, Long deputyId) {
		String name = "import" + role.name().toLowerCase() + TestData.unique();
		asCoordinator(() -> this.accounts.create(name, PASSWORD, role, unitId, deputyId));
		return name;
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
