package org.dafu.reply;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.dafu.platform.IllegalTransitionException;
import org.dafu.platform.RefusedException;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.TypeBinderRef;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.TypeBinding;

/**
 * A reply letter (答复) of a handling unit to a proposal: drafted, then issued with its
 * 索引号. The sections and their figures belong to it and change only with it.
 */
@Entity
@Table(name = "reply")
@Indexed(index = ReplyIndex.NAME)
@TypeBinding(binder = @TypeBinderRef(type = ReplyIndexBinder.class))
@TypeBinding(binder = @TypeBinderRef(type = ReplyLetterBinder.class))
public class Reply {

	/** {@code <organisation code>/<year>-<serial>}, as the database checks it too. */
	public static final Pattern INDEX_NUMBER = Pattern.compile("^[0-9A-Z]{6,30}/[0-9]{4}-[0-9]{1,10}$");

	/** The longest 签发人 name (the column's length). */
	public static final int MAX_SIGNER_NAME = 50;

	/** The longest correction note (更正说明, the column's length). */
	public static final int MAX_CORRECTION_NOTE = ReplyCorrection.MAX_NOTE;

	/** The longest comment of a return (退回修改 意见, the column's length). */
	public static final int MAX_RETURN_COMMENT = ReplyReviewStep.MAX_COMMENT;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	@GenericField(name = ReplyIndex.ID, sortable = Sortable.YES)
	private Long id;

	@Column(name = "proposal_id")
	private Long proposalId;

	@Column(name = "unit_id")
	@GenericField(name = ReplyIndex.UNIT_ID, projectable = Projectable.YES)
	private Long unitId;

	@Enumerated(EnumType.STRING)
	private ReplyKind kind;

	@Enumerated(EnumType.STRING)
	@KeywordField(name = ReplyIndex.STATUS, projectable = Projectable.YES)
	private ReplyStatus status = ReplyStatus.DRAFT;

	@Column(name = "index_number")
	@KeywordField(name = ReplyIndex.INDEX_NUMBER, projectable = Projectable.YES)
	private String indexNumber;

	/**
	 * The 索引号 an imported letter carried: issuing keeps it (see {@link #numberToIssue}).
	 */
	@Column(name = "letter_index_number")
	private String letterIndexNumber;

	/** The text around the sections: dates, disclosure, addressee, opening, closing, … */
	@Embedded
	private ReplyLetterText letter = new ReplyLetterText();

	@Column(name = "issued_at")
	@GenericField(name = ReplyIndex.ISSUED_AT, projectable = Projectable.YES)
	private Instant issuedAt;

	/** 签发人: the name the issued letter prints. */
	@Column(name = "signer_name")
	private String signerName;

	/** The account that issued it. */
	@Column(name = "signed_by")
	private String signedBy;

	/**
	 * Its review inside the unit (submitted, recalled, returned, issued), oldest first.
	 */
	@OneToMany(mappedBy = "reply", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("takenAt asc, id asc")
	private List<ReplyReviewStep> reviewSteps = new ArrayList<>();

	@OneToMany(mappedBy = "reply", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("ordinal asc")
	private List<ReplySection> sections = new ArrayList<>();

	/** Corrections published after issuing, oldest first. */
	@OneToMany(mappedBy = "reply", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("correctedAt asc, id asc")
	private List<ReplyCorrection> corrections = new ArrayList<>();

	/**
	 * The one-time token of the form that wrote it, when a form writes and issues at
	 * once: the same form sent again finds this reply instead of issuing another.
	 */
	@Column(name = "form_token")
	private UUID formToken;

	@Version
	private int version;

	@Column(name = "created_at", insertable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt = Instant.now();

	protected Reply() {
	}

	public Reply(Long proposalId, Long unitId, ReplyKind kind, LetterContent content) {
		this.proposalId = Objects.requireNonNull(proposalId, "a reply answers a proposal");
		this.unitId = Objects.requireNonNull(unitId, "a reply is written by a unit");
		this.kind = Objects.requireNonNull(kind, "reply kind");
		apply(content);
	}

	/**
	 * Replaces the letter's text; only a draft can be edited this way. A submitted draft
	 * is not: the unit recalls it first ({@link #recall}), so that a 签发人 never issues
	 * text other than what was submitted.
	 */
	public void edit(LetterContent content) {
		if (this.status != ReplyStatus.DRAFT) {
			throw new IllegalTransitionException("reply", this.status, "edited draft");
		}
		apply(content);
	}

	/** 提交审核: 起草 → 待审核. */
	public void submit(String actor, Instant at) {
		this.status = ReviewSteps.take(this, this.reviewSteps, ReviewStep.SUBMITTED, actor, null, at);
	}

	/** 撤回: the unit takes a submitted draft back to change it (待审核 → 起草). */
	public void recall(String actor, Instant at) {
		this.status = ReviewSteps.take(this, this.reviewSteps, ReviewStep.RECALLED, actor, null, at);
	}

	/**
	 * 退回修改: a 签发人 sends it back with a comment (待审核 → 起草).
	 * @throws RefusedException when the comment is empty or too long (field
	 * {@code comment}, see {@link #returnCommentProblem})
	 */
	public void returnForChanges(String actor, String comment, Instant at) {
		ReviewSteps.next(this.status, ReviewStep.RETURNED);
		ReplyRules.requireReturnComment(comment);
		this.status = ReviewSteps.take(this, this.reviewSteps, ReviewStep.RETURNED, actor, comment.strip(), at);
	}

	/**
	 * A recorded correction of an issued reply: the text changes, the 索引号 and issue time
	 * stay, and the correction note (更正说明) is published with the letter. The history
	 * keeps the original text.
	 */
	public void correct(LetterContent content, String note, String correctedBy, Instant correctedAt) {
		if (this.status != ReplyStatus.ISSUED) {
			throw new IllegalTransitionException("reply", this.status, "corrected");
		}
		ReplyRules.requireComplete(content);
		ReplyRules.requireCorrectionNote(note);
		apply(content);
		this.corrections.add(new ReplyCorrection(this, note, correctedBy, correctedAt));
	}

	/** Marks a new reply with the one-time token of the form that writes it. */
	void writtenByForm(UUID token) {
		if (this.id != null) {
			throw new IllegalStateException("only a new reply takes its form's token");
		}
		this.formToken = token;
	}

	private void apply(LetterContent content) {
		ReplyLetterText text = new ReplyLetterText(content);
		// A signing date before the written date is a real slip in real letters (the
		// Quzhou sample has one): the importer warns about it, the letter is kept as
		// written. A change of sections alone must move the version too, or a stale
		// editor would not be noticed.
		this.updatedAt = Instant.now();
		this.letter = text;
		// Sections are revised in place, so that a save writes the sections (and figures)
		// it changed, not all of them again (and search re-indexes the reply only when an
		// indexed text changed); sections past the new count go, new ones are added.
		List<SectionContent> wanted = content.sections();
		for (int i = 0; i < wanted.size(); i++) {
			if (i < this.sections.size()) {
				this.sections.get(i).revise(i + 1, wanted.get(i));
			}
			else {
				this.sections.add(new ReplySection(this, i + 1, wanted.get(i)));
			}
		}
		while (this.sections.size() > wanted.size()) {
			this.sections.remove(this.sections.size() - 1);
		}
	}

	/**
	 * 签发 by a 签发人: fixes the submitted text under its 索引号 and records who signed (待审核 →
	 * 已签发). A reply is issued only when submitted and complete: sections and a result
	 * class.
	 */
	public void issue(String indexNumber, Instant issuedAt, String signerName, String signedBy) {
		ReviewSteps.next(this.status, ReviewStep.ISSUED);
		ReplyRules.requireSignerName(signerName);
		if (signedBy == null || signedBy.isBlank()) {
			throw new IllegalArgumentException("the account that signs");
		}
		fix(indexNumber, issuedAt);
		ReviewSteps.record(this, this.reviewSteps, ReviewStep.ISSUED, signedBy, null, issuedAt);
		this.signerName = signerName.strip();
		this.signedBy = signedBy;
	}

	/**
	 * A letter issued outside the portal (imports, demo data), recorded as issued: it
	 * went through no review here.
	 */
	void recordIssued(String indexNumber, Instant issuedAt) {
		if (this.status != ReplyStatus.DRAFT) {
			throw new IllegalTransitionException("reply", this.status, ReplyStatus.ISSUED);
		}
		fix(indexNumber, issuedAt);
	}

	private void fix(String indexNumber, Instant issuedAt) {
		if (indexNumber == null || !INDEX_NUMBER.matcher(indexNumber).matches()) {
			throw new IllegalArgumentException("索引号 is <organisation code>/<year>-<serial>");
		}
		ReplyRules.requireComplete(content());
		this.indexNumber = indexNumber;
		this.issuedAt = Objects.requireNonNull(issuedAt, "issue time");
		this.status = ReplyStatus.ISSUED;
	}

	/**
	 * Keeps the 索引号 the imported letter carried, for issuing; only on a draft, and only
	 * one of this unit's ({@code <organisation code>/…}).
	 */
	void keepLetterIndexNumber(String letterIndexNumber, String unitOrgCode) {
		if (this.status == ReplyStatus.ISSUED) {
			throw new IllegalTransitionException("reply", this.status, ReplyStatus.DRAFT);
		}
		if (letterIndexNumber != null && !(INDEX_NUMBER.matcher(letterIndexNumber).matches()
				&& letterIndexNumber.startsWith(unitOrgCode + "/"))) {
			throw new RefusedException("indexNumber", "importing.field.indexNumberFormat");
		}
		this.letterIndexNumber = letterIndexNumber;
	}

	/** The letter's own 索引号 when it has one, else what the allocator hands out. */
	String numberToIssue(java.util.function.Supplier<String> allocate) {
		return (this.letterIndexNumber != null) ? this.letterIndexNumber : allocate.get();
	}

	String getLetterIndexNumber() {
		return this.letterIndexNumber;
	}

	/** Changes who may read it; allowed after issuing too, and audited by the caller. */
	public void changeDisclosure(DisclosureMode mode, String reason) {
		Objects.requireNonNull(mode, "disclosure mode");
		this.letter.disclose(mode, reason);
	}

	public LetterContent content() {
		return this.letter.content(this.sections.stream().map(ReplySection::content).toList());
	}

	public boolean isIssued() {
		return this.status == ReplyStatus.ISSUED;
	}

	public boolean isPublic() {
		return ReplyReads.isPublic(this.status, this.letter.getDisclosureMode());
	}

	@PreUpdate
	void touch() {
		this.updatedAt = Instant.now();
	}

	public Long getId() {
		return this.id;
	}

	public Long getProposalId() {
		return this.proposalId;
	}

	public Long getUnitId() {
		return this.unitId;
	}

	public ReplyKind getKind() {
		return this.kind;
	}

	public ReplyStatus getStatus() {
		return this.status;
	}

	public String getIndexNumber() {
		return this.indexNumber;
	}

	public LocalDate getWrittenOn() {
		return this.letter.getWrittenOn();
	}

	public LocalDate getSignedOn() {
		return this.letter.getSignedOn();
	}

	public DisclosureMode getDisclosureMode() {
		return this.letter.getDisclosureMode();
	}

	public String getDisclosureReason() {
		return this.letter.getDisclosureReason();
	}

	public String getCatalogCategory() {
		return this.letter.getCatalogCategory();
	}

	public String getAddressee() {
		return this.letter.getAddressee();
	}

	public String getOpening() {
		return this.letter.getOpening();
	}

	public String getClosing() {
		return this.letter.getClosing();
	}

	public String getIssuer() {
		return this.letter.getIssuer();
	}

	public ResultClass getResultClass() {
		return this.letter.getResultClass();
	}

	public Instant getIssuedAt() {
		return this.issuedAt;
	}

	public String getSignerName() {
		return this.signerName;
	}

	public String getSignedBy() {
		return this.signedBy;
	}

	public boolean isSubmitted() {
		return this.status == ReplyStatus.SUBMITTED;
	}

	List<ReplyReviewStep> getReviewSteps() {
		return Collections.unmodifiableList(this.reviewSteps);
	}

	List<ReplyCorrection> getCorrections() {
		return Collections.unmodifiableList(this.corrections);
	}

	List<ReplySection> getSections() {
		return Collections.unmodifiableList(this.sections);
	}

	public int getVersion() {
		return this.version;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

}
