package org.dafu.reply.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.dafu.reply.FigureContent;
import org.dafu.reply.LetterContent;
import org.dafu.reply.ReplyView;
import org.dafu.reply.SectionContent;
import org.dafu.reply.form.FigureForm;

import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Builds the POST the editor page sends: every field of the letter as loaded, with the
 * version, so a test changes just what it means to change. Numbers are posted as the
 * editor shows them ({@link FigureForm#plain}: 1.8, not the stored 1.8000).
 */
final class EditorPosts {

	private EditorPosts() {
	}

	static Map<String, String> fieldsOf(ReplyView reply) {
		LetterContent c = reply.content();
		Map<String, String> f = new LinkedHashMap<>();
		f.put("version", Integer.toString(reply.version()));
		f.put("writtenOn", (c.writtenOn() != null) ? c.writtenOn().toString() : "");
		f.put("signedOn", (c.signedOn() != null) ? c.signedOn().toString() : "");
		f.put("disclosureMode", c.disclosureMode().name());
		f.put("disclosureReason", (c.disclosureReason() != null) ? c.disclosureReason() : "");
		f.put("catalogCategory", c.catalogCategory());
		f.put("addressee", nz(c.addressee()));
		f.put("opening", nz(c.opening()));
		f.put("closing", nz(c.closing()));
		f.put("issuer", nz(c.issuer()));
		f.put("resultClass", (c.resultClass() != null) ? c.resultClass().name() : "");
		for (int i = 0; i < c.sections().size(); i++) {
			SectionContent s = c.sections().get(i);
			String p = "sections[" + i + "].";
			f.put(p + "kind", s.kind().name());
			f.put(p + "heading", s.heading());
			f.put(p + "body", s.body());
			for (int j = 0; j < s.figures().size(); j++) {
				FigureContent fig = s.figures().get(j);
				String q = p + "figures[" + j + "].";
				f.put(q + "subject", fig.subject());
				f.put(q + "value", FigureForm.plain(fig.value()));
				f.put(q + "unit", fig.unit());
				f.put(q + "kind", fig.kind().name());
				f.put(q + "comparator", nz(fig.comparator()));
				f.put(q + "period", nz(fig.period()));
				f.put(q + "deadlineYear", (fig.deadlineYear() != null) ? fig.deadlineYear().toString() : "");
				f.put(q + "region", nz(fig.region()));
				f.put(q + "growthRate", FigureForm.plain(fig.growthRate()));
				f.put(q + "rank", nz(fig.rank()));
				f.put(q + "taskShare", FigureForm.plain(fig.taskShare()));
				f.put(q + "sourceSentence", nz(fig.sourceSentence()));
			}
		}
		return f;
	}

	static MockHttpServletRequestBuilder save(long id, Map<String, String> fields) {
		MockHttpServletRequestBuilder request = post("/workspace/unit/replies/" + id).with(csrf());
		fields.forEach(request::param);
		return request;
	}

	private static String nz(String value) {
		return (value != null) ? value : "";
	}

}
