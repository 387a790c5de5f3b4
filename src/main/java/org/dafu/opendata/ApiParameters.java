package org.dafu.opendata;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;

import org.dafu.platform.web.Paging;
import org.dafu.search.SearchForm;

/**
 * The list parameters of {@code /api/v1/replies}, each with the values it accepts: the
 * API refuses any other value (400, naming the parameter and what it accepts) instead of
 * ignoring it as the search page does, and the OpenAPI description declares the same
 * types, ranges and enums ({@link OpenApiConfiguration}).
 */
public final class ApiParameters {

	/** One parameter: its check, what it accepts (in words) and its schema. */
	record Rule(Predicate<String> valid, String allowed, Schema<?> schema) {
	}

	static final Map<String, Rule> RULES = rules();

	private ApiParameters() {
	}

	private static Map<String, Rule> rules() {
		Map<String, Rule> rules = new LinkedHashMap<>();
		rules.put("session", id("a session id"));
		rules.put("year", range(1949, 2200, "a session year"));
		rules.put("unit", id("a unit id"));
		rules.put("topic", id("a topic category id"));
		rules.put("result", choice(List.of("A", "B", "C", "D"), "办理结果分类"));
		rules.put("region", new Rule((v) -> v.strip().length() <= 50, "at most 50 characters",
				new StringSchema().maxLength(50).description("a region named in the reply's figures, e.g. 柯城区")));
		rules.put("sort", choice(List.of("relevance", "date"),
				"relevance (the default with q) or date (newest first, the default without q)"));
		rules.put("page", range(1, Paging.MAX_PAGE, "the page, from 1"));
		rules.put("size", range(1, Paging.MAX_SIZE, "items per page (default " + Paging.DEFAULT_SIZE + ")"));
		return rules;
	}

	/**
	 * The first parameter of the form whose value is not accepted, with its rule.
	 * @throws BadParameterException naming it
	 */
	public static void check(SearchForm form) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("session", form.session());
		values.put("year", form.year());
		values.put("unit", form.unit());
		values.put("topic", form.topic());
		values.put("result", form.result());
		values.put("region", form.region());
		values.put("sort", form.sort());
		values.put("page", form.page());
		values.put("size", form.size());
		values.forEach((name, value) -> {
			if (value != null && !value.isBlank() && !RULES.get(name).valid().test(value)) {
				throw new BadParameterException(name, value, RULES.get(name).allowed());
			}
		});
	}

	private static Rule id(String what) {
		return range(1, Long.MAX_VALUE, what);
	}

	private static Rule range(long min, long max, String what) {
		String allowed = (max == Long.MAX_VALUE) ? "an integer from " + min : "an integer from " + min + " to " + max;
		IntegerSchema schema = new IntegerSchema();
		schema.minimum(java.math.BigDecimal.valueOf(min));
		if (max == Long.MAX_VALUE) {
			schema.format("int64");
		}
		else {
			schema.maximum(java.math.BigDecimal.valueOf(max));
			schema.format("int32");
		}
		schema.description(what);
		return new Rule((v) -> inRange(v, min, max), allowed + " (" + what + ")", schema);
	}

	private static boolean inRange(String text, long min, long max) {
		String t = text.strip();
		if (!t.matches("[0-9]{1,18}")) {
			return false;
		}
		long n = Long.parseLong(t);
		return n >= min && n <= max;
	}

	private static Rule choice(List<String> values, String what) {
		StringSchema schema = new StringSchema();
		values.forEach(schema::addEnumItem);
		schema.description(what);
		return new Rule((v) -> values.stream().anyMatch(v.strip()::equalsIgnoreCase),
				"one of " + String.join(", ", values) + " (" + what + ")", schema);
	}

}
