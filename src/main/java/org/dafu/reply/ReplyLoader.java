package org.dafu.reply;

import java.util.List;

import org.dafu.access.AccessPolicy;
import org.dafu.access.ReplyFacts;
import org.dafu.access.Viewer;
import org.dafu.congress.CongressService;
import org.dafu.platform.web.NotFoundException;
import org.dafu.proposal.ProposalService;
import org.dafu.proposal.ProposalView;
import org.dafu.unit.UnitService;
import org.dafu.unit.UnitView;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * What the reply services share about one reply: its row locked for a change, the version
 * check, the facts the access policy needs and the view. It opens no transaction of its
 * own: each call runs in its caller's.
 */
@Component
class ReplyLoader {

	private final ReplyRepository replies;

	private final ProposalService proposals;

	private final CongressService congress;

	private final UnitService units;

	private final AccessPolicy access;

	ReplyLoader(ReplyRepository replies, ProposalService proposals, CongressService congress, UnitService units,
			AccessPolicy access) {
		this.replies = replies;
		this.proposals = proposals;
		this.congress = congress;
		this.units = units;
		this.access = access;
	}

	/** The reply with its sections, its row locked for this transaction. */
	Reply lockForChange(long id) {
		this.replies.lockById(id).orElseThrow(() -> new NotFoundException("reply", id));
		return this.replies.findWithSectionsById(id).orElseThrow(() -> new NotFoundException("reply", id));
	}

	static void checkVersion(Reply reply, int expectedVersion) {
		if (reply.getVersion() != expectedVersion) {
			throw new ObjectOptimisticLockingFailureException(Reply.class, reply.getId());
		}
	}

	/** The facts of a reply the viewer may read; otherwise 404. */
	ReplyFacts readableFacts(Viewer viewer, Reply reply) {
		ReplyFacts facts = facts(reply, this.proposals.proposal(reply.getProposalId()));
		if (!this.access.canRead(viewer, facts)) {
			throw new NotFoundException("reply", reply.getId());
		}
		return facts;
	}

	ReplyFacts facts(long id) {
		Reply reply = this.replies.findById(id).orElseThrow(() -> new NotFoundException("reply", id));
		return facts(reply, this.proposals.proposal(reply.getProposalId()));
	}

	ReplyFacts facts(Reply reply, ProposalView proposal) {
		return new ReplyFacts(reply.isIssued(), reply.isPublic(), reply.getUnitId(), proposal.leadDeputyId(),
				proposal.cosignerIds());
	}

	static Long leadUnitId(ProposalView proposal) {
		return (proposal.lead() != null) ? proposal.lead().unitId() : null;
	}

	ReplyView view(Reply reply, ProposalView proposal) {
		String sessionName = this.congress.session(proposal.sessionId()).name();
		String deputyName = this.congress.deputy(proposal.leadDeputyId()).name();
		UnitView unit = this.units.unit(reply.getUnitId());
		return of(reply,
				new ReplyView.ProposalRef(proposal.id(), proposal.number(), proposal.title(), proposal.sessionId(),
						sessionName, proposal.leadDeputyId(), deputyName),
				new ReplyView.UnitRef(unit.id(), unit.name()),
				reply.getCorrections().stream().map(ReplyCorrection::view).toList(),
				reply.getReviewSteps().stream().map(ReplyReviewStep::view).toList());
	}

	/**
	 * The reply's own letter only, as {@link #view} has it, without what it refers to
	 * (proposal, unit: null), its corrections or its review: what a revision's snapshot
	 * holds ({@link ReplySnapshot}), read from the entity as it is, without a statement
	 * for what the snapshot does not show.
	 */
	static ReplyView letterOnly(Reply reply) {
		return of(reply, null, null, List.of(), List.of());
	}

	/** The reply's own fields and letter, with what the caller read around it. */
	private static ReplyView of(Reply reply, ReplyView.ProposalRef proposal, ReplyView.UnitRef unit,
			List<ReplyView.CorrectionView> corrections, List<ReplyView.ReviewView> review) {
		return new ReplyView(reply.getId(), reply.getStatus(), reply.getKind(), reply.getIndexNumber(),
				reply.getWrittenOn(), reply.getSignedOn(), reply.getDisclosureMode(), reply.getDisclosureReason(),
				reply.getCatalogCategory(), reply.getAddressee(), reply.getOpening(), reply.getClosing(),
				reply.getIssuer(), reply.getResultClass(), reply.getIssuedAt(), reply.getVersion(),
				reply.getUpdatedAt(), proposal, unit, sections(reply), corrections, reply.getSignerName(), review,
				null);
	}

	private static List<ReplyView.SectionView> sections(Reply reply) {
		return reply.getSections()
			.stream()
			.map((s) -> new ReplyView.SectionView(s.getId(), s.getOrdinal(), s.getKind(), s.getHeading(), s.getBody(),
					s.getFigures()
						.stream()
						.map((f) -> new ReplyView.FigureView(f.getId(), f.getOrdinal(), s.getOrdinal(), f.content()))
						.toList()))
			.toList();
	}

}
