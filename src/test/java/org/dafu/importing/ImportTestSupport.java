package org.dafu.importing;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jsoup.Connection;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.FormElement;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Row counts and form submission for the import tests. */
final class ImportTestSupport {

	private ImportTestSupport() {
	}

	/** How many rows the tables an import may write hold. */
	static Map<String, Long> counts(JdbcTemplate jdbc) {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String table : new String[] { "proposal", "assignment", "deputy", "reply", "reply_section", "figure",
				"letter_import", "congress_session" }) {
			counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
		}
		return counts;
	}

	/** The import preview's confirm form as a browser would post it, with changes. */
	static MockHttpServletRequestBuilder submit(Document page, Map<String, String> changes) {
		FormElement form = (FormElement) page.getElementById("import-confirm");
		MockHttpServletRequestBuilder post = post(form.attr("action"));
		for (Connection.KeyVal field : form.formData()) {
			if (!field.key().equals("_csrf")) {
				post.param(field.key(), changes.getOrDefault(field.key(), field.value()));
			}
		}
		changes.forEach((key, value) -> {
			if (form.formData().stream().noneMatch((f) -> f.key().equals(key))) {
				post.param(key, value);
			}
		});
		return post;
	}

}
