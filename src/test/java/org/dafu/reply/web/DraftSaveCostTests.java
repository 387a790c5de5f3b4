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
 * reply's row and the sections it changed, not every section and figure again (figures
 * posted as the editor shows them, 1.8 for the stored 1.8000, are the same figures), the
 * search index builds the reply's document once, and neither the controller nor the
 * history reads the full view of the reply.
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
		// the reply is read as an entity twice (locked, then loaded with its sections by
		// the service): not as a full view by the controller before the save (its status
		// alone), by the history for its snapshot (the entity the save changed), nor for
		// whether to offer 签发
		assertThat(count(statements, "from reply r1_0")).isEqualTo(2);
		assertThat(count(statements, "select unit_id, status from reply")).isEqualTo(1);
		// what the full view adds and the snapshot does not show is not read (the search
		// document's one query names some of these tables as well)
		List<String> others = statements.stream().filter((sql) -> !sql.contains(DOCUMENT)).toList();
		for (String table : List.of("congress_session", "deputy ", "handling_unit", "reply_correction",
				"reply_review_step")) {
			assertThat(count(others, "from " + table)).as(table).isZero();
		}
		// the history still records the edit: the latest snapshot read, one revision
		// written
		assertThat(count(statements, "insert into revision")).isEqualTo(1);
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

	@Test
	void theLighterCheckBeforeASaveStillHidesTheDraftFromOtherUnits() throws Exception {
		Scenario s = this.data.scenario();
		long id = this.data.draft(s, "保存前");
		Map<String, String> fields = EditorPosts.fieldsOf(this.replies.ofOwnUnit(s.official(), id));
		fields.put("sections[1].body", "别的单位改的");
		this.mvc.perform(EditorPosts.save(id, fields).with(as(s.otherOfficial()))).andExpect(status().isNotFound());
		this.mvc.perform(EditorPosts.save(Long.MAX_VALUE, fields).with(as(s.official())))
			.andExpect(status().isNotFound());
		assertThat(this.replies.ofOwnUnit(s.official(), id).sections().get(1).body()).doesNotContain("别的单位改的");
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
