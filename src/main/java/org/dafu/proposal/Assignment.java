package org.dafu.proposal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/**
 * 交办: a proposal handed to a unit, as lead or co-handler, with a deadline. The deadline
 * is never before the assignment and at most six months after it, when first set
 * ({@link #checkDeadline}) as when extended; only 重新办理 sets a fresh one beyond.
 */
@Entity
@Table(name = "assignment")
public class Assignment {

	/** How long a deadline may run from the assignment, extensions included. */
	public static final int MAX_MONTHS = 6;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "proposal_id")
	private Proposal proposal;

	@Column(name = "unit_id")
	private Long unitId;

	@Enumerated(EnumType.STRING)
	private AssignmentRole role;

	@Column(name = "assigned_on")
	private LocalDate assignedOn;

	/** The deadline in force: moved by extensions (延期) and by 重新办理. */
	private LocalDate deadline;

	/** The deadline given at 交办, kept whatever moves {@link #deadline} later. */
	@Column(name = "assigned_deadline", updatable = false)
	private LocalDate assignedDeadline;

	@Column(name = "extension_reason")
	private String extensionReason;

	@OneToMany(mappedBy = "assignment", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("id asc")
	private List<DeadlineExtension> extensions = new ArrayList<>();

	protected Assignment() {
	}

	Assignment(Proposal proposal, Long unitId, AssignmentRole role, LocalDate assignedOn, LocalDate deadline) {
		Objects.requireNonNull(unitId, "unit");
		Objects.requireNonNull(role, "role");
		checkDeadline(assignedOn, deadline);
		this.proposal = proposal;
		this.unitId = unitId;
		this.role = role;
		this.assignedOn = assignedOn;
		this.deadline = deadline;
		this.assignedDeadline = deadline;
	}

	/** The statutory default: three months from assignment. */
	public static LocalDate defaultDeadline(LocalDate assignedOn) {
		return assignedOn.plusMonths(3);
	}

	/**
	 * The rule of a first deadline: not before the assignment, and at most
	 * {@value #MAX_MONTHS} months after it.
	 * @throws DeadlineRefusedException when the deadline breaks it
	 */
	public static void checkDeadline(LocalDate assignedOn, LocalDate deadline) {
		Objects.requireNonNull(assignedOn, "assignedOn");
		Objects.requireNonNull(deadline, "deadline");
		if (deadline.isBefore(assignedOn)) {
			throw DeadlineRefusedException.beforeAssignment(assignedOn);
		}
		if (deadline.isAfter(latestPossibleDeadline(assignedOn))) {
			throw DeadlineRefusedException.tooLate(latestPossibleDeadline(assignedOn));
		}
	}

	/**
	 * Moves the deadline later, with a reason: at most to the
	 * {@linkplain #latestPossibleDeadline() latest possible deadline}.
	 * @throws DeadlineRefusedException when the new deadline is not later, or too late
	 * @throws ProposalRefusedException when the reason is blank
	 */
	public void extendDeadline(LocalDate newDeadline, String reason) {
		checkExtension(newDeadline, reason);
		this.deadline = newDeadline;
		this.extensionReason = reason.trim();
	}

	/**
	 * Extends the deadline and keeps a record of it: the previous deadline, the reason,
	 * who granted it and when.
	 */
	DeadlineExtension extendDeadline(LocalDate newDeadline, String reason, String extendedBy, Instant at) {
		LocalDate previous = this.deadline;
		extendDeadline(newDeadline, reason);
		DeadlineExtension extension = new DeadlineExtension(this, previous, newDeadline, reason, extendedBy, at);
		this.extensions.add(extension);
		return extension;
	}

	private void checkExtension(LocalDate newDeadline, String reason) {
		Objects.requireNonNull(newDeadline, "newDeadline");
		if (!newDeadline.isAfter(this.deadline)) {
			throw DeadlineRefusedException.notLater(this.deadline);
		}
		if (newDeadline.isAfter(latestPossibleDeadline())) {
			throw DeadlineRefusedException.extensionTooLate(latestPossibleDeadline());
		}
		if (reason == null || reason.isBlank()) {
			throw new ProposalRefusedException("reason", "coordination.extend.reason.invalid");
		}
	}

	/** The latest deadline an extension may set: six months from assignment. */
	public LocalDate latestPossibleDeadline() {
		return latestPossibleDeadline(this.assignedOn);
	}

	/** The latest deadline of an assignment made on {@code assignedOn}. */
	public static LocalDate latestPossibleDeadline(LocalDate assignedOn) {
		return assignedOn.plusMonths(MAX_MONTHS);
	}

	/** Re-handling (重新办理) sets a fresh deadline, counted from the day it was reopened. */
	void reopen(LocalDate newDeadline) {
		Objects.requireNonNull(newDeadline, "newDeadline");
		if (newDeadline.isBefore(this.assignedOn)) {
			throw DeadlineRefusedException.beforeAssignment(this.assignedOn);
		}
		this.deadline = newDeadline;
	}

	public boolean isOverdue(LocalDate today) {
		return today.isAfter(this.deadline);
	}

	public Long getId() {
		return this.id;
	}

	public Proposal getProposal() {
		return this.proposal;
	}

	public Long getUnitId() {
		return this.unitId;
	}

	public AssignmentRole getRole() {
		return this.role;
	}

	public LocalDate getAssignedOn() {
		return this.assignedOn;
	}

	public LocalDate getDeadline() {
		return this.deadline;
	}

	/**
	 * The deadline set at 交办 (null only for an assignment recorded before it was kept and
	 * whose first deadline was lost to 重新办理).
	 */
	public LocalDate getAssignedDeadline() {
		return this.assignedDeadline;
	}

	public String getExtensionReason() {
		return this.extensionReason;
	}

	public List<DeadlineExtension> getExtensions() {
		return Collections.unmodifiableList(this.extensions);
	}

}
