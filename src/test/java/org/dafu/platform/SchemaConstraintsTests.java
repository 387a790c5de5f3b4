package org.dafu.platform;

import java.util.Map;

import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The database holds the rules even when the Java code is bypassed: these statements go
 * straight to PostgreSQL and must be refused there.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class SchemaConstraintsTests {

	@Autowired
	TestData data;

	@Autowired
	NamedParameterJdbcTemplate jdbc;

	@Test
	void aDuplicateIndexNumberIsRefused() {
		Scenario s = this.data.scenario();
		long id = this.data.issued(s, org.dafu.reply.DisclosureMode.PROACTIVE, "索引号重复");
		String index = this.jdbc.queryForObject("select index_number from reply where id = :id", Map.of("id", id),
				String.class);
		long draft = this.data.draft(s, "另一份");
		assertThatThrownBy(() -> this.jdbc.update("update reply set index_number = :n where id = :id",
				Map.of("n", index, "id", draft)))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void aDuplicateProposalNumberInOneSessionIsRefused() {
		Scenario s = this.data.scenario();
		assertThatThrownBy(() -> this.jdbc.update("""
				insert into proposal (session_id, number, title, lead_deputy_id)
				values (:session, 4, '重复编号', :deputy)""", Map.of("session", s.sessionId(), "deputy", s.leadDeputyId())))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void statusValuesAndIssuedCompletenessAreChecked() {
		Scenario s = this.data.scenario();
		long draft = this.data.draft(s, "状态");
		assertThatThrownBy(() -> this.jdbc.update("update proposal set status = 'DONE' where id = :id",
				Map.of("id", s.proposalId())))
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(
				() -> this.jdbc.update("update reply set status = 'ISSUED' where id = :id", Map.of("id", draft)))
			.as("an issued reply without 索引号 and issue time")
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> this.jdbc.update(
				"update reply set disclosure_mode = 'NOT_PUBLIC', disclosure_reason = null where id = :id",
				Map.of("id", draft)))
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(
				() -> this.jdbc.update("update reply set index_number = 'bad' where id = :id", Map.of("id", draft)))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void aProposalHasOneLeadUnitAndDeadlinesAreNotBeforeAssignment() {
		Scenario s = this.data.scenario();
		assertThatThrownBy(() -> this.jdbc.update("""
				insert into assignment (proposal_id, unit_id, role, assigned_on, deadline)
				values (:p, :u, 'LEAD', date '2022-03-01', date '2022-06-01')""",
				Map.of("p", s.proposalId(), "u", s.otherUnitId())))
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> this.jdbc.update("""
				insert into assignment (proposal_id, unit_id, role, assigned_on, deadline)
				values (:p, :u, 'CO', date '2022-03-01', date '2022-02-01')""",
				Map.of("p", s.proposalId(), "u", s.otherUnitId())))
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThat(this.jdbc.update("""
				insert into assignment (proposal_id, unit_id, role, assigned_on, deadline)
				values (:p, :u, 'CO', date '2022-03-01', date '2022-06-01')""",
				Map.of("p", s.proposalId(), "u", s.otherUnitId())))
			.isEqualTo(1);
	}

}
