package org.dafu.evaluation;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.dafu.platform.RefusedException;

/**
 * 满意度测评: the lead deputy's rating of one issued reply, for the unit's attitude and for
 * the result, with an optional comment. One per reply and deputy; changing it replaces
 * it.
 */
@Entity
@Table(name = "evaluation")
class Evaluation {

	static final int MAX_COMMENT = 2000;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "reply_id")
	private Long replyId;

	@Column(name = "deputy_id")
	private Long deputyId;

	@Enumerated(EnumType.STRING)
	private Rating attitude;

	@Enumerated(EnumType.STRING)
	private Rating result;

	private String comment;

	@Version
	private int version;

	@Column(name = "created_at", insertable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt = Instant.now();

	protected Evaluation() {
	}

	Evaluation(Long replyId, Long deputyId, Rating attitude, Rating result, String comment) {
		this.replyId = Objects.requireNonNull(replyId, "reply");
		this.deputyId = Objects.requireNonNull(deputyId, "deputy");
		rate(attitude, result, comment);
	}

	/** Replaces the rating; returns whether it newly contains a 不满意. */
	boolean rate(Rating attitude, Rating result, String comment) {
		if (attitude == null) {
			throw new RefusedException("attitude", "evaluation.form.required");
		}
		if (result == null) {
			throw new RefusedException("result", "evaluation.form.required");
		}
		String text = (comment == null || comment.isBlank()) ? null : comment.strip();
		if (text != null && text.length() > MAX_COMMENT) {
			throw new RefusedException("comment", "evaluation.my.invalid");
		}
		boolean wasUnsatisfied = this.attitude == Rating.UNSATISFIED || this.result == Rating.UNSATISFIED;
		this.attitude = attitude;
		this.result = result;
		this.comment = text;
		return !wasUnsatisfied && isUnsatisfied();
	}

	boolean isUnsatisfied() {
		return this.attitude == Rating.UNSATISFIED || this.result == Rating.UNSATISFIED;
	}

	@PreUpdate
	void touch() {
		this.updatedAt = Instant.now();
	}

	EvaluationView view() {
		return new EvaluationView(this.id, this.replyId, this.deputyId, this.attitude, this.result, this.comment,
				(this.createdAt != null) ? this.createdAt : this.updatedAt, this.updatedAt, this.version);
	}

	Long getId() {
		return this.id;
	}

	Rating getResult() {
		return this.result;
	}

}
