package org.dafu.reply;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * The text of a reply letter around its sections, in the reply's own columns: its dates,
 * how it is disclosed (公开方式 and why not), catalogue category, addressee, opening,
 * closing, issuer and result class. A {@link Reply} replaces it whole with each new
 * {@link LetterContent}; the disclosure alone also changes after issuing.
 */
@Embeddable
class ReplyLetterText {

	@Column(name = "written_on")
	private LocalDate writtenOn;

	@Column(name = "signed_on")
	private LocalDate signedOn;

	@Enumerated(EnumType.STRING)
	@Column(name = "disclosure_mode")
	private DisclosureMode disclosureMode = DisclosureMode.PROACTIVE;

	@Column(name = "disclosure_reason")
	private String disclosureReason;

	@Column(name = "catalog_category")
	private String catalogCategory = LetterContent.DEFAULT_CATALOG_CATEGORY;

	@Column(name = "addressee")
	private String addressee;

	@Column(name = "opening")
	private String opening;

	@Column(name = "closing")
	private String closing;

	@Column(name = "issuer")
	private String issuer;

	@Enumerated(EnumType.STRING)
	@Column(name = "result_class")
	private ResultClass resultClass;

	protected ReplyLetterText() {
	}

	/** The letter's text as written, its disclosure reason checked. */
	ReplyLetterText(LetterContent content) {
		Objects.requireNonNull(content, "letter content");
		this.writtenOn = content.writtenOn();
		this.signedOn = content.signedOn();
		disclose(content.disclosureMode(), content.disclosureReason());
		this.catalogCategory = content.catalogCategory();
		this.addressee = content.addressee();
		this.opening = content.opening();
		this.closing = content.closing();
		this.issuer = content.issuer();
		this.resultClass = content.resultClass();
	}

	/** Who may read it, and why not everyone (kept only when it is not 主动公开). */
	void disclose(DisclosureMode mode, String reason) {
		ReplyRules.requireDisclosureReason(mode, reason);
		this.disclosureMode = mode;
		this.disclosureReason = (mode == DisclosureMode.PROACTIVE) ? null : reason.strip();
	}

	LetterContent content(List<SectionContent> sections) {
		return new LetterContent(this.writtenOn, this.signedOn, this.disclosureMode, this.disclosureReason,
				this.catalogCategory, this.addressee, this.opening, this.closing, this.issuer, this.resultClass,
				sections);
	}

	LocalDate getWrittenOn() {
		return this.writtenOn;
	}

	LocalDate getSignedOn() {
		return this.signedOn;
	}

	DisclosureMode getDisclosureMode() {
		return this.disclosureMode;
	}

	String getDisclosureReason() {
		return this.disclosureReason;
	}

	String getCatalogCategory() {
		return this.catalogCategory;
	}

	String getAddressee() {
		return this.addressee;
	}

	String getOpening() {
		return this.opening;
	}

	String getClosing() {
		return this.closing;
	}

	String getIssuer() {
		return this.issuer;
	}

	ResultClass getResultClass() {
		return this.resultClass;
	}

}
