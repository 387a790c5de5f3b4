package org.dafu.reply;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.dafu.proposal.ProposalService;
import org.dafu.proposal.ProposalService.RegisterProposalCommand;
import org.dafu.testing.Owners;
import org.dafu.testing.RepositoryTest;
import org.dafu.testing.TestData;
import org.hibernate.Hibernate;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The reply repository's queries, and what the reply table itself holds to, on the real
 * database. The proposal a reply answers is registered through its owner's service.
 */
@RepositoryTest
@Import(ProposalService.class)
class ReplyRepositoryTests {

	@Autowired
	ReplyRepository replies;

	@Autowired
	ProposalService proposals;

	@Autowired
	TestEntityManager entities;

	@Autowired
	Owners owners;

	@Test
	void aReplyIsReadWithItsSectionsInOneGo() {
		long unit = this.owners.unit();
		Reply draft = this.replies.saveAndFlush(draft(proposal(unit), unit, "甲"));
		this.entities.clear();

		Reply found = this.replies.findWithSectionsById(draft.getId()).orElseThrow();
		assertThat(Hibernate.isInitialized(found.getSections())).isTrue();
		assertThat(found.getSections()).isNotEmpty();
	}

	@Test
	void anIssuedReplyIsFoundByItsIndexNumber() {
		long unit = this.owners.unit();
		long proposal = proposal(unit);
		String indexNumber = "REPO" + TestData.unique() + "/2022-1";
		Reply reply = draft(proposal, unit, "乙");
		reply.submit("drafter", Instant.parse("2022-11-06T01:00:00Z"));
		reply.issue(indexNumber, Instant.parse("2022-11-06T02:00:00Z"), "王某", "official");
		this.replies.saveAndFlush(reply);
		this.entities.clear();

		assertThat(this.replies.existsByIndexNumber(indexNumber)).isTrue();
		assertThat(this.replies.findByIndexNumber(indexNumber)).get().extracting(Reply::getId).isEqualTo(reply.getId());
		assertThat(this.replies.existsByIndexNumber("REPO0/2022-1")).isFalse();
	}

	@Test
	void aProposalsRepliesComeInTheOrderTheyWereWritten() {
		long unit = this.owners.unit();
		long proposal = proposal(unit);
		Reply first = this.replies.save(draft(proposal, unit, "一"));
		Reply second = this.replies.save(draft(proposal, unit, "二"));
		this.replies.save(draft(proposal(unit), unit, "别的建议"));
		this.replies.flush();

		assertThat(this.replies.findByProposalIdOrderByIdAsc(proposal)).extracting(Reply::getId)
			.containsExactly(first.getId(), second.getId());
	}

	@Test
	void aFormsTokenFindsTheReplyItWrote() {
		long unit = this.owners.unit();
		UUID token = UUID.randomUUID();
		Reply reply = draft(proposal(unit), unit, "丙");
		reply.writtenByForm(token);
		this.replies.saveAndFlush(reply);

		assertThat(this.replies.findByFormToken(token)).get().extracting(Reply::getId).isEqualTo(reply.getId());
		assertThat(this.replies.findByFormToken(UUID.randomUUID())).isEmpty();
	}

	@Test
	void theDatabaseRefusesTwoRepliesWithOneIndexNumber() {
		long unit = this.owners.unit();
		String indexNumber = "REPO" + TestData.unique() + "/2022-2";
		for (String marker : List.of("丁", "戊")) {
			Reply reply = draft(proposal(unit), unit, marker);
			reply.submit("drafter", Instant.parse("2022-11-06T01:00:00Z"));
			reply.issue(indexNumber, Instant.parse("2022-11-06T02:00:00Z"), "王某", "official");
			if (marker.equals("丁")) {
				this.replies.saveAndFlush(reply);
			}
			else {
				assertThatExceptionOfType(DataIntegrityViolationException.class)
					.isThrownBy(() -> this.replies.saveAndFlush(reply))
					.withMessageContaining("uq_reply_index_number");
			}
		}
	}

	private long proposal(long unit) {
		long session = this.owners.session();
		long proposal = this.proposals
			.register(new RegisterProposalCommand(session, 1, "关于" + TestData.unique() + "的建议", null,
					this.owners.deputy(), Set.of(), null, LocalDate.of(2022, 2, 20), false))
			.id();
		this.proposals.assign(proposal, unit, List.of(), LocalDate.of(2022, 3, 1), null);
		return proposal;
	}

	private static Reply draft(long proposal, long unit, String marker) {
		return new Reply(proposal, unit, ReplyKind.ORIGINAL,
				TestData.letter(marker, DisclosureMode.PROACTIVE, ResultClass.A));
	}

}
