package org.dafu.reply;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A reply letter as pages, the API and other features see it.
 */
public record ReplyView(Long id, ReplyStatus status, ReplyKind kind, String indexNumber, LocalDate writtenOn,
		LocalDate signedOn, DisclosureMode disclosureMode, String disclosureReason, String catalogCategory,
		String addressee, String opening, String closing, String issuer, ResultClass resultClass, Instant issuedAt,
		int version, Instant updatedAt, ProposalRef proposal, UnitRef unit, List<SectionView> sections,
		List<CorrectionView> corrections, String signerName, List<ReviewView> review, OriginalRef original) {

	public ReplyView {
		corrections = (corrections != null) ? List.copyOf(corrections) : List.of();
		review = (review != null) ? List.copyOf(review) : List.of();
	}

	/** A reply as its writers and lists see it, without its signed original. */
	public ReplyView(Long id, ReplyStatus status, ReplyKind kind, String indexNumber, LocalDate writtenOn,
			LocalDate signedOn, DisclosureMode disclosureMode, String disclosureReason, String catalogCategory,
			String addressee, String opening, String closing, String issuer, ResultClass resultClass, Instant issuedAt,
			int version, Instant updatedAt, ProposalRef proposal, UnitRef unit, List<SectionView> sections,
			List<CorrectionView> corrections) {
		this(id, status, kind, indexNumber, writtenOn, signedOn, disclosureMode, disclosureReason, catalogCategory,
				addressee, opening, closing, issuer, resultClass, issuedAt, version, updatedAt, proposal, unit,
				sections, corrections, null, List.of(), null);
	}

	public boolean isIssued() {
		return this.status == ReplyStatus.ISSUED;
	}

	/** 待审核: submitted, waiting for a 签发人; not edited until recalled. */
	public boolean isSubmitted() {
		return this.status == ReplyStatus.SUBMITTED;
	}

	/** Sent back by a 签发人 and not submitted again since: its last step is a return. */
	public boolean isReturned() {
		return this.status == ReplyStatus.DRAFT && !this.review.isEmpty()
				&& this.review.get(this.review.size() - 1).step() == ReviewStep.RETURNED;
	}

	/** The comment of the latest return, while it is still the last step. */
	public String returnComment() {
		return isReturned() ? this.review.get(this.review.size() - 1).comment() : null;
	}

	public boolean isPublic() {
		return ReplyReads.isPublic(this.status, this.disclosureMode);
	}

	public List<FigureView> figures() {
		return this.sections.stream().flatMap((s) -> s.figures().stream()).toList();
	}

	public List<SectionView> responseSections() {
		return this.sections.stream().filter((s) -> s.kind() == SectionKind.RESPONSE).toList();
	}

	public List<SectionView> nextSteps() {
		return this.sections.stream().filter((s) -> s.kind() == SectionKind.NEXT_STEPS).toList();
	}

	public LetterContent content() {
		return new LetterContent(this.writtenOn, this.signedOn, this.disclosureMode, this.disclosureReason,
				this.catalogCategory, this.addressee, this.opening, this.closing, this.issuer, this.resultClass,
				this.sections.stream().map(SectionView::content).toList());
	}

	/** The proposal answered, with its session and lead deputy. */
	public record ProposalRef(Long id, int number, String title, Long sessionId, String sessionName, Long leadDeputyId,
			String leadDeputyName) {
	}

	public record UnitRef(Long id, String name) {
	}

	/** A step of the review inside the unit: what, by whom, when, with its comment. */
	public record ReviewView(ReviewStep step, String actor, String comment, Instant at) {

		private static final java.time.format.DateTimeFormatter BEIJING = java.time.format.DateTimeFormatter
			.ofPattern("yyyy-MM-dd HH:mm")
			.withZone(org.dafu.platform.ClockConfiguration.ZONE);

		/** When, in Beijing time (shown with its label). */
		public String beijingTime() {
			return BEIJING.format(this.at);
		}

		/**
		 * When, as an ISO offset date-time in Beijing time (for {@code <time datetime>}).
		 */
		public String isoTime() {
			return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME
				.format(this.at.atZone(org.dafu.platform.ClockConfiguration.ZONE).withNano(0));
		}

	}

	/** A published correction (更正说明) and when it was made. */
	/**
	 * The newest version of the reply's signed original (答复原件), when one is attached: the
	 * letter page links to it (original/OriginalController serves it).
	 */
	public record OriginalRef(int version, String mediaType, long sizeBytes) {
	}

	public record CorrectionView(String note, Instant correctedAt) {
	}

	public record SectionView(Long id, int ordinal, SectionKind kind, String heading, String body,
			List<FigureView> figures) {

		private static final Pattern NUMBERED = Pattern.compile("^[一二三四五六七八九十]+、.*");

		/**
		 * The heading as the letter prints it: response sections carry their Chinese
		 * ordinal (一、二、…) unless the heading already has one.
		 */
		public String numberedHeading() {
			if (this.kind != SectionKind.RESPONSE || NUMBERED.matcher(this.heading).matches()) {
				return this.heading;
			}
			return ChineseOrdinals.of(this.ordinal) + "、" + this.heading;
		}

		/** Paragraphs of the body, for rendering without {@code th:utext}. */
		public List<String> paragraphs() {
			return this.body.lines().map(String::strip).filter((l) -> !l.isEmpty()).toList();
		}

		SectionContent content() {
			return new SectionContent(this.kind, this.heading, this.body,
					this.figures.stream().map(FigureView::content).toList());
		}

	}

	public record FigureView(Long id, int ordinal, int sectionOrdinal, FigureContent content) {
	}

}
