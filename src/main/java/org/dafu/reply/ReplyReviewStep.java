package org.dafu.reply;

import java.time.Instant;
import java.util.Objects;

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
import jakarta.persistence.Table;

/**
 * One step of a reply's review: submitted, recalled, returned with a comment, or issued;
 * who took it, when, and on which version of the draft.
 */
@Entity
@Table(name = "reply_review_step")
class ReplyReviewStep {

	/** The longest comment of a return (the column's length). */
	static final int MAX_COMMENT = 1000;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "reply_id")
	private Reply reply;

	@Enumerated(EnumType.STRING)
	private ReviewStep step;

	private String actor;

	private String comment;

	@Column(name = "reply_version")
	private int replyVersion;

	@Column(name = "taken_at")
	private Instant takenAt;

	protected ReplyReviewStep() {
	}

	ReplyReviewStep(Reply reply, ReviewStep step, String actor, String comment, int replyVersion, Instant takenAt) {
		if (actor == null || actor.isBlank()) {
			throw new IllegalArgumentException("who took the step");
		}
		if (step == ReviewStep.RETURNED) {
			ReplyRules.requireReturnComment(comment);
		}
		String text = (comment == null || comment.isBlank()) ? null : comment.strip();
		if (text != null && text.length() > MAX_COMMENT) {
			throw new IllegalArgumentException("a comment fits its column");
		}
		this.reply = reply;
		this.step = Objects.requireNonNull(step, "review step");
		this.actor = actor;
		this.comment = text;
		this.replyVersion = replyVersion;
		this.takenAt = Objects.requireNonNull(takenAt, "when the step was taken");
	}

	ReplyView.ReviewView view() {
		return new ReplyView.ReviewView(this.step, this.actor, this.comment, this.takenAt);
	}

	ReviewStep getStep() {
		return this.step;
	}

	String getActor() {
		return this.actor;
	}

}
