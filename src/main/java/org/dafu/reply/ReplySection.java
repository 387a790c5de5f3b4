package org.dafu.reply;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.persistence.CascadeType;
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

/** A numbered section of a reply (一、二、… or 下一步) with its figures. */
@Entity
@Table(name = "reply_section")
class ReplySection {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "reply_id")
	private Reply reply;

	private int ordinal;

	@Enumerated(EnumType.STRING)
	private SectionKind kind;

	private String heading;

	private String body;

	@OneToMany(mappedBy = "section", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("ordinal asc")
	private List<ReplyFigure> figures = new ArrayList<>();

	protected ReplySection() {
	}

	ReplySection(Reply reply, int ordinal, SectionContent content) {
		this.reply = reply;
		this.ordinal = ordinal;
		this.kind = content.kind();
		this.heading = content.heading();
		this.body = content.body();
		int n = 1;
		for (FigureContent figure : content.figures()) {
			this.figures.add(new ReplyFigure(this, n++, figure));
		}
	}

	/**
	 * Takes this content at this place: its fields are set (the row is written only when
	 * one differs), its figures replaced only when they differ (numbers compared by
	 * value: {@link FigureContent#sameAs}).
	 */
	void revise(int ordinal, SectionContent content) {
		this.ordinal = ordinal;
		this.kind = content.kind();
		this.heading = content.heading();
		this.body = content.body();
		if (!FigureContent.same(this.figures.stream().map(ReplyFigure::content).toList(), content.figures())) {
			this.figures.clear();
			int n = 1;
			for (FigureContent figure : content.figures()) {
				this.figures.add(new ReplyFigure(this, n++, figure));
			}
		}
	}

	SectionContent content() {
		return new SectionContent(this.kind, this.heading, this.body,
				this.figures.stream().map(ReplyFigure::content).toList());
	}

	Reply getReply() {
		return this.reply;
	}

	Long getId() {
		return this.id;
	}

	int getOrdinal() {
		return this.ordinal;
	}

	SectionKind getKind() {
		return this.kind;
	}

	String getHeading() {
		return this.heading;
	}

	String getBody() {
		return this.body;
	}

	List<ReplyFigure> getFigures() {
		return Collections.unmodifiableList(this.figures);
	}

}
