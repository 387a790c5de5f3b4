package org.dafu.proposal;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.dafu.proposal.ProposalService.RegisterProposalCommand;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The proposal's rules hold for every caller of the service (import and demo data too,
 * not only the coordinator's page), on the real database.
 */
@SpringBootTest
@Import(TestDataConfiguration.class)
class ProposalServiceRulesTests {

	private static final LocalDate MARCH_1 = LocalDate.of(2022, 3, 1);

	@Autowired
	ProposalService proposals;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Test
	void assignRefusesATwelveMonthFirstDeadlineAndRecordsNothing() {
		Scenario s = this.data.scenario();
		long id = register(s, 100 + TestData.unique() % 100_000);

		assertThatExceptionOfType(DeadlineRefusedException.class)
			.isThrownBy(() -> this.proposals.assign(id, s.unitId(), List.of(), MARCH_1, MARCH_1.plusMonths(12)))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("coordination.assign.deadline.tooLate"));

		ProposalView after = this.proposals.proposal(id);
		assertThat(after.status()).isEqualTo(ProposalStatus.REGISTERED);
		assertThat(after.assignments()).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from notification where proposal_id = :id")
			.param("id", id)
			.query(Long.class)
			.single()).isZero();

		this.proposals.assign(id, s.unitId(), List.of(), MARCH_1, MARCH_1.plusMonths(6));
		assertThat(this.proposals.proposal(id).lead().deadline()).isEqualTo(LocalDate.of(2022, 9, 1));
	}

	@Test
	void aNumberIsRegisteredOncePerSession() {
		Scenario s = this.data.scenario();
		assertThatExceptionOfType(ProposalRefusedException.class).isThrownBy(() -> register(s, 4)).satisfies((ex) -> {
			assertThat(ex.field()).isEqualTo("number");
			assertThat(ex.messageKey()).isEqualTo("coordination.proposal.duplicateNumber");
		});
		assertThat(this.proposals.proposalsOfSession(s.sessionId())).hasSize(1);
	}

	private long register(Scenario s, int number) {
		return this.proposals
			.register(new RegisterProposalCommand(s.sessionId(), number, "关于规则建议" + number + "的建议", "正文",
					s.leadDeputyId(), Set.of(), null, LocalDate.of(2022, 2, 20), false))
			.id();
	}

}
