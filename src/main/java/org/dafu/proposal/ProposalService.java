package org.dafu.proposal;

import org.springframework.transaction.annotation.Propagation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.dafu.platform.web.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
public class ProposalService {

	private final ProposalRepository proposals;

	private final TopicCategoryRepository topics;

	private final ApplicationEventPublisher events;

	ProposalService(ProposalRepository proposals, TopicCategoryRepository topics, ApplicationEventPublisher events) {
		this.proposals = proposals;
		this.topics = topics;
		this.events = events;
	}

	public boolean exists(long id) {
		return this.proposals.existsById(id);
	}

	/**
	 * Locks the proposal's row until the caller's transaction ends, so that what another
	 * feature adds about a proposal (a reminder) is added one at a time.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void lock(long id) {
		this.proposals.lockForNoKeyUpdate(id);
	}

	public ProposalView proposal(long id) {
		return this.proposals.findById(id)
			.map(ProposalView::of)
			.orElseThrow(() -> new NotFoundException("proposal", id));
	}

	public Optional<ProposalView> proposal(long sessionId, int number) {
		return this.proposals.findBySessionIdAndNumber(sessionId, number).map(ProposalView::of);
	}

	public List<ProposalView> proposalsOfSession(long sessionId) {
		return this.proposals.findBySessionIdOrderByNumberAsc(sessionId).stream().map(ProposalView::of).toList();
	}

	public List<ProposalView> proposalsOfDeputy(long deputyId) {
		return this.proposals.findLedOrCosignedBy(deputyId).stream().map(ProposalView::of).toList();
	}

	/**
	 * Registers a proposal under its number in its session.
	 * @throws ProposalRefusedException when the session has a proposal of that number, or
	 * the proposal breaks one of its rules
	 */
	@Transactional
	public ProposalView register(RegisterProposalCommand command) {
		if (this.proposals.findBySessionIdAndNumber(command.sessionId(), command.number()).isPresent()) {
			throw new ProposalRefusedException("number", "coordination.proposal.duplicateNumber", command.number());
		}
		return ProposalView.of(this.proposals.save(newProposal(command)));
	}

	/**
	 * Records a proposal read from an archived letter (bulk import of past letters only),
	 * marked {@link ProposalOrigin#IMPORTED_ARCHIVE} wherever staff see it.
	 */
	@Transactional
	public ProposalView registerHistorical(RegisterProposalCommand command) {
		Proposal proposal = newProposal(command);
		proposal.markImportedFromArchive();
		return ProposalView.of(this.proposals.save(proposal));
	}

	private static Proposal newProposal(RegisterProposalCommand command) {
		Proposal proposal = new Proposal(command.sessionId(), command.number(), command.title(),
				command.leadDeputyId());
		proposal.describe(command.title(), command.body(), command.topicCategoryId(), command.submittedOn(),
				command.keyProposal());
		command.cosignerIds().forEach(proposal::addCosigner);
		return proposal;
	}

	/**
	 * 交办: the deadline defaults to three months from {@code assignedOn}; one given is
	 * refused ({@link DeadlineRefusedException}) before the assignment or more than six
	 * months after it, whoever assigns (the coordinator's page, import, demo data).
	 */
	@Transactional
	public ProposalView assign(long proposalId, long leadUnitId, List<Long> coUnitIds, LocalDate assignedOn,
			LocalDate deadline) {
		Proposal proposal = load(proposalId);
		Assignment lead = proposal.assign(leadUnitId, coUnitIds, assignedOn,
				deadline != null ? deadline : Assignment.defaultDeadline(assignedOn));
		this.events.publishEvent(new ProposalAssigned(proposalId, leadUnitId, coUnitIds, lead.getDeadline()));
		return ProposalView.of(proposal);
	}

	@Transactional
	public void markReplied(long proposalId) {
		Proposal proposal = load(proposalId);
		if (proposal.getStatus() != ProposalStatus.REPLIED) {
			proposal.markReplied();
		}
	}

	@Transactional
	public ProposalView reopenForRehandling(long proposalId, LocalDate newDeadline) {
		Proposal proposal = load(proposalId);
		proposal.reopenForRehandling(newDeadline);
		return ProposalView.of(proposal);
	}

	/** The statutory default deadline of an assignment made on {@code assignedOn}. */
	public LocalDate defaultDeadline(LocalDate assignedOn) {
		return Assignment.defaultDeadline(assignedOn);
	}

	public int nextNumber(long sessionId) {
		return this.proposals.maxNumber(sessionId) + 1;
	}

	public List<TopicView> topics() {
		return this.topics.findAllByOrderByNameAsc()
			.stream()
			.map((t) -> new TopicView(t.getId(), t.getName()))
			.toList();
	}

	@Transactional
	public TopicView topicNamedOrCreate(String name) {
		if (name == null || name.isBlank()) {
			throw new ProposalRefusedException("topicCategoryId", "coordination.proposal.topicCategoryId.invalid");
		}
		TopicCategory topic = this.topics.findByName(name.trim())
			.orElseGet(() -> this.topics.save(new TopicCategory(name)));
		return new TopicView(topic.getId(), topic.getName());
	}

	private Proposal load(long id) {
		return this.proposals.findById(id).orElseThrow(() -> new NotFoundException("proposal", id));
	}

	/**
	 * A coordinator's correction of a registered proposal; refused with an optimistic
	 * locking failure when the proposal changed since the editor loaded
	 * {@code expectedVersion}.
	 */
	@PreAuthorize("hasRole('COORDINATOR')")
	@Transactional
	public ProposalView revise(long proposalId, int expectedVersion, ReviseProposalCommand command) {
		Proposal proposal = loadAt(proposalId, expectedVersion);
		proposal.revise(command.title(), command.body(), command.leadDeputyId(), command.cosignerIds(),
				command.topicCategoryId(), command.submittedOn(), command.keyProposal());
		this.proposals.flush();
		return ProposalView.of(proposal);
	}

	/** As {@link #assign(long, long, List, LocalDate, LocalDate)}, refused when stale. */
	@PreAuthorize("hasRole('COORDINATOR')")
	@Transactional
	public ProposalView assign(long proposalId, int expectedVersion, long leadUnitId, List<Long> coUnitIds,
			LocalDate assignedOn, LocalDate deadline) {
		loadAt(proposalId, expectedVersion);
		ProposalView assigned = assign(proposalId, leadUnitId, coUnitIds, assignedOn, deadline);
		this.proposals.flush();
		return proposal(assigned.id());
	}

	/**
	 * Extends the proposal's deadline (every assignment due earlier) with a reason, kept
	 * in the extension history; refused when stale.
	 */
	@PreAuthorize("hasRole('COORDINATOR')")
	@Transactional
	public ProposalView extendDeadline(long proposalId, int expectedVersion, LocalDate newDeadline, String reason,
			String extendedBy) {
		Proposal proposal = loadAt(proposalId, expectedVersion);
		proposal.extendDeadline(newDeadline, reason, extendedBy, Instant.now());
		this.proposals.flush();
		return ProposalView.of(proposal);
	}

	/** Every deadline extension of the proposal's assignments, oldest first. */
	public List<ExtensionView> extensionsOf(long proposalId) {
		return load(proposalId).getAssignments()
			.stream()
			.flatMap((a) -> a.getExtensions().stream())
			.sorted(Comparator.comparing(DeadlineExtension::getId))
			.map((e) -> new ExtensionView(e.getAssignment().getUnitId(), e.getAssignment().getRole(),
					e.getPreviousDeadline(), e.getNewDeadline(), e.getReason(), e.getExtendedBy(), e.getExtendedAt()))
			.toList();
	}

	private Proposal loadAt(long id, int expectedVersion) {
		Proposal proposal = load(id);
		if (proposal.getVersion() != expectedVersion) {
			throw new ObjectOptimisticLockingFailureException(Proposal.class, id);
		}
		return proposal;
	}

	public record TopicView(Long id, String name) {
	}

	public record ReviseProposalCommand(String title, String body, Long leadDeputyId, Set<Long> cosignerIds,
			Long topicCategoryId, LocalDate submittedOn, boolean keyProposal) {
	}

	public record ExtensionView(Long unitId, AssignmentRole role, LocalDate previousDeadline, LocalDate newDeadline,
			String reason, String extendedBy, Instant extendedAt) {
	}

	public record RegisterProposalCommand(Long sessionId, int number, String title, String body, Long leadDeputyId,
			Set<Long> cosignerIds, Long topicCategoryId, LocalDate submittedOn, boolean keyProposal) {
	}

}
