package org.dafu.access;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipInputStream;

import org.dafu.opinion.OpinionService;
import org.dafu.proposal.ProposalService;
import org.dafu.reply.DisclosureMode;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dafu.testing.AsViewer.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Walks every route the application registers (read from the handler mappings, so a new
 * route is walked without anyone remembering to add it), for every role (anonymous,
 * deputies, officials of the unit and of another, coordinator: none gets a 5xx anywhere),
 * against a seeded reply that is issued but not disclosed and a draft, each holding its
 * own marker string. Proves the promises of docs/security (1–4, 11, 15, 17): nothing
 * undisclosed in any body, every route classified, deny by default, CSRF on every state
 * change, GET never reaches a mutating handler, security headers on every answer; and
 * HEAD answers every readable route as GET does (RFC 9110), for the anonymous visitor.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class RouteWalkTests {

	/** Who may pass a URL prefix (as account/SecurityConfiguration classifies them). */
	enum Audience {

		EVERYONE, SIGNED_IN, DEPUTY, OFFICIAL, COORDINATOR, STAFF, API_STAFF

	}

	/** First matching prefix wins; a route matching none is unclassified and fails. */
	static final Map<String, Audience> PREFIXES = new LinkedHashMap<>();
	static {
		PREFIXES.put("/workspace/coordinator", Audience.COORDINATOR);
		PREFIXES.put("/workspace/unit", Audience.OFFICIAL);
		PREFIXES.put("/workspace", Audience.STAFF);
		PREFIXES.put("/my", Audience.DEPUTY);
		PREFIXES.put("/account", Audience.SIGNED_IN);
		PREFIXES.put("/notifications", Audience.SIGNED_IN);
		PREFIXES.put("/following", Audience.SIGNED_IN);
		PREFIXES.put("/logout", Audience.SIGNED_IN);
		for (String open : List.of("/replies", "/search", "/figures", "/statistics", "/sessions", "/units", "/deputies",
				"/sitemap.xml", "/robots.txt", "/v3/api-docs", "/swagger-ui", "/login", "/error")) {
			PREFIXES.put(open, Audience.EVERYONE);
		}
		PREFIXES.put("/api/v1", Audience.EVERYONE);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ProposalService proposals;

	@Autowired
	OpinionService opinions;

	Scenario s;

	/**
	 * A proposal of the lead deputy led by the scenario's unit, whose co-units hold a
	 * signed opinion (not public: the lead reply is not) and a draft one, with the
	 * markers.
	 */
	long coProposal;

	/** A word found only in the two hidden replies: searched for on every route. */
	String probe;

	String issuedMarker;

	String draftMarker;

	long hiddenIssued;

	long draft;

	/**
	 * The undisclosed reply's 索引号: the one thing of it a list export (CSV, workbook)
	 * would show, where its text markers are not.
	 */
	String hiddenIndex;

	@BeforeEach
	void seed() {
		this.s = this.data.scenario();
		this.probe = TestData.cjkWord();
		this.issuedMarker = "不予公开" + this.probe + "标记";
		this.draftMarker = "草稿" + this.probe + "标记";
		this.hiddenIssued = this.data.issued(this.s, DisclosureMode.NOT_PUBLIC, this.issuedMarker);
		this.draft = this.data.draft(this.s, this.draftMarker);
		this.hiddenIndex = this.jdbc.sql("select index_number from reply where id = ?")
			.param(this.hiddenIssued)
			.query(String.class)
			.single();
		long signing = this.data.unit("会签单位");
		long drafting = this.data.unit("起草单位");
		this.coProposal = this.proposals
			.register(new ProposalService.RegisterProposalCommand(this.s.sessionId(), 100 + TestData.unique() % 100_000,
					"关于会签建议的建议", "正文", this.s.leadDeputyId(), Set.of(this.s.cosignerId()), null,
					java.time.LocalDate.of(2022, 2, 20), false))
			.id();
		this.proposals.assign(this.coProposal, this.s.unitId(), List.of(signing, drafting),
				java.time.LocalDate.of(2022, 3, 1), null);
		Viewer signer = Viewer.official("cosigner" + this.s.n(), signing);
		this.opinions.save(signer, this.coProposal, null, "会签意见" + this.issuedMarker, true);
		this.opinions.submit(signer, this.coProposal, this.opinions.ofOwnUnit(signer, this.coProposal).version());
		this.opinions.sign(signer, this.coProposal, this.opinions.ofOwnUnit(signer, this.coProposal).version());
		this.opinions.save(Viewer.drafter("codrafter" + this.s.n(), drafting), this.coProposal, null,
				"协办草稿" + this.draftMarker, true);
	}

	@Test
	void everyRouteIsClassifiedAndNothingUndisclosedLeaksToAnyRole() throws Exception {
		Map<String, Set<RequestMethod>> routes = routes();
		assertThat(routes).as("the handler mappings were read").hasSizeGreaterThan(20);
		List<String> problems = new ArrayList<>();
		Map<String, Viewer> strangers = Map.of("anonymous", Viewer.anonymous(), "bystander deputy", this.s.bystander(),
				"official of another unit", this.s.otherOfficial());
		Map<String, Viewer> entitledToTheIssuedOnly = Map.of("lead deputy", this.s.lead(), "co-signer",
				this.s.cosigner());
		// they may read both hidden replies: walked for their status and classification
		Map<String, Viewer> entitledToBoth = Map.of("the replies' own official", this.s.official(), "coordinator",
				Viewer.coordinator("boss" + this.s.n()));
		for (Map.Entry<String, Set<RequestMethod>> route : routes.entrySet()) {
			String pattern = route.getKey();
			Audience audience = audienceOf(pattern);
			if (audience == null) {
				problems.add(pattern + ": not classified (add its prefix to SecurityConfiguration and here)");
				continue;
			}
			boolean readable = route.getValue().isEmpty() || route.getValue().contains(RequestMethod.GET);
			for (String url : urls(pattern)) {
				if (readable) {
					for (Map.Entry<String, Viewer> who : strangers.entrySet()) {
						check(problems, url, who.getKey(), who.getValue(), audience,
								List.of(this.issuedMarker, this.draftMarker, this.hiddenIndex));
					}
					for (Map.Entry<String, Viewer> who : entitledToTheIssuedOnly.entrySet()) {
						check(problems, url, who.getKey(), who.getValue(), audience, List.of(this.draftMarker));
					}
					for (Map.Entry<String, Viewer> who : entitledToBoth.entrySet()) {
						check(problems, url, who.getKey(), who.getValue(), audience, List.of());
					}
				}
				else if (!url.startsWith("/api/")) {
					checkMutating(problems, url, audience);
				}
			}
		}
		assertThat(problems).as("route walk").isEmpty();
		// the probe is a real one: whoever may read the hidden replies finds them with it
		String found = this.mvc.perform(get("/search").param("q", this.probe).with(as(Viewer.coordinator("boss"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(found.replaceAll("<[^>]*>", "")).contains(this.issuedMarker);
	}

	@Test
	void noDebugSurface() throws Exception {
		for (String path : List.of("/actuator/env", "/actuator/heapdump", "/actuator/beans", "/actuator/configprops",
				"/actuator/mappings", "/actuator/loggers")) {
			int status = this.mvc.perform(get(path).with(as(Viewer.coordinator("boss"))))
				.andReturn()
				.getResponse()
				.getStatus();
			assertThat(status).as(path).isIn(401, 403, 404);
		}
		int trace = this.mvc.perform(request(HttpMethod.TRACE, "/")).andReturn().getResponse().getStatus();
		assertThat(trace).as("TRACE is refused").isBetween(400, 499);
		int health = this.mvc.perform(get("/actuator/health")).andReturn().getResponse().getStatus();
		assertThat(health).isEqualTo(200);
	}

	private void check(List<String> problems, String url, String who, Viewer viewer, Audience audience,
			List<String> markers) throws Exception {
		// Search for a part of the markers: a page that echoes the query must not count
		// as
		// a leak, while any hidden text found by it would show a whole marker.
		MockHttpServletRequestBuilder request = get(url).param("q", this.probe);
		if (viewer.role() != Role.PUBLIC) {
			request = request.with(as(viewer));
		}
		MockHttpServletResponse response;
		try {
			response = this.mvc.perform(request).andReturn().getResponse();
		}
		catch (Exception ex) {
			// an exception no handler answered: the container would send a 500
			problems.add("GET " + url + " as " + who + ": 500 (" + rootCause(ex) + ")");
			return;
		}
		// tags removed, so that a highlighted match (<mark>) inside a marker still counts
		String body = text(response).replaceAll("<[^>]*>|&lt;/?mark&gt;", "");
		// an address that holds the 索引号 may be echoed back (a problem's "instance"): that
		// tells nothing the asker did not send
		body = body.replace(url, "");
		for (String marker : markers) {
			if (body.contains(marker)) {
				problems.add("GET " + url + " as " + who + ": shows " + marker);
			}
		}
		int status = response.getStatus();
		if (status >= 500) {
			problems.add("GET " + url + " as " + who + ": " + status);
		}
		if (!allowed(audience, viewer) && !refused(url, status, response, viewer)) {
			problems.add("GET " + url + " as " + who + ": should be refused, got " + status);
		}
		if (!url.startsWith("/api/") && status != 404 && response.getHeader("Content-Security-Policy") == null) {
			problems.add("GET " + url + " as " + who + ": no Content-Security-Policy header");
		}
		if (!"nosniff".equals(response.getHeader("X-Content-Type-Options"))) {
			problems.add("GET " + url + " as " + who + ": no X-Content-Type-Options: nosniff");
		}
		if (viewer.role() == Role.PUBLIC) {
			// RFC 9110 §9.3.2: HEAD answers as GET does (crawlers, link checkers)
			MockHttpServletResponse head = this.mvc.perform(request(HttpMethod.HEAD, url).param("q", this.probe))
				.andReturn()
				.getResponse();
			// (the body is dropped by the container, not here:
			// opendata/OpenDataHttpTests)
			if (head.getStatus() != status) {
				problems.add("HEAD " + url + " as " + who + ": " + head.getStatus() + ", GET: " + status);
			}
		}
	}

	/**
	 * The body as text; a zipped one (an .xlsx workbook) as the text of all its entries,
	 * so that a leak inside a spreadsheet is seen too.
	 */
	private static String text(MockHttpServletResponse response) throws IOException {
		byte[] bytes = response.getContentAsByteArray();
		if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K' || bytes[2] != 3 || bytes[3] != 4) {
			return response.getContentAsString();
		}
		StringBuilder text = new StringBuilder();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
			while (zip.getNextEntry() != null) {
				text.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
			}
		}
		return text.toString();
	}

	private static String rootCause(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = String.valueOf(cause.getMessage());
		return cause.getClass().getSimpleName() + ": " + message.substring(0, Math.min(200, message.length()));
	}

	/** A state change needs the CSRF token, and a GET never reaches its handler. */
	private void checkMutating(List<String> problems, String url, Audience audience) throws Exception {
		for (Viewer viewer : List.of(Viewer.anonymous(), this.s.official(), this.s.lead(),
				Viewer.coordinator("boss" + this.s.n()))) {
			MockHttpServletRequestBuilder request = post(url);
			if (viewer.role() != Role.PUBLIC) {
				request = request.with(as(viewer));
			}
			int status = this.mvc.perform(request).andReturn().getResponse().getStatus();
			if (status != 403) {
				problems.add("POST " + url + " without CSRF token as " + viewer.role() + ": " + status);
			}
			if (allowed(audience, viewer)) {
				int onGet = this.mvc.perform(get(url).with(as(viewer))).andReturn().getResponse().getStatus();
				if (onGet != 405) {
					problems.add("GET " + url + " (a mutating route) as " + viewer.role() + ": " + onGet);
				}
			}
		}
	}

	private static boolean allowed(Audience audience, Viewer viewer) {
		return switch (audience) {
			case EVERYONE -> true;
			case SIGNED_IN -> viewer.role() != Role.PUBLIC;
			case DEPUTY -> viewer.isDeputy();
			case OFFICIAL -> viewer.isOfficial();
			case COORDINATOR -> viewer.isCoordinator();
			case STAFF, API_STAFF -> viewer.isOfficial() || viewer.isCoordinator();
		};
	}

	private static boolean refused(String url, int status, MockHttpServletResponse response, Viewer viewer) {
		if (viewer.role() == Role.PUBLIC && !url.startsWith("/api/")) {
			return status == 302 && String.valueOf(response.getRedirectedUrl()).endsWith("/login");
		}
		return status == 401 || status == 403;
	}

	static Audience audienceOf(String pattern) {
		if (pattern.equals("/")) {
			return Audience.EVERYONE;
		}
		for (Map.Entry<String, Audience> prefix : PREFIXES.entrySet()) {
			String p = prefix.getKey();
			if (pattern.equals(p) || pattern.startsWith(p + "/") || pattern.startsWith(p + ".")) {
				return prefix.getValue();
			}
		}
		return null;
	}

	/** Every registered pattern with the methods it answers (empty: every method). */
	private Map<String, Set<RequestMethod>> routes() {
		Map<String, Set<RequestMethod>> routes = new TreeMap<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			if (info.getPathPatternsCondition() == null) {
				continue;
			}
			for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
				routes.computeIfAbsent(pattern.getPatternString(), (k) -> new LinkedHashSet<>())
					.addAll(info.getMethodsCondition().getMethods());
			}
		}
		return routes;
	}

	/** The pattern with its variables filled by every id that might reach hidden data. */
	private List<String> urls(String pattern) {
		return RoutePatterns.expand(pattern, (name, before) -> valuesFor(name));
	}

	private List<String> valuesFor(String name) {
		String index = this.jdbc.sql("select index_number from reply where id = ?")
			.param(this.hiddenIssued)
			.query(String.class)
			.single();
		List<Long> figures = this.jdbc
			.sql("select f.id from figure f join reply_section rs on rs.id = f.section_id where rs.reply_id in (?, ?)")
			.params(this.hiddenIssued, this.draft)
			.query(Long.class)
			.list();
		List<Long> sections = this.jdbc.sql("select id from reply_section where reply_id in (?, ?)")
			.params(this.hiddenIssued, this.draft)
			.query(Long.class)
			.list();
		return switch (name) {
			case "replyId" -> ids(this.hiddenIssued, this.draft);
			case "proposalId" -> ids(this.s.proposalId(), this.coProposal);
			case "sessionId" -> ids(this.s.sessionId());
			// a proposal's number in its session (the record page): the seeded one's
			case "number" -> List.of(String.valueOf(4), "0");
			case "unitId" -> ids(this.s.unitId());
			case "deputyId" -> ids(this.s.leadDeputyId());
			case "code" -> List.of(index.substring(0, index.indexOf('/')));
			case "serial" -> List.of(index.substring(index.indexOf('/') + 1));
			case "year" -> List.of("2022");
			case "type" -> List.of("reply", "proposal");
			default -> {
				List<Long> all = new ArrayList<>(List.of(this.hiddenIssued, this.draft, this.s.proposalId(),
						this.s.sessionId(), this.s.unitId(), this.s.leadDeputyId()));
				all.addAll(figures);
				all.addAll(sections);
				yield all.stream().distinct().map(String::valueOf).toList();
			}
		};
	}

	private static List<String> ids(long... ids) {
		List<String> values = new ArrayList<>();
		for (long id : ids) {
			values.add(String.valueOf(id));
		}
		return values;
	}

}
