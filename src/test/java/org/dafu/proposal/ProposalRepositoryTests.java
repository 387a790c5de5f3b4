package org.dafu.proposal;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.dafu.testing.Owners;
import org.dafu.testing.RepositoryTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/** The proposal repository's queries and the proposal table's constraints. */
@RepositoryTest
class ProposalRepositoryTests {

	@Autowired
	ProposalRepository proposals;

	@Autowired
	TestEntityManager entities;

	@Autowired
	Owners owners;

	@Test
	void aProposalIsFoundByItsSessionAndNumberWithItsAssignments() {
		long session = this.owners.session();
		long deputy = this.owners.deputy();
		long lead = this.owners.unit();
		long co = this.owners.unit();
		Proposal proposal = new Proposal(session, 7, "关于加快充电桩建设的建议", deputy);
		proposal.assign(lead, List.of(co), LocalDate.of(2022, 3, 1), LocalDate.of(2022, 6, 1));
		this.proposals.saveAndFlush(proposal);
		this.entities.clear();

		Proposal found = this.proposals.findBySessionIdAndNumber(session, 7).orElseThrow();
		assertThat(found.getTitle()).isEqualTo("关于加快充电桩建设的建议");
		assertThat(found.getStatus()).isEqualTo(ProposalStatus.ASSIGNED);
		assertThat(found.getAssignments()).extracting(Assignment::getRole, Assignment::getUnitId)
			.containsExactlyInAnyOrder(tuple(AssignmentRole.LEAD, lead), tuple(AssignmentRole.CO, co));
		assertThat(found.leadAssignment().orElseThrow().getDeadline()).isEqualTo(LocalDate.of(2022, 6, 1));
		assertThat(this.proposals.findBySessionIdAndNumber(session, 8)).isEmpty();
	}

	@Test
	void theNextNumberCountsFromTheSessionsHighest() {
		long session = this.owners.session();
		long other = this.owners.session();
		long deputy = this.owners.deputy();
		assertThat(this.proposals.maxNumber(session)).isZero();
		this.proposals.save(new Proposal(session, 3, "甲", deputy));
		this.proposals.save(new Proposal(session, 12, "乙", deputy));
		this.proposals.save(new Proposal(other, 40, "丙", deputy));
		this.proposals.flush();

		assertThat(this.proposals.maxNumber(session)).isEqualTo(12);
		assertThat(this.proposals.findBySessionIdOrderByNumberAsc(session)).extracting(Proposal::getNumber)
			.containsExactly(3, 12);
	}

	@Test
	void aDeputysProposalsAreTheOnesTheyLedOrCosignedNewestFirst() {
		long session = this.owners.session();
		long deputy = this.owners.deputy();
		long someoneElse = this.owners.deputy();
		Proposal led = this.proposals.save(new Proposal(session, 1, "领衔的", deputy));
		Proposal cosigned = new Proposal(session, 2, "联名的", someoneElse);
		cosigned.replaceCosigners(Set.of(deputy));
		cosigned = this.proposals.save(cosigned);
		this.proposals.save(new Proposal(session, 3, "别人的", someoneElse));
		this.proposals.flush();
		this.entities.clear();

		assertThat(this.proposals.findLedOrCosignedBy(deputy)).extracting(Proposal::getId)
			.containsExactly(cosigned.getId(), led.getId());
	}

	@Test
	void theDatabaseRefusesTwoProposalsWithOneNumberInASession() {
		long session = this.owners.session();
		long deputy = this.owners.deputy();
		this.proposals.saveAndFlush(new Proposal(session, 5, "先登记的", deputy));

		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.proposals.saveAndFlush(new Proposal(session, 5, "重号的", deputy)))
			.withMessageContaining("uq_proposal_number");
	}

}
