package org.dafu.opinion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A co-handling unit's opinion (协办意见) on a proposal: written and submitted by the unit's
 * drafter, then signed or returned with a comment by its signer. Every step is kept. A
 * coordinator may waive an outstanding opinion with a reason.
 */
@Entity
@Table(name = "co_opinion")
public class CoOpinion {

	/** The longest opinion text. */
	public static final int MAX_BODY = 20_000;

	/** The longest comment of a return, or reason of a waiver. */
	public static final int MAX_COMMENT = 500;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "proposal_id")
	private Long proposalId;

	@Column(name = "unit_id")
	private Long unitId;

	@Enumerated(EnumType.STRING)
	private OpinionStatus status = OpinionStatus.DRAFT;

	private String body = "";

	private boolean publish;

	@Column(name = "signed_by")
	private String signedBy;

	@Column(name = "signed_at")
	private Instant signedAt;

	@Column(name = "waived_by")
	private String waivedBy;

	@Column(name = "waived_at")
	private Instant waivedAt;

	@Column(name = "waiver_reason")
	private String waiverReason;

	@Version
	private int version;

	@Column(name = "updated_at")
	private Instant updatedAt;

	@OneToMany(mappedBy = "opinion", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("id")
	private List<CoOpinionStep> steps = new ArrayList<>();

	protected CoOpinion() {
	}

	CoOpinion(long proposalId, long unitId, Instant now) {
		this.proposalId = proposalId;
		this.unitId = unitId;
		this.updatedAt = now;
	}

	/** Not yet signed nor waived: the lead unit cannot issue while one is outstanding. */
	boolean outstanding() {
		return this.status != OpinionStatus.SIGNED && this.waivedAt == null;
	}

	/** Saves the text and the choice to publish it; only while it is a draft. */
	void edit(String body, boolean publish, String actor, Instant now) {
		requireStatus(OpinionStatus.DRAFT, "opinion.refused.notDraft");
		String text = (body != null) ? body.strip() : "";
		if (text.length() > MAX_BODY) {
			throw new OpinionRefusedException("opinion.refused.tooLong");
		}
		this.body = text;
		this.publish = publish;
		step(OpinionAction.SAVED, actor, now, null);
	}

	/** 提交审核: a draft with text goes to the unit's signer. */
	void submit(String actor, Instant now) {
		requireStatus(OpinionStatus.DRAFT, "opinion.refused.notDraft");
		if (this.body.isBlank()) {
			throw new OpinionRefusedException("opinion.refused.empty");
		}
		this.status = OpinionStatus.SUBMITTED;
		step(OpinionAction.SUBMITTED, actor, now, null);
	}

	/** 退回修改: back to the drafter with a comment. */
	void sendBack(String actor, String comment, Instant now) {
		requireStatus(OpinionStatus.SUBMITTED, "opinion.refused.notSubmitted");
		String why = requiredText(comment, "opinion.refused.commentRequired");
		this.status = OpinionStatus.DRAFT;
		step(OpinionAction.RETURNED, actor, now, why);
	}

	/** 签发: the submitted text is fixed and goes to the lead unit. */
	void sign(String actor, Instant now) {
		requireStatus(OpinionStatus.SUBMITTED, "opinion.refused.notSubmitted");
		this.status = OpinionStatus.SIGNED;
		this.signedBy = actor;
		this.signedAt = now;
		step(OpinionAction.SIGNED, actor, now, null);
	}

	/** A coordinator lets the lead unit issue without this opinion, saying why. */
	void waive(String actor, String reason, Instant now) {
		if (!outstanding()) {
			throw new OpinionRefusedException("opinion.refused.notOutstanding");
		}
		this.waiverReason = requiredText(reason, "opinion.refused.reasonRequired");
		this.waivedBy = actor;
		this.waivedAt = now;
		step(OpinionAction.WAIVED, actor, now, this.waiverReason);
	}

	private void requireStatus(OpinionStatus expected, String refusal) {
		if (this.status != expected) {
			throw new OpinionRefusedException(refusal);
		}
	}

	private static String requiredText(String text, String refusal) {
		if (text == null || text.isBlank()) {
			throw new OpinionRefusedException(refusal);
		}
		if (text.strip().length() > MAX_COMMENT) {
			throw new OpinionRefusedException("opinion.refused.commentTooLong");
		}
		return text.strip();
	}

	private void step(OpinionAction action, String actor, Instant now, String comment) {
		this.steps.add(new CoOpinionStep(this, action, (actor != null) ? actor : "system", now, comment));
		this.updatedAt = now;
	}

	Long getId() {
		return this.id;
	}

	Long getProposalId() {
		return this.proposalId;
	}

	Long getUnitId() {
		return this.unitId;
	}

	OpinionStatus getStatus() {
		return this.status;
	}

	String getBody() {
		return this.body;
	}

	boolean isPublish() {
		return this.publish;
	}

	String getSignedBy() {
		return this.signedBy;
	}

	Instant getSignedAt() {
		return this.signedAt;
	}

	String getWaivedBy() {
		return this.waivedBy;
	}

	Instant getWaivedAt() {
		return this.waivedAt;
	}

	String getWaiverReason() {
		return this.waiverReason;
	}

	int getVersion() {
		return this.version;
	}

	List<CoOpinionStep> getSteps() {
		return this.steps;
	}

}
