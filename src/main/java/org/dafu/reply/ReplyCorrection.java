package org.dafu.reply;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A published correction (更正说明) of an issued reply: what was corrected and why, with its
 * date. It is shown on the letter; the text before stays in the reply's history.
 */
@Entity
@Table(name = "reply_correction")
class ReplyCorrection {

	/** The column's length. */
	static final int MAX_NOTE = 1000;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "reply_id")
	private Reply reply;

	private String note;

	@Column(name = "corrected_by")
	private String correctedBy;

	@Column(name = "corrected_at")
	private Instant correctedAt;

	protected ReplyCorrection() {
	}

	ReplyCorrection(Reply reply, String note, String correctedBy, Instant correctedAt) {
		ReplyRules.requireCorrectionNote(note);
		this.reply = reply;
		this.note = note.strip();
		this.correctedBy = (correctedBy != null) ? correctedBy : "system";
		this.correctedAt = correctedAt;
	}

	ReplyView.CorrectionView view() {
		return new ReplyView.CorrectionView(this.note, this.correctedAt);
	}

	Instant getCorrectedAt() {
		return this.correctedAt;
	}

}
