package org.dafu.evaluation.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.dafu.access.Viewer;
import org.dafu.congress.CongressService;
import org.dafu.congress.SessionView;
import org.dafu.evaluation.EvaluationService;
import org.dafu.evaluation.EvaluationView;
import org.dafu.evaluation.RehandlingView;
import org.dafu.platform.ClockConfiguration;
import org.dafu.platform.web.NotFoundException;
import org.dafu.proposal.ProposalService;
import org.dafu.proposal.ProposalView;
import org.dafu.reply.ReplyService;
import org.dafu.reply.ReplyView;
import org.dafu.unit.UnitService;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A deputy's own proposals (led or co-signed) with their journey and replies. Replies
 * come from {@link ReplyService#readableOfProposal}, so the access policy decides which
 * ones the deputy sees (issued ones, whatever their disclosure mode).
 */
@Service
@Transactional(readOnly = true)
class MyProposalsService {

	private static final ZoneId ZONE = ClockConfiguration.ZONE;

	private final ProposalService proposals;

	private final ReplyService replies;

	private final EvaluationService evaluations;

	private final CongressService congress;

	private final UnitService units;

	MyProposalsService(ProposalService proposals, ReplyService replies, EvaluationService evaluations,
			CongressService congress, UnitService units) {
		this.proposals = proposals;
		this.replies = replies;
		this.evaluations = evaluations;
		this.congress = congress;
		this.units = units;
	}

	List<Row> proposals(Viewer viewer) {
		requireDeputy(viewer);
		return this.proposals.proposalsOfDeputy(viewer.deputyId())
			.stream()
			.map((p) -> new Row(p, this.congress.session(p.sessionId()).name(),
					viewer.deputyId().equals(p.leadDeputyId())))
			.toList();
	}

	Detail proposal(Viewer viewer, long id) {
		requireDeputy(viewer);
		ProposalView proposal = this.proposals.proposal(id);
		if (!proposal.isLedOrCosignedBy(viewer.deputyId())) {
			throw new NotFoundException("proposal", id);
		}
		SessionView session = this.congress.session(proposal.sessionId());
		List<ReplyView> readable = this.replies.readableOfProposal(viewer, id);
		Map<Long, EvaluationView> ratings = this.evaluations.ratingsOfProposal(viewer, id)
			.stream()
			.filter((e) -> e.deputyId().equals(proposal.leadDeputyId()))
			.collect(Collectors.toMap(EvaluationView::replyId, Function.identity(), (a, b) -> a));
		RehandlingView rehandling = this.evaluations.rehandlingOf(id).orElse(null);
		List<ReplyBlock> blocks = readable.stream()
			.map((r) -> new ReplyBlock(r, ratings.get(r.id()), this.evaluations.canRateNow(viewer, r)))
			.toList();
		List<Assigned> assigned = proposal.assignments()
			.stream()
			.map((a) -> new Assigned(this.units.unit(a.unitId()).name(), a.role().name(), a.assignedOn(), a.deadline(),
					a.assignedDeadline()))
			.toList();
		return new Detail(proposal, session, this.congress.deputy(proposal.leadDeputyId()).name(),
				viewer.deputyId().equals(proposal.leadDeputyId()), assigned, blocks, rehandling,
				timeline(proposal, assigned, readable, ratings, rehandling));
	}

	private List<Event> timeline(ProposalView proposal, List<Assigned> assigned, List<ReplyView> readable,
			Map<Long, EvaluationView> ratings, RehandlingView rehandling) {
		List<Event> events = new ArrayList<>();
		if (proposal.submittedOn() != null) {
			events.add(new Event(proposal.submittedOn(), "SUBMITTED", "", ""));
		}
		for (Assigned a : assigned) {
			// the deadline given at 交办: extensions and 重新办理 are steps of their own
			events.add(new Event(a.assignedOn(), "ASSIGNED_" + a.role(), a.unitName(),
					(a.assignedDeadline() != null) ? a.assignedDeadline().toString() : ""));
		}
		for (ReplyView r : readable) {
			if (r.issuedAt() == null) {
				continue;
			}
			LocalDate issued = LocalDate.ofInstant(r.issuedAt(), ZONE);
			events.add(new Event(issued, "REPLIED_" + r.kind(), r.unit().name(), r.indexNumber()));
			if (r.isPublic()) {
				events.add(new Event(issued, "DISCLOSED", r.indexNumber(), ""));
			}
			EvaluationView rating = ratings.get(r.id());
			if (rating != null) {
				events.add(new Event(LocalDate.ofInstant(rating.updatedAt(), ZONE), "EVALUATED", r.indexNumber(),
						rating.result().name()));
			}
		}
		if (rehandling != null) {
			events.add(new Event(LocalDate.ofInstant(rehandling.startedAt(), ZONE), "REHANDLING",
					rehandling.deadline().toString(), ""));
		}
		events.sort(Comparator.comparing(Event::date));
		return events;
	}

	private static void requireDeputy(Viewer viewer) {
		if (!viewer.isDeputy()) {
			throw new AccessDeniedException("deputies only");
		}
	}

	record Row(ProposalView proposal, String sessionName, boolean lead) {
	}

	/**
	 * @param deadline the deadline in force
	 * @param assignedDeadline the deadline set at 交办
	 */
	record Assigned(String unitName, String role, LocalDate assignedOn, LocalDate deadline,
			LocalDate assignedDeadline) {
	}

	record ReplyBlock(ReplyView reply, EvaluationView rating, boolean canRate) {
	}

	/**
	 * One step of the journey; {@code kind} names the message key, {@code a} and
	 * {@code b} are its arguments.
	 */
	record Event(LocalDate date, String kind, String a, String b) {
	}

	record Detail(ProposalView proposal, SessionView session, String leadDeputyName, boolean lead,
			List<Assigned> assignments, List<ReplyBlock> replies, RehandlingView rehandling, List<Event> timeline) {
	}

}
