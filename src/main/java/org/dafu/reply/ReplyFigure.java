package org.dafu.reply;

import java.math.BigDecimal;

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

/** A figure stated in a section of a reply (table {@code figure}). */
@Entity
@Table(name = "figure")
class ReplyFigure {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "reply_id")
	private Reply reply;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "section_id")
	private ReplySection section;

	private int ordinal;

	private String subject;

	private BigDecimal value;

	private String unit;

	@Enumerated(EnumType.STRING)
	private FigureKind kind;

	private String comparator;

	private String period;

	@Column(name = "deadline_year")
	private Integer deadlineYear;

	private String region;

	@Column(name = "growth_rate")
	private BigDecimal growthRate;

	private String rank;

	@Column(name = "task_share")
	private BigDecimal taskShare;

	@Column(name = "source_sentence")
	private String sourceSentence;

	protected ReplyFigure() {
	}

	ReplyFigure(ReplySection section, int ordinal, FigureContent content) {
		this.section = section;
		this.reply = section.getReply();
		this.ordinal = ordinal;
		this.subject = content.subject();
		this.value = content.value();
		this.unit = content.unit();
		this.kind = content.kind();
		this.comparator = content.comparator();
		this.period = content.period();
		this.deadlineYear = content.deadlineYear();
		this.region = content.region();
		this.growthRate = content.growthRate();
		this.rank = content.rank();
		this.taskShare = content.taskShare();
		this.sourceSentence = content.sourceSentence();
	}

	FigureContent content() {
		return new FigureContent(this.subject, this.value, this.unit, this.kind, this.comparator, this.period,
				this.deadlineYear, this.region, this.growthRate, this.rank, this.taskShare, this.sourceSentence);
	}

	Long getId() {
		return this.id;
	}

	int getOrdinal() {
		return this.ordinal;
	}

	String getSubject() {
		return this.subject;
	}

	String getRegion() {
		return this.region;
	}

}
