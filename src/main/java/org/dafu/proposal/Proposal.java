package org.dafu.proposal;

import org.dafu.platform.IllegalTransitionException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A deputy's proposal (建议), numbered within its session, led by one deputy with optional
 * co-signers, and assigned to one lead unit and any number of co-units.
 */
@Entity
@Table(name = "proposal")
public class Proposal {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "session_id")
	private Long sessionId;

	private int number;

	private String title;

	private String body;

	@Column(name = "lead_deputy_id")
	private Long leadDeputyId;

	@ElementCollection
	@CollectionTable(name = "proposal_cosigner", joinColumns = @JoinColumn(name = "proposal_id"))
	@Column(name = "deputy_id")
	private Set<Long> cosignerIds = new LinkedHashSet<>();

	@Column(name = "topic_category_id")
	private Long topicCategoryId;

	@Column(name = "submitted_on")
	private LocalDate submittedOn;

	@Column(name = "key_proposal")
	private boolean keyProposal;

	@Enumerated(EnumType.STRING)
	private ProposalStatus status = ProposalStatus.REGISTERED;

	@Enumerated(EnumType.STRING)
	private ProposalOrigin origin = ProposalOrigin.REGISTERED;

	@OneToMany(mappedBy = "proposal", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("role asc, id asc")
	private List<Assignment> assignments = new ArrayList<>();

	@Version
	private int version;

	@Column(name = "created_at", insertable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt = Instant.now();

	protected Proposal() {
	}

	public Proposal(Long sessionId, int number, String title, Long leadDeputyId) {
		if (sessionId == null) {
			throw new ProposalRefusedException("sessionId", "coordination.proposal.sessionId.invalid");
		}
		if (number <= 0) {
			throw new ProposalRefusedException("number", "coordination.proposal.number.invalid");
		}
		checkTitle(title);
		checkLeadDeputy(leadDeputyId);
		this.sessionId = sessionId;
		this.number = number;
		this.title = title.trim();
		this.leadDeputyId = leadDeputyId;
	}

	public void describe(String title, String body, Long topicCategoryId, LocalDate submittedOn, boolean keyProposal) {
		checkTitle(title);
		this.title = title.trim();
		this.body = body;
		this.topicCategoryId = topicCategoryId;
		this.submittedOn = submittedOn;
		this.keyProposal = keyProposal;
	}

	/**
	 * A coordinator's correction of what was registered: the lead deputy and co-signers
	 * too.
	 */
	public void revise(String title, String body, Long leadDeputyId, Set<Long> cosignerIds, Long topicCategoryId,
			LocalDate submittedOn, boolean keyProposal) {
		checkLeadDeputy(leadDeputyId);
		checkCosigners(leadDeputyId, cosignerIds);
		describe(title, body, topicCategoryId, submittedOn, keyProposal);
		this.leadDeputyId = leadDeputyId;
		replaceCosigners(cosignerIds);
		this.updatedAt = Instant.now();
	}

	/**
	 * Extends the deadline of every assignment due before {@code newDeadline}, recording
	 * each extension with its reason. Counts as a change of the proposal (its version
	 * moves on). Only a proposal being handled (交办 or 重新办理) is extended, within the rules
	 * of {@link Assignment#extendDeadline(LocalDate, String)}.
	 * @throws IllegalTransitionException when the proposal is not being handled
	 * @throws DeadlineRefusedException when the lead unit's deadline may not move there
	 */
	public List<DeadlineExtension> extendDeadline(LocalDate newDeadline, String reason, String extendedBy, Instant at) {
		Optional<Assignment> lead = leadAssignment();
		if (!isOpen() || lead.isEmpty()) {
			throw new IllegalTransitionException("proposal deadline", this.status, this.status);
		}
		if (!newDeadline.isAfter(lead.get().getDeadline())) {
			throw DeadlineRefusedException.notLater(lead.get().getDeadline());
		}
		List<DeadlineExtension> extensions = new ArrayList<>();
		for (Assignment assignment : this.assignments) {
			if (assignment.getDeadline().isBefore(newDeadline)) {
				extensions.add(assignment.extendDeadline(newDeadline, reason, extendedBy, at));
			}
		}
		this.updatedAt = at;
		return extensions;
	}

	/** Being handled: assigned (交办) or sent back (重新办理), so its deadline may move. */
	public boolean isOpen() {
		return this.status.isOpen();
	}

	public void addCosigner(Long deputyId) {
		checkCosigner(this.leadDeputyId, deputyId);
		this.cosignerIds.add(deputyId);
	}

	public void replaceCosigners(Set<Long> deputyIds) {
		this.cosignerIds.clear();
		deputyIds.forEach(this::addCosigner);
	}

	/**
	 * 交办 to a lead unit (and co-units); the proposal moves to ASSIGNED. Refused, with
	 * nothing changed, when the deadline breaks {@link Assignment#checkDeadline} or a
	 * co-unit is the lead unit.
	 */
	public Assignment assign(Long leadUnitId, List<Long> coUnitIds, LocalDate assignedOn, LocalDate deadline) {
		Objects.requireNonNull(leadUnitId, "leadUnitId");
		if (!this.status.canMoveTo(ProposalStatus.ASSIGNED)) {
			throw new IllegalTransitionException("proposal", this.status, ProposalStatus.ASSIGNED);
		}
		if (coUnitIds.contains(leadUnitId)) {
			throw new ProposalRefusedException("coUnitIds", "coordination.assign.coUnitIds.lead");
		}
		Assignment.checkDeadline(assignedOn, deadline);
		moveTo(ProposalStatus.ASSIGNED);
		Assignment lead = new Assignment(this, leadUnitId, AssignmentRole.LEAD, assignedOn, deadline);
		this.assignments.add(lead);
		for (Long coUnit : coUnitIds) {
			this.assignments.add(new Assignment(this, coUnit, AssignmentRole.CO, assignedOn, deadline));
		}
		return lead;
	}

	public void markReplied() {
		moveTo(ProposalStatus.REPLIED);
	}

	/** 不满意 sends the proposal back to its lead unit with a new deadline. */
	public void reopenForRehandling(LocalDate newDeadline) {
		moveTo(ProposalStatus.REHANDLING);
		leadAssignment().ifPresent((lead) -> lead.reopen(newDeadline));
	}

	public void close() {
		moveTo(ProposalStatus.CLOSED);
	}

	private static void checkTitle(String title) {
		if (title == null || title.isBlank()) {
			throw new ProposalRefusedException("title", "coordination.proposal.title.invalid");
		}
	}

	private static void checkLeadDeputy(Long leadDeputyId) {
		if (leadDeputyId == null) {
			throw new ProposalRefusedException("leadDeputyId", "coordination.proposal.leadDeputyId.invalid");
		}
	}

	private static void checkCosigners(Long leadDeputyId, Set<Long> cosignerIds) {
		for (Long cosigner : cosignerIds) {
			checkCosigner(leadDeputyId, cosigner);
		}
	}

	private static void checkCosigner(Long leadDeputyId, Long cosigner) {
		if (cosigner == null) {
			throw new ProposalRefusedException("cosignerIds", "coordination.proposal.cosignerIds.invalid");
		}
		if (cosigner.equals(leadDeputyId)) {
			throw new ProposalRefusedException("cosignerIds", "coordination.proposal.cosignerIds.lead");
		}
	}

	private void moveTo(ProposalStatus target) {
		if (!this.status.canMoveTo(target)) {
			throw new IllegalTransitionException("proposal", this.status, target);
		}
		this.status = target;
	}

	public boolean isLedOrCosignedBy(Long deputyId) {
		return deputyId != null && (deputyId.equals(this.leadDeputyId) || this.cosignerIds.contains(deputyId));
	}

	public Optional<Assignment> leadAssignment() {
		return this.assignments.stream().filter((a) -> a.getRole() == AssignmentRole.LEAD).findFirst();
	}

	@PreUpdate
	void touch() {
		this.updatedAt = Instant.now();
	}

	public Long getId() {
		return this.id;
	}

	public Long getSessionId() {
		return this.sessionId;
	}

	public int getNumber() {
		return this.number;
	}

	public String getTitle() {
		return this.title;
	}

	public String getBody() {
		return this.body;
	}

	public Long getLeadDeputyId() {
		return this.leadDeputyId;
	}

	public Set<Long> getCosignerIds() {
		return Collections.unmodifiableSet(this.cosignerIds);
	}

	public Long getTopicCategoryId() {
		return this.topicCategoryId;
	}

	public LocalDate getSubmittedOn() {
		return this.submittedOn;
	}

	public boolean isKeyProposal() {
		return this.keyProposal;
	}

	public ProposalOrigin getOrigin() {
		return this.origin;
	}

	/**
	 * Marks a proposal created from an archive of past letters as such: a historical
	 * record, not a registered proposal.
	 */
	void markImportedFromArchive() {
		this.origin = ProposalOrigin.IMPORTED_ARCHIVE;
	}

	public ProposalStatus getStatus() {
		return this.status;
	}

	public List<Assignment> getAssignments() {
		return Collections.unmodifiableList(this.assignments);
	}

	public int getVersion() {
		return this.version;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

}
