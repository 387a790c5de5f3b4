package org.dafu.account;

import org.dafu.access.Role;
import org.dafu.access.Viewer;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A browser holding saved API credentials cannot be made to write from another site: a
 * foreign Origin or Sec-Fetch-Site, or a form-sendable body without the client header, is
 * refused before any password is checked; the API's 401 never brings up the Basic prompt.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class ApiCrossSiteTests {

	static final String PASSWORD = "api cross site passphrase";

	/**
	 * A route the chain lets staff write to; the dispatcher answers 404 when let through.
	 */
	static final String WRITE = "/api/v1/no-such-thing";

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestData data;

	String coordinator() {
		String name = "apixs" + TestData.unique();
		AsViewer.call(Viewer.coordinator("boss"),
				() -> this.accounts.create(name, PASSWORD, Role.COORDINATOR, null, null));
		return name;
	}

	long signIns(String username) {
		return this.jdbc.sql("select count(*) from audit_log where actor = :a and action like 'LOGIN%'")
			.param("a", username)
			.query(Long.class)
			.single();
	}

	static final ResultMatcher LET_THROUGH = status().isNotFound();

	@Test
	void aWriteWithAForeignOriginOrFromAnotherSiteIsRefusedBeforeThePasswordIsChecked() throws Exception {
		String user = coordinator();
		for (AbstractMockHttpServletRequestBuilder<?> forged : new AbstractMockHttpServletRequestBuilder<?>[] {
				post(WRITE).header("Origin", "https://evil.example").contentType(MediaType.APPLICATION_JSON),
				post(WRITE).header("Origin", "null").contentType(MediaType.APPLICATION_JSON),
				post(WRITE).header("Origin", "http://localhost:8081").contentType(MediaType.APPLICATION_JSON),
				post(WRITE).header("Sec-Fetch-Site", "cross-site").contentType(MediaType.APPLICATION_JSON),
				post(WRITE).header("Sec-Fetch-Site", "same-site").contentType(MediaType.APPLICATION_JSON) }) {
			this.mvc.perform(
					forged.header(ApiCrossSiteFilter.CLIENT_HEADER, "x").with(httpBasic(user, PASSWORD)).content("{}"))
				.andExpect(status().isForbidden())
				.andExpect(jsonPath("$.error").value("CROSS_SITE"))
				.andExpect(jsonPath("$.detail").value(containsString("其他网站")));
		}
		assertThat(signIns(user)).isZero();
		// This site's own origin, or none (curl, scripts), is let through.
		this.mvc
			.perform(post(WRITE).header("Origin", "http://localhost")
				.header("Sec-Fetch-Site", "same-origin")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}")
				.with(httpBasic(user, PASSWORD)))
			.andExpect(LET_THROUGH);
		assertThat(signIns(user)).isEqualTo(1);
		// Reads stay open to every site.
		this.mvc.perform(get("/api/v1/no-such-thing").header("Origin", "https://evil.example")).andExpect(LET_THROUGH);
	}

	@Test
	void aFormSendableBodyNeedsTheClientHeader() throws Exception {
		String user = coordinator();
		for (AbstractMockHttpServletRequestBuilder<?> formLike : new AbstractMockHttpServletRequestBuilder<?>[] {
				post(WRITE).contentType(MediaType.TEXT_PLAIN).content("letter"),
				post(WRITE).contentType("text/plain; charset=GBK").content("letter"),
				post(WRITE).contentType(MediaType.APPLICATION_FORM_URLENCODED).content("a=b"),
				multipart(WRITE).file(new MockMultipartFile("file", "x.txt", "text/plain", new byte[] { 'x' })),
				post(WRITE) }) {
			this.mvc.perform(formLike.with(httpBasic(user, PASSWORD)))
				.andExpect(status().isForbidden())
				.andExpect(jsonPath("$.error").value("CLIENT_HEADER"))
				.andExpect(jsonPath("$.detail").value(containsString("X-Requested-By")));
		}
		assertThat(signIns(user)).isZero();
		this.mvc
			.perform(post(WRITE).contentType(MediaType.TEXT_PLAIN)
				.param("lang", "en")
				.content("letter")
				.with(httpBasic(user, PASSWORD)))
			.andExpect(jsonPath("$.detail").value(containsString("needs the header X-Requested-By")));
		// With the header, or with a type no form can send, the write goes through.
		this.mvc
			.perform(post(WRITE).contentType(MediaType.TEXT_PLAIN)
				.header(ApiCrossSiteFilter.CLIENT_HEADER, "curl")
				.content("letter")
				.with(httpBasic(user, PASSWORD)))
			.andExpect(LET_THROUGH);
		this.mvc
			.perform(post(WRITE).contentType(MediaType.APPLICATION_JSON).content("{}").with(httpBasic(user, PASSWORD)))
			.andExpect(LET_THROUGH);
	}

	@Test
	void anOfficialsImportWithoutTheClientHeaderOrFromAnotherSiteWritesNothing() throws Exception {
		Scenario s = this.data.scenario();
		String official = "apixso" + TestData.unique();
		AsViewer.call(Viewer.coordinator("boss"),
				() -> this.accounts.create(official, PASSWORD, Role.OFFICIAL, s.unitId(), null));
		long drafts = this.jdbc.sql("select count(*) from reply").query(Long.class).single();
		// What a plain HTML form on another site can send: text/plain, no custom header.
		this.mvc
			.perform(post("/api/v1/imports").contentType(MediaType.TEXT_PLAIN)
				.header("Origin", "https://evil.example")
				.content("致 代表：关于……的建议收悉。")
				.with(httpBasic(official, PASSWORD)))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/v1/imports").contentType(MediaType.TEXT_PLAIN)
				.content("致 代表：关于……的建议收悉。")
				.with(httpBasic(official, PASSWORD)))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.error").value("CLIENT_HEADER"));
		assertThat(this.jdbc.sql("select count(*) from reply").query(Long.class).single()).isEqualTo(drafts);
		assertThat(signIns(official)).isZero();
	}

	@Test
	void theApisUnauthorizedAnswerNeverAsksABrowserForBasicCredentials() throws Exception {
		String user = coordinator();
		for (AbstractMockHttpServletRequestBuilder<?> request : new AbstractMockHttpServletRequestBuilder<?>[] {
				post(WRITE).header(ApiCrossSiteFilter.CLIENT_HEADER, "x"),
				post(WRITE).header(ApiCrossSiteFilter.CLIENT_HEADER, "x").with(httpBasic(user, "wrong password!!")),
				post("/api/v1/imports").header(ApiCrossSiteFilter.CLIENT_HEADER, "x")
					.contentType(MediaType.TEXT_PLAIN)
					.content("letter") }) {
			this.mvc.perform(request)
				.andExpect(status().isUnauthorized())
				.andExpect(header().string("WWW-Authenticate", "DafuBasic realm=\"dafu\""))
				.andExpect((r) -> assertThat(r.getResponse().getHeaders("WWW-Authenticate"))
					.noneMatch((h) -> h.strip().toLowerCase().startsWith("basic")));
		}
	}

}
