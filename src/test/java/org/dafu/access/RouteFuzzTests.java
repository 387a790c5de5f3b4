package org.dafu.access;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.dafu.account.AccountService;
import org.dafu.reply.DisclosureMode;
import org.dafu.testing.AsViewer;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.ui.Model;
import org.springframework.validation.Errors;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.support.SessionStatus;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.pattern.PathPattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dafu.testing.AsViewer.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Sends every route the application registers (read from the handler mappings, as the
 * route walk does) as every role, with bad input: parameters missing, repeated,
 * sparse-indexed ({@code sections[3].heading} with no {@code sections[0]}), oversized
 * (100 kB), of the wrong type (letters, negative, huge, fractional, impossible dates,
 * unicode, markup and SQL fragments), and path variables replaced by odd values. The
 * parameter names come from the handler methods (request parameters and the components of
 * form records, nested lists included), so a new field is fuzzed without anyone adding
 * it. Nothing may answer 5xx (or throw out of MockMvc, which the container would turn
 * into a 500). State changes carry a CSRF token, so that the bad input reaches the
 * handlers.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class RouteFuzzTests {

	/** Wrong-typed and odd values, each given to every parameter of a request at once. */
	static final List<String> ODD = List.of("", "   ", "abc", "-1", "0", "99999999999999999999", "1e309", "NaN", "1.5",
			"2022-13-45", "汉字😀\u202e\uFEFF", "' or '1'='1' --", "%", "../../etc/passwd", "<script>alert(1)</script>",
			"{\"a\":[1,", "true");

	/** Odd path variable values (already encoded for the URL). */
	static final List<String> ODD_PATHS = List.of("0", "-1", "99999999999999999999", "abc", "%E6%B1%89%F0%9F%98%80",
			"1.5", "%25", "x".repeat(2000));

	/** A documentation address (RFC 5737), used by no other test. */
	static final String FUZZ_ADDRESS = "198.51.100.23";

	static final String OVERSIZED = "长".repeat(100 * 1024 / 3);

	/** Parameters read outside handler signatures (paging, language, search). */
	static final List<String> ALWAYS = List.of("page", "size", "lang", "q", "sort");

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
	AccountService accounts;

	@Test
	void noRouteAnswers5xxToBadInputFromAnyRole() throws Exception {
		Scenario s = this.data.scenario();
		long issued = this.data.issued(s, DisclosureMode.NOT_PUBLIC, "模糊" + s.n());
		long draft = this.data.draft(s, "模糊草稿" + s.n());
		Map<String, String> ids = ids(s, issued, draft);
		Map<String, Viewer> roles = new LinkedHashMap<>();
		roles.put("anonymous", Viewer.anonymous());
		roles.put("deputy", s.bystander());
		roles.put("lead deputy", s.lead());
		roles.put("co-signer", s.cosigner());
		roles.put("official of another unit", s.otherOfficial());
		roles.put("the reply's own official", s.official());
		roles.put("coordinator", Viewer.coordinator("fuzzboss" + s.n()));

		Map<String, Route> routes = routes();
		assertThat(routes).as("the handler mappings were read").hasSizeGreaterThan(20);
		List<String> problems = new ArrayList<>();
		int sent = 0;
		for (Route route : routes.values()) {
			String real = fill(route.pattern(), ids, null);
			List<Fuzz> wrongTyped = wrongTyped(route);
			List<String> oddUrls = route.pattern().contains("{")
					? ODD_PATHS.stream().map((odd) -> fill(route.pattern(), ids, odd)).toList() : List.of();
			// Who gets past security? The others are refused before any handler reads
			// input, so each role gets one request without and one with bad input.
			List<Map.Entry<String, Viewer>> admitted = new ArrayList<>();
			int r = 0;
			for (Map.Entry<String, Viewer> who : roles.entrySet()) {
				sent++;
				MockHttpServletResponse response = send(problems, route, real, MISSING, who.getKey(), who.getValue());
				if (!route.foreign()) {
					sent++;
					send(problems, route, oddUrls.isEmpty() ? real : oddUrls.get(r % oddUrls.size()),
							wrongTyped.get(r % wrongTyped.size()), who.getKey(), who.getValue());
				}
				r++;
				if (response != null && !refused(response)) {
					admitted.add(who);
				}
			}
			// The other cases are shared out among those admitted, each sent once: every
			// kind reaches the handler (roles differ in what they see, not in how their
			// input is read).
			if (!admitted.isEmpty() && !route.foreign()) {
				List<Map.Entry<Fuzz, String>> pool = new ArrayList<>();
				structural(route).forEach((fuzz) -> pool.add(Map.entry(fuzz, real)));
				wrongTyped.forEach((fuzz) -> pool.add(Map.entry(fuzz, real)));
				oddUrls.forEach((url) -> pool.add(Map.entry(MISSING, url)));
				for (int k = 0; k < pool.size(); k++) {
					Map.Entry<String, Viewer> who = admitted.get(k % admitted.size());
					sent++;
					send(problems, route, pool.get(k).getValue(), pool.get(k).getKey(), who.getKey(), who.getValue());
				}
			}
		}
		assertThat(sent).as("requests sent").isGreaterThan(1000);
		assertThat(problems).as("5xx answers to bad input").isEmpty();
	}

	static final Fuzz MISSING = new Fuzz("missing", (r) -> r);

	/** Refused by security: not signed in (login page) or not allowed. */
	private static boolean refused(MockHttpServletResponse response) {
		int status = response.getStatus();
		return status == 401 || status == 403
				|| (status == 302 && String.valueOf(response.getRedirectedUrl()).endsWith("/login"));
	}

	/** One kind of bad input, applied to a request. */
	record Fuzz(String name, UnaryOperator<AbstractMockHttpServletRequestBuilder<?>> apply) {
	}

	/**
	 * A route: its pattern, method, the parameter names its handler reads, and whether
	 * the handler is a library's (the API documentation), which gets the per-role
	 * requests only.
	 */
	record Route(String pattern, HttpMethod method, List<String> params, boolean multipart, boolean body,
			boolean foreign) {
	}

	/** Sends one request; its response, or null when it threw (recorded as a problem). */
	private MockHttpServletResponse send(List<String> problems, Route route, String url, Fuzz fuzz, String who,
			Viewer viewer) {
		String what = route.method() + " " + abbreviate(url) + " (" + fuzz.name() + ") as " + who;
		try {
			AbstractMockHttpServletRequestBuilder<?> request = (route.multipart() && route.method() == HttpMethod.POST)
					? multipart(URI.create(url)).file(new MockMultipartFile("file", "x.docx",
							"application/octet-stream", "not a document".getBytes(StandardCharsets.UTF_8)))
					: request(route.method(), URI.create(url));
			if (route.body()) {
				request = request.contentType(MediaType.TEXT_PLAIN)
					.content("一、" + fuzz.name() + "\n" + OVERSIZED.substring(0, 100));
			}
			request = fuzz.apply().apply(request);
			if (viewer.role() != Role.PUBLIC) {
				request = request.with(as(viewer));
			}
			if (route.method() != HttpMethod.GET) {
				request = request.with(csrf());
			}
			// From an address of its own, so that the wrong current passwords it sends do
			// not
			// slow down sign-ins from the address other tests use; as an API client, so
			// that
			// the import API's own checks are reached.
			request = request.header("X-Requested-By", "route-fuzz").with((r) -> {
				r.setRemoteAddr(FUZZ_ADDRESS);
				return r;
			});
			MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
			if (response.getStatus() >= 500) {
				problems.add(what + ": " + response.getStatus());
			}
			return response;
		}
		catch (Exception ex) {
			// unhandled: the container would answer 500
			problems.add(what + ": 500 (" + rootCause(ex) + ")");
			return null;
		}
	}

	private static List<String> names(Route route) {
		List<String> names = new ArrayList<>(route.params());
		for (String always : ALWAYS) {
			if (!names.contains(always)) {
				names.add(always);
			}
		}
		return names;
	}

	/** Every parameter the same wrong-typed or odd value: one case per value. */
	private static List<Fuzz> wrongTyped(Route route) {
		List<String> names = names(route);
		List<Fuzz> cases = new ArrayList<>();
		for (String odd : ODD) {
			cases.add(new Fuzz("all " + abbreviate(odd), (r) -> {
				for (String name : names) {
					r.param(name, odd);
				}
				return r;
			}));
		}
		return cases;
	}

	/** Repeated, sparse-indexed and oversized parameters. */
	private static List<Fuzz> structural(Route route) {
		List<String> names = names(route);
		List<Fuzz> cases = new ArrayList<>();
		cases.add(new Fuzz("repeated", (r) -> {
			for (String name : names) {
				r.param(name, "1", "abc", "");
			}
			return r;
		}));
		cases.add(new Fuzz("sparse indexes", (r) -> {
			for (String name : names) {
				r.param(sparse(name), "1");
				r.param(name + "[3]", "x");
			}
			return r.param("x[3]", "").param("x[2147483648]", "y").param("a.b[1].c", "z");
		}));
		cases.add(new Fuzz("oversized", (r) -> {
			for (String name : names) {
				r.param(name, OVERSIZED);
			}
			return r;
		}));
		return cases;
	}

	/** {@code sections[0].heading} becomes {@code sections[3].heading}. */
	private static String sparse(String name) {
		return name.replace("[0]", "[3]");
	}

	/** Every registered pattern and method, with the parameter names of its handler. */
	private Map<String, Route> routes() {
		Map<String, Route> routes = new TreeMap<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : this.mappings.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = entry.getKey();
			if (info.getPathPatternsCondition() == null) {
				continue;
			}
			List<String> params = new ArrayList<>();
			boolean multipart = false;
			boolean body = false;
			for (MethodParameter parameter : entry.getValue().getMethodParameters()) {
				parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
				Class<?> type = parameter.getParameterType();
				if (parameter.hasParameterAnnotation(PathVariable.class)
						|| parameter.hasParameterAnnotation(RequestHeader.class) || ignored(type)) {
					multipart |= MultipartFile.class.isAssignableFrom(type);
					continue;
				}
				if (parameter.hasParameterAnnotation(RequestPart.class)) {
					multipart = true;
					continue;
				}
				if (parameter.hasParameterAnnotation(RequestBody.class)) {
					body = true;
					continue;
				}
				RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
				if (param != null || BeanUtils.isSimpleValueType(type)) {
					String name = (param != null && !param.name().isEmpty()) ? param.name()
							: parameter.getParameterName();
					if (name != null && !Map.class.isAssignableFrom(type)) {
						params.add(name);
					}
					continue;
				}
				collect("", type, parameter.getGenericParameterType(), 0, params);
			}
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			boolean textBody = info.getConsumesCondition()
				.getConsumableMediaTypes()
				.stream()
				.anyMatch((m) -> m.includes(MediaType.TEXT_PLAIN));
			boolean multipartBody = info.getConsumesCondition()
				.getConsumableMediaTypes()
				.stream()
				.anyMatch((m) -> m.includes(MediaType.MULTIPART_FORM_DATA));
			for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					String key = pattern.getPatternString() + " " + method + (textBody ? " text" : "")
							+ (multipartBody ? " multipart" : "");
					routes.put(key, new Route(pattern.getPatternString(), HttpMethod.valueOf(method.name()),
							List.copyOf(new LinkedHashSet<>(params)), multipart || multipartBody, body || textBody,
							!entry.getValue().getBeanType().getName().startsWith("org.dafu.")));
				}
			}
		}
		return routes;
	}

	private static boolean ignored(Class<?> type) {
		return Model.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)
				|| Errors.class.isAssignableFrom(type) || RedirectAttributes.class.isAssignableFrom(type)
				|| Locale.class.isAssignableFrom(type) || HttpServletRequest.class.isAssignableFrom(type)
				|| HttpServletResponse.class.isAssignableFrom(type) || HttpSession.class.isAssignableFrom(type)
				|| Principal.class.isAssignableFrom(type) || Authentication.class.isAssignableFrom(type)
				|| SessionStatus.class.isAssignableFrom(type) || WebRequest.class.isAssignableFrom(type)
				|| MultipartFile.class.isAssignableFrom(type) || type.getName().startsWith("java.io.")
				|| type.getName().startsWith("org.springframework.web.util.");
	}

	/** The names a form binds: record components and bean properties, lists at [0]. */
	private static void collect(String prefix, Class<?> type, Type generic, int depth, List<String> out) {
		if (depth > 4) {
			return;
		}
		if (BeanUtils.isSimpleValueType(type)) {
			if (!prefix.isEmpty()) {
				out.add(prefix);
			}
			return;
		}
		if (Collection.class.isAssignableFrom(type) || type.isArray()) {
			Type element = (generic instanceof ParameterizedType p) ? p.getActualTypeArguments()[0]
					: type.getComponentType();
			Class<?> elementType = (element instanceof Class<?> c) ? c
					: (element instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) ? raw
							: String.class;
			if (BeanUtils.isSimpleValueType(elementType)) {
				out.add(prefix);
			}
			else {
				collect(prefix + "[0]", elementType, element, depth + 1, out);
			}
			return;
		}
		String dot = prefix.isEmpty() ? "" : prefix + ".";
		if (type.isRecord()) {
			for (RecordComponent component : type.getRecordComponents()) {
				collect(dot + component.getName(), component.getType(), component.getGenericType(), depth + 1, out);
			}
			return;
		}
		if (type.getName().startsWith("org.dafu.")) {
			for (var property : BeanUtils.getPropertyDescriptors(type)) {
				if (property.getWriteMethod() != null) {
					collect(dot + property.getName(), property.getPropertyType(),
							property.getWriteMethod().getGenericParameterTypes()[0], depth + 1, out);
				}
			}
		}
	}

	/**
	 * Real ids of the seeded rows, by path variable name (and by path for {@code id}).
	 */
	private Map<String, String> ids(Scenario s, long issued, long draft) {
		String index = this.jdbc.sql("select index_number from reply where id = ?")
			.param(issued)
			.query(String.class)
			.single();
		Long figure = this.jdbc.sql("select min(id) from figure where reply_id = ?")
			.param(issued)
			.query(Long.class)
			.single();
		Long account = AsViewer
			.call(Viewer.coordinator("fuzzboss"),
					() -> this.accounts.create("fuzz" + s.n(), "Fuzzing accounts " + s.n(), Role.DEPUTY, null,
							s.bystanderId()))
			.id();
		Map<String, String> ids = new LinkedHashMap<>();
		ids.put("replyId", String.valueOf(draft));
		ids.put("proposalId", String.valueOf(s.proposalId()));
		ids.put("sessionId", String.valueOf(s.sessionId()));
		ids.put("unitId", String.valueOf(s.unitId()));
		ids.put("deputyId", String.valueOf(s.bystanderId()));
		ids.put("accountId", String.valueOf(account));
		ids.put("code", index.substring(0, index.indexOf('/')));
		ids.put("serial", index.substring(index.indexOf('/') + 1));
		ids.put("type", "reply");
		ids.put("year", "2022");
		// {id} by the path it is in
		ids.put("/workspace/unit/replies/", String.valueOf(draft));
		ids.put("/replies/", String.valueOf(issued));
		ids.put("/api/v1/replies/", String.valueOf(issued));
		ids.put("/sessions/", String.valueOf(s.sessionId()));
		ids.put("/units/", String.valueOf(s.unitId()));
		ids.put("/deputies/", String.valueOf(s.bystanderId()));
		ids.put("/proposals/", String.valueOf(s.proposalId()));
		ids.put("/figures/", String.valueOf(figure));
		ids.put("/history/", String.valueOf(issued));
		return ids;
	}

	/**
	 * The pattern with its variables filled: by {@code odd} when given, else by the
	 * seeded rows' ids ({@code 0} where none fits: someone else's rows are never
	 * changed).
	 */
	static String fill(String pattern, Map<String, String> ids, String odd) {
		return RoutePatterns
			.expand(pattern, (name, before) -> List.of((odd != null) ? odd : valueFor(name, before, ids)))
			.get(0);
	}

	private static String valueFor(String name, String before, Map<String, String> ids) {
		if (ids.containsKey(name)) {
			return ids.get(name);
		}
		String best = null;
		for (String path : ids.keySet()) {
			if (path.startsWith("/") && before.contains(path) && (best == null || path.length() > best.length())) {
				best = path;
			}
		}
		return (best != null) ? ids.get(best) : "0";
	}

	private static String abbreviate(String text) {
		return (text.length() > 40) ? text.substring(0, 37) + "…(" + text.length() + ")" : text;
	}

	private static String rootCause(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = String.valueOf(cause.getMessage());
		return cause.getClass().getSimpleName() + ": " + message.substring(0, Math.min(200, message.length()));
	}

}
