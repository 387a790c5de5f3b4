package org.dafu.opinion;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dafu.access.AccessPolicy;
import org.dafu.access.OpinionFacts;
import org.dafu.access.Viewer;
import org.dafu.notify.NotificationKind;
import org.dafu.notify.Notifier;
import org.dafu.notify.Recipient;
import org.dafu.platform.ClockConfiguration;
import org.dafu.platform.web.NotFoundException;
import org.dafu.proposal.AssignmentRole;
import org.dafu.proposal.ProposalService;
import org.dafu.proposal.ProposalView;
import org.dafu.proposal.ProposalView.AssignmentView;
import org.dafu.reply.ReplyReads;
import org.dafu.unit.UnitService;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.dafu.proposal.ProposalProjections.ASSIGNMENTS;
import static org.dafu.proposal.ProposalProjections.PROPOSALS;

/**
 * Co-handling opinions (协办意见, 会签): each co-unit of a proposal writes one, submits it for
 * review, and its signer signs it or returns it with a comment; a coordinator may waive
 * an outstanding one with a reason. Every read and step asks the {@link AccessPolicy}.
 * Optimistic locking: each step names the version the page showed, and a stale one is
 * refused.
 */
@Service
@Transactional(readOnly = true)
public class OpinionService {

	static final int LIMIT = 500;

	private final CoOpinionRepository opinions;

	private final ProposalService proposals;

	private final UnitService units;

	private final AccessPolicy access;

	private final Notifier notifier;

	private final NamedParameterJdbcTemplate jdbc;

	private final ReplyReads replyReads;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final int daysBefore;

	OpinionService(CoOpinionRepository opinions, ProposalService proposals, UnitService units, AccessPolicy access,
			Notifier notifier, NamedParameterJdbcTemplate jdbc, ReplyReads replyReads, ApplicationEventPublisher events,
			Clock clock,
			@Value("${dafu.opinion.days-before-lead-deadline:" + OpinionDue.DEFAULT_DAYS + "}") int daysBefore) {
		this.opinions = opinions;
		this.proposals = proposals;
		this.units = units;
		this.access = access;
		this.notifier = notifier;
		this.jdbc = jdbc;
		this.replyReads = replyReads;
		this.events = events;
		this.clock = clock;
		this.daysBefore = daysBefore;
	}

	/** Days before the lead unit's deadline that an opinion is due. */
	public int daysBefore() {
		return this.daysBefore;
	}

	/**
	 * The co-unit's workspace: every proposal the viewer's unit co-handles, with its
	 * opinion's status and due date; overdue ones first, then by due date.
	 */
	public List<OpinionView> ofOwnUnit(Viewer viewer) {
		if (!viewer.isOfficial()) {
			throw new AccessDeniedException("the opinions list is a unit official's");
		}
		LocalDate today = LocalDate.now(this.clock);
		List<OpinionView> rows = new ArrayList<>();
		this.jdbc.query("""
				select p.id, p.number, p.title, l.deadline, o.status, o.version, o.publish, o.waived_at
				from %1$s a
				join %2$s p on p.id = a.proposal_id
				left join %1$s l on l.proposal_id = p.id and l.role = 'LEAD'
				left join co_opinion o on o.proposal_id = p.id and o.unit_id = a.unit_id
				where a.unit_id = :unit and a.role = 'CO'
				order by l.deadline, p.id
				limit :limit""".formatted(ASSIGNMENTS, PROPOSALS), Map.of("unit", viewer.unitId(), "limit", LIMIT),
				(rs) -> {
					LocalDate leadDeadline = rs.getObject("deadline", LocalDate.class);
					OpinionStatus status = (rs.getString("status") != null)
							? OpinionStatus.valueOf(rs.getString("status")) : OpinionStatus.DRAFT;
					boolean waived = rs.getObject("waived_at") != null;
					boolean outstanding = status != OpinionStatus.SIGNED && !waived;
					LocalDate due = OpinionDue.of(leadDeadline, this.daysBefore);
					Integer version = (rs.getString("status") != null) ? rs.getInt("version") : null;
					rows.add(new OpinionView(rs.getLong("id"), rs.getInt("number"), rs.getString("title"),
							viewer.unitId(), null, status, version, null, rs.getBoolean("publish"), null, null, null,
							null, null, leadDeadline, due, OpinionDue.overdue(due, outstanding, today), outstanding,
							List.of()));
				});
		rows.sort((a, b) -> Boolean.compare(b.overdue(), a.overdue()));
		return rows;
	}

	/**
	 * The viewer's unit's opinion on a proposal it co-handles (empty text before anything
	 * was written); for a unit that does not co-handle it, the proposal does not exist.
	 */
	public OpinionView ofOwnUnit(Viewer viewer, long proposalId) {
		ProposalView proposal = coHandled(viewer, proposalId);
		Optional<CoOpinion> opinion = this.opinions.findByProposalIdAndUnitId(proposalId, viewer.unitId());
		return view(proposal, viewer.unitId(), opinion.orElse(null), true, true);
	}

	/**
	 * Saves the opinion's text and the choice to publish it. {@code expectedVersion} is
	 * null when the page showed nothing written yet.
	 */
	@Transactional
	public void save(Viewer viewer, long proposalId, Integer expectedVersion, String body, boolean publish) {
		coHandled(viewer, proposalId);
		CoOpinion opinion = lockedAt(proposalId, viewer.unitId(), expectedVersion, true);
		opinion.edit(body, publish, viewer.username(), now());
		this.opinions.saveAndFlush(opinion);
	}

	/** 提交审核: by the co-unit's drafter or signer. */
	@Transactional
	public void submit(Viewer viewer, long proposalId, int expectedVersion) {
		coHandled(viewer, proposalId);
		CoOpinion opinion = lockedAt(proposalId, viewer.unitId(), expectedVersion, false);
		opinion.submit(viewer.username(), now());
		this.opinions.flush();
	}

	/** 退回修改 with a comment: by the co-unit's signer. */
	@Transactional
	public void sendBack(Viewer viewer, long proposalId, int expectedVersion, String comment) {
		coHandled(viewer, proposalId);
		requireSigner(viewer);
		CoOpinion opinion = lockedAt(proposalId, viewer.unitId(), expectedVersion, false);
		opinion.sendBack(viewer.username(), comment, now());
		this.opinions.flush();
	}

	/** 签发: by the co-unit's signer; the lead unit is notified. */
	@Transactional
	public void sign(Viewer viewer, long proposalId, int expectedVersion) {
		ProposalView proposal = coHandled(viewer, proposalId);
		requireSigner(viewer);
		CoOpinion opinion = lockedAt(proposalId, viewer.unitId(), expectedVersion, false);
		opinion.sign(viewer.username(), now());
		this.opinions.flush();
		this.events.publishEvent(new OpinionSigned(proposalId, viewer.unitId()));
		if (proposal.lead() != null) {
			this.notifier.notify(Recipient.unit(proposal.lead().unitId()), NotificationKind.OPINION_SIGNED,
					"第" + proposal.number() + "号《" + proposal.title() + "》", this.units.unit(viewer.unitId()).name(),
					"/workspace/unit", proposalId, null);
		}
	}

	/**
	 * A coordinator lets the lead unit issue without the co-unit's outstanding opinion,
	 * with a required reason (recorded and shown).
	 */
	@Transactional
	public void waive(Viewer viewer, long proposalId, long unitId, Integer expectedVersion, String reason) {
		if (!this.access.canWaiveOpinion(viewer)) {
			throw new AccessDeniedException("only coordinators waive an opinion");
		}
		ProposalView proposal = this.proposals.proposal(proposalId);
		if (coUnits(proposal).noneMatch((a) -> a.unitId().equals(unitId))) {
			throw new NotFoundException("opinion", unitId);
		}
		CoOpinion opinion = lockedAt(proposalId, unitId, expectedVersion, true);
		opinion.waive(viewer.username(), reason, now());
		this.opinions.saveAndFlush(opinion);
	}

	/**
	 * Every co-unit's opinion on the proposal, for its lead unit (status and due date;
	 * the text once signed) and coordinators (everything); empty for anyone else.
	 */
	public List<OpinionView> forLeadUnit(Viewer viewer, long proposalId) {
		ProposalView proposal = this.proposals.proposal(proposalId);
		boolean leadUnit = viewer.isOfficial() && proposal.lead() != null
				&& viewer.unitId().equals(proposal.lead().unitId());
		if (!leadUnit && !viewer.isCoordinator()) {
			return List.of();
		}
		return allOf(viewer, proposal, viewer.isCoordinator());
	}

	/** {@link #forLeadUnit} for the viewer of the current request (for templates). */
	public List<OpinionView> forLeadUnitNow(long proposalId) {
		return forLeadUnit(this.access.currentViewer(), proposalId);
	}

	/**
	 * The signed opinions on the proposal whose text the viewer may read (the access
	 * policy's {@link AccessPolicy#canReadOpinion}): for deputies' and public pages.
	 */
	public List<OpinionView> opinionsVisibleTo(Viewer viewer, long proposalId) {
		// one plain statement when nothing is signed, as on most letter pages (no
		// entities loaded): the opinions, the proposal and the lead reply are read only
		// when there is an opinion to show
		if (!anySigned(proposalId)) {
			return List.of();
		}
		List<CoOpinion> signed = this.opinions.findByProposalIdOrderByIdAsc(proposalId)
			.stream()
			.filter((o) -> o.getStatus() == OpinionStatus.SIGNED)
			.toList();
		if (signed.isEmpty()) {
			return List.of();
		}
		ProposalView proposal = this.proposals.proposal(proposalId);
		boolean leadReplyPublic = leadReplyPublic(proposal);
		List<OpinionView> visible = new ArrayList<>();
		for (CoOpinion opinion : signed) {
			if (opinion.getStatus() == OpinionStatus.SIGNED && isCoUnit(proposal, opinion.getUnitId())
					&& this.access.canReadOpinion(viewer, facts(proposal, opinion, leadReplyPublic))) {
				visible.add(view(proposal, opinion.getUnitId(), opinion, true, false));
			}
		}
		return visible;
	}

	private boolean anySigned(long proposalId) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject(
				"select exists (select 1 from co_opinion where proposal_id = :proposal and status = :signed)",
				Map.of("proposal", proposalId, "signed", OpinionStatus.SIGNED.name()), Boolean.class));
	}

	/** Names of the co-units whose opinion is outstanding (neither signed nor waived). */
	public List<String> outstandingUnits(long proposalId) {
		ProposalView proposal = this.proposals.proposal(proposalId);
		List<String> names = new ArrayList<>();
		coUnits(proposal).forEach((a) -> {
			boolean outstanding = this.opinions.findByProposalIdAndUnitId(proposalId, a.unitId())
				.map(CoOpinion::outstanding)
				.orElse(true);
			if (outstanding) {
				names.add(this.units.unit(a.unitId()).name());
			}
		});
		return names;
	}

	private List<OpinionView> allOf(Viewer viewer, ProposalView proposal, boolean withSteps) {
		boolean leadReplyPublic = leadReplyPublic(proposal);
		return coUnits(proposal).map((a) -> {
			CoOpinion opinion = this.opinions.findByProposalIdAndUnitId(proposal.id(), a.unitId()).orElse(null);
			boolean readable = opinion != null
					&& this.access.canReadOpinion(viewer, facts(proposal, opinion, leadReplyPublic));
			return view(proposal, a.unitId(), opinion, readable, withSteps);
		}).toList();
	}

	private ProposalView coHandled(Viewer viewer, long proposalId) {
		ProposalView proposal = this.proposals.proposal(proposalId);
		if (!this.access.canWriteOpinion(viewer, viewer.unitId()) || !isCoUnit(proposal, viewer.unitId())) {
			throw new NotFoundException("proposal", proposalId);
		}
		return proposal;
	}

	private void requireSigner(Viewer viewer) {
		if (!this.access.canSignOpinion(viewer, viewer.unitId())) {
			throw new AccessDeniedException("only the unit's signer signs or returns its opinion");
		}
	}

	/**
	 * The opinion's row locked, at the version the page showed; a new one (for
	 * {@code create}) when nothing was written and the page showed nothing.
	 */
	private CoOpinion lockedAt(long proposalId, long unitId, Integer expectedVersion, boolean create) {
		Optional<CoOpinion> existing = this.opinions.lockByProposalIdAndUnitId(proposalId, unitId);
		if (existing.isEmpty()) {
			if (create && expectedVersion == null) {
				return new CoOpinion(proposalId, unitId, now());
			}
			throw new OpinionRefusedException("opinion.refused.empty");
		}
		CoOpinion opinion = existing.get();
		if (expectedVersion == null || opinion.getVersion() != expectedVersion) {
			throw new ObjectOptimisticLockingFailureException(CoOpinion.class, opinion.getId());
		}
		return opinion;
	}

	private boolean leadReplyPublic(ProposalView proposal) {
		if (proposal.lead() == null) {
			return false;
		}
		return this.replyReads.hasPublicReply(proposal.id(), proposal.lead().unitId());
	}

	private static OpinionFacts facts(ProposalView proposal, CoOpinion opinion, boolean leadReplyPublic) {
		return new OpinionFacts(opinion.getUnitId(), (proposal.lead() != null) ? proposal.lead().unitId() : null,
				opinion.getStatus() == OpinionStatus.SIGNED, opinion.isPublish(), leadReplyPublic,
				proposal.leadDeputyId(), proposal.cosignerIds());
	}

	private static java.util.stream.Stream<AssignmentView> coUnits(ProposalView proposal) {
		return proposal.assignments().stream().filter((a) -> a.role() == AssignmentRole.CO);
	}

	private static boolean isCoUnit(ProposalView proposal, Long unitId) {
		return coUnits(proposal).anyMatch((a) -> a.unitId().equals(unitId));
	}

	private OpinionView view(ProposalView proposal, long unitId, CoOpinion opinion, boolean withText,
			boolean withSteps) {
		LocalDate leadDeadline = (proposal.lead() != null) ? proposal.lead().deadline() : null;
		LocalDate due = OpinionDue.of(leadDeadline, this.daysBefore);
		String unitName = this.units.unit(unitId).name();
		if (opinion == null) {
			return new OpinionView(proposal.id(), proposal.number(), proposal.title(), unitId, unitName,
					OpinionStatus.DRAFT, null, withText ? "" : null, false, null, null, null, null, null, leadDeadline,
					due, OpinionDue.overdue(due, true, LocalDate.now(this.clock)), true, List.of());
		}
		List<OpinionView.StepView> steps = withSteps ? opinion.getSteps()
			.stream()
			.map((s) -> new OpinionView.StepView(s.getAction(), s.getActor(), beijing(s.getAt()), s.getComment()))
			.toList() : List.of();
		return new OpinionView(proposal.id(), proposal.number(), proposal.title(), unitId, unitName,
				opinion.getStatus(), opinion.getVersion(), withText ? opinion.getBody() : null, opinion.isPublish(),
				opinion.getSignedBy(), beijing(opinion.getSignedAt()), opinion.getWaivedBy(),
				beijing(opinion.getWaivedAt()), opinion.getWaiverReason(), leadDeadline, due,
				OpinionDue.overdue(due, opinion.outstanding(), LocalDate.now(this.clock)), opinion.outstanding(),
				steps);
	}

	private static LocalDateTime beijing(Instant at) {
		// to the second: an HTML datetime has at most three digits of a fraction
		return (at != null) ? LocalDateTime.ofInstant(at.truncatedTo(ChronoUnit.SECONDS), ClockConfiguration.ZONE)
				: null;
	}

	private Instant now() {
		return this.clock.instant();
	}

}
