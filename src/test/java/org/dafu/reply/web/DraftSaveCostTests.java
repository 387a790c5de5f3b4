package org.dafu.reply.web;

import java.util.List;
import java.util.Map;

import org.dafu.reply.ReplyService;
import org.dafu.testing.SqlStatementCounter;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dafu.testing.AsViewer.as;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What saving a draft from the editor costs, counted in SQL statements: a save writes the
 * reply's row and the sections it changed, not every section and figure again, and the
 * search index builds the reply's document once.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ TestDataConfiguration.class, SqlStatementCounter.class })
class DraftSaveCostTests {

	/** The search document's query of what the reply refers to (ReplyIndexBinder). */
	static final String DOCUMENT = "select p.number, p.title";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	ReplyService replies;

	@Test
	void aSaveWritesTheSectionItChangedAndBuildsTheDocumentOnce() throws Exception {
		Scenario s = this.data.scenario();
		long id = this.data.draft(s, "保存前");
		Map<String, String> fields = EditorPosts.fieldsOf(this.replies.ofOwnUnit(s.official(), id));
		fields.put("sections[1].body", fields.get("sections[1].body") + "又改");
		List<String> statements = save(s, id, fields);
		assertThat(count(statements, "update reply_section")).isEqualTo(1);
		assertThat(count(statements, "insert into reply_section")).isZero();
		assertThat(count(statements, "delete from reply_section")).isZero();
		assertThat(count(statements, "insert into figure")).isZero();
		assertThat(count(statements, "delete from figure")).isZero();
		assertThat(count(statements, "update reply ")).isEqualTo(1);
		assertThat(count(statements, DOCUMENT)).isEqualTo(1);
		// the reply is read for the save (its editor's view, then locked and loaded by
		// the
		// service, then by the history), not once more for whether to offer 签发
		assertThat(count(statements, "from reply r1_0")).isEqualTo(4);
		assertThat(this.replies.ofOwnUnit(s.official(), id).sections().get(1).body()).endsWith("又改");
	}

	@Test
	void aSaveOfTheLetterAroundTheSectionsWritesTheReplyOnly() throws Exception {
		Scenario s = this.data.scenario();
		long id = this.data.draft(s, "保存前");
		Map<String, String> fields = EditorPosts.fieldsOf(this.replies.ofOwnUnit(s.official(), id));
		fields.put("addressee", "另一位代表：");
		List<String> statements = save(s, id, fields);
		assertThat(count(statements, "update reply ")).isEqualTo(1);
		assertThat(count(statements, "update reply_section")).isZero();
		assertThat(count(statements, "insert into reply_section")).isZero();
		assertThat(count(statements, "insert into figure")).isZero();
		assertThat(count(statements, "delete from")).isZero();
		// the letter around the sections is one property of the reply for Hibernate
		// Search: a change of any of it builds the document (once)
		assertThat(count(statements, DOCUMENT)).isEqualTo(1);
		assertThat(this.replies.ofOwnUnit(s.official(), id).addressee()).isEqualTo("另一位代表：");
	}

	@Test
	void aFigureChangedReplacesTheFiguresOfItsSectionOnly() throws Exception {
		Scenario s = this.data.scenario();
		long id = this.data.draft(s, "保存前");
		Map<String, String> fields = EditorPosts.fieldsOf(this.replies.ofOwnUnit(s.official(), id));
		fields.put("sections[0].figures[0].value", "4321.5");
		List<String> statements = save(s, id, fields);
		assertThat(count(statements, "update reply_section")).isZero();
		assertThat(count(statements, "delete from reply_section")).isZero();
		assertThat(count(statements, "insert into figure")).isEqualTo(2);
		assertThat(count(statements, "delete from figure")).isEqualTo(2);
		assertThat(this.replies.ofOwnUnit(s.official(), id).sections().get(0).figures().get(0).content().value())
			.isEqualByComparingTo("4321.5");
	}

	private List<String> save(Scenario s, long id, Map<String, String> fields) throws Exception {
		List<String> statements = SqlStatementCounter
			.record(() -> this.mvc.perform(EditorPosts.save(id, fields).with(as(s.official())))
				.andExpect(status().is3xxRedirection()));
		return statements;
	}

	private static long count(List<String> statements, String prefix) {
		return statements.stream().filter((sql) -> sql.strip().startsWith(prefix) || sql.contains(prefix)).count();
	}

}
