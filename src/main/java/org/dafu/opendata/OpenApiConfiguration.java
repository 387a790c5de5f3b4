package org.dafu.opendata;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;

/**
 * The OpenAPI description at {@code /v3/api-docs} (UI at {@code /swagger-ui/index.html}):
 * only the JSON API under {@code /api/}, not the HTML pages nor their error advice
 * ({@code springdoc.*} in application.properties). It says what the server sends: every
 * property of the API's shapes is always present (null included), so all are required,
 * and those that may be null are nullable ({@link #NULLABLE}); the list's parameters are
 * typed and bounded as {@link ApiParameters} checks them. The build generates a client
 * from the committed copy of this description and drives the app through it
 * (docs/search.md, "The API's contract").
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

	/** The schema and response of every error. */
	static final String PROBLEM = "Problem";

	/** The HTTP Basic scheme of the import API (unit officials). */
	static final String BASIC = "basic";

	/** The properties that may be null, by schema. */
	static final Map<String, Set<String>> NULLABLE = Map.of("ReplyItem",
			Set.of("indexNumber", "topic", "resultClass", "date", "highlight"), "ReplyPage", Set.of("next"),
			"ReplyDetail",
			Set.of("indexNumber", "writtenOn", "signedOn", "catalogCategory", "addressee", "opening", "closing",
					"issuer", "resultClass", "issuedAt"),
			"ReplyProposal", Set.of("leadDeputy"), "ReplySection", Set.of("heading", "body"), "ReplyFigure",
			Set.of("comparator", "period", "deadlineYear", "region", "growthRate", "rank", "taskShare",
					"sourceSentence"),
			"Statistics", Set.of("sessionId", "sessionName", "year"), "Rates",
			Set.of("replyRate", "onTimeRate", "averageDaysToReply", "satisfied", "basicallySatisfied", "unsatisfied",
					"satisfactionRate", "satisfiedOnlyRate", "satisfactionWithheld"),
			"CountShare", Set.of("key", "share"), "UnitRow", Set.of("unitId", "unitName", "averageDaysToReply",
					"satisfactionRate", "satisfiedOnlyRate", "satisfactionWithheld"));

	/**
	 * The same for the import API's answers (what the parser could not read is null; the
	 * kind, ordinal and lists are always there).
	 */
	static final Map<String, Set<String>> IMPORT_NULLABLE = Map.of("ImportCreated", Set.of(), "ImportLetter",
			Set.of("addressee", "opening", "closing", "issuer", "signedDate"), "ImportMetadata",
			Set.of("indexNumber", "writtenDate", "disclosureMode", "catalogCategory"), "ImportProposal",
			Set.of("session", "number", "title"), "ImportSection", Set.of("heading", "text"), "ImportFigure",
			Set.of("subject", "value", "unit", "comparator", "period", "deadlineYear", "region", "growthRate", "rank",
					"taskShare", "source"),
			"ImportWarning", Set.of("message", "section"));

	@Bean
	OpenAPI dafuOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Dafu open data API")
				.version("v1")
				.description("答复公开数据: replies to people's deputies' proposals that the caller may read "
						+ "(anonymous callers: issued, 主动公开 replies only). Also /replies.csv and /replies.atom "
						+ "with the same parameters. Errors are application/problem+json (RFC 9457).")
				.license(new License().name("Government information, disclosed under the 政府信息公开条例")
					.url("https://www.gov.cn/zhengce/content/2019-04/15/content_5382991.htm")))
			.servers(List.of(new Server().url("/").description("This portal")))
			.components(new Components().addSchemas(PROBLEM, problemSchema())
				.addResponses(PROBLEM,
						new ApiResponse().description("A problem (RFC 9457)")
							.content(new Content().addMediaType(MediaType.APPLICATION_PROBLEM_JSON_VALUE,
									new io.swagger.v3.oas.models.media.MediaType()
										.schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))))
				.addSecuritySchemes(BASIC,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("basic")
							.description("A unit official's username and password, sent with every request "
									+ "(the 401 challenge names the scheme DafuBasic so that browsers never prompt)")));
	}

	/**
	 * An error of the API, as Spring's {@code ProblemDetail} writes it: RFC 9457's
	 * members, and {@code parameter}/{@code allowed} for a refused parameter,
	 * {@code error} for a refused import, {@code correlationId} for errors outside the
	 * controllers.
	 */
	private static Schema<?> problemSchema() {
		Schema<?> schema = new ObjectSchema().description("application/problem+json (RFC 9457)")
			.addProperty("type", new StringSchema().description("absent: about:blank"))
			.addProperty("title", new StringSchema().description("the status's reason phrase"))
			.addProperty("status", new IntegerSchema())
			.addProperty("detail", new StringSchema().description("what went wrong, in the request's language"))
			.addProperty("instance", new StringSchema().description("the path asked for"))
			.addProperty("parameter", new StringSchema().description("the parameter whose value was refused"))
			.addProperty("allowed", new StringSchema().description("the values that parameter accepts"))
			.addProperty("error", new StringSchema().description("the import's reason code, e.g. NO_LETTER"))
			.addProperty("correlationId", new StringSchema().description("the request's id in the server's logs"));
		schema.setRequired(List.of("title", "status"));
		return schema;
	}

	/** The problem responses of the read operations, by path. */
	private static void documentProblems(String path, PathItem item) {
		if (item.getGet() == null) {
			return;
		}
		ApiResponses responses = item.getGet().getResponses();
		ApiResponse problem = new ApiResponse().$ref("#/components/responses/" + PROBLEM);
		responses.addApiResponse("400", problem);
		if (path.contains("{")) {
			responses.addApiResponse("404", problem);
		}
		responses.addApiResponse("406", problem);
	}

	@Bean
	OpenApiCustomizer onlyTheApi() {
		return (openApi) -> {
			if (openApi.getPaths() != null) {
				openApi.getPaths().keySet().removeIf((path) -> !path.startsWith("/api/"));
				openApi.getPaths().forEach(OpenApiConfiguration::documentProblems);
				PathItem list = openApi.getPaths().get("/api/v1/replies");
				if (list != null && list.getGet() != null && list.getGet().getParameters() != null) {
					for (Parameter parameter : list.getGet().getParameters()) {
						ApiParameters.Rule rule = ApiParameters.RULES.get(parameter.getName());
						if (rule != null) {
							parameter.setSchema(rule.schema());
						}
					}
				}
			}
			if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
				openApi.getComponents().getSchemas().forEach(OpenApiConfiguration::requiredAndNullable);
			}
		};
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static void requiredAndNullable(String name, Schema schema) {
		Set<String> nullable = NULLABLE.getOrDefault(name, IMPORT_NULLABLE.get(name));
		if (nullable == null || schema.getProperties() == null) {
			return;
		}
		schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
		Map<String, Schema> properties = schema.getProperties();
		properties.forEach((property, value) -> {
			if (nullable.contains(property)) {
				value.setNullable(true);
				if (value.getEnum() != null && !value.getEnum().contains(null)) {
					value.getEnum().add(null);
				}
			}
		});
	}

}
