package org.dafu.proposal;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One extension of an assignment's deadline (延期), with its reason and who granted it. */
@Entity
@Table(name = "deadline_extension")
public class DeadlineExtension {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "assignment_id")
	private Assignment assignment;

	@Column(name = "previous_deadline")
	private LocalDate previousDeadline;

	@Column(name = "new_deadline")
	private LocalDate newDeadline;

	private String reason;

	@Column(name = "extended_by")
	private String extendedBy;

	@Column(name = "extended_at")
	private Instant extendedAt;

	protected DeadlineExtension() {
	}

	DeadlineExtension(Assignment assignment, LocalDate previousDeadline, LocalDate newDeadline, String reason,
			String extendedBy, Instant extendedAt) {
		// Assignment.extendDeadline has checked the new deadline and the reason.
		if (extendedBy == null || extendedBy.isBlank()) {
			throw new IllegalStateException("an extension records who granted it");
		}
		this.assignment = assignment;
		this.previousDeadline = previousDeadline;
		this.newDeadline = newDeadline;
		this.reason = reason.trim();
		this.extendedBy = extendedBy;
		this.extendedAt = extendedAt;
	}

	public Long getId() {
		return this.id;
	}

	public Assignment getAssignment() {
		return this.assignment;
	}

	public LocalDate getPreviousDeadline() {
		return this.previousDeadline;
	}

	public LocalDate getNewDeadline() {
		return this.newDeadline;
	}

	public String getReason() {
		return this.reason;
	}

	public String getExtendedBy() {
		return this.extendedBy;
	}

	public Instant getExtendedAt() {
		return this.extendedAt;
	}

}
