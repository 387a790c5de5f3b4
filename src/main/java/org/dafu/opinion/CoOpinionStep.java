package org.dafu.opinion;

import java.time.Instant;

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

/** One step of an opinion's handling: who did what, when, with what comment. */
@Entity
@Table(name = "co_opinion_step")
class CoOpinionStep {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "opinion_id")
	private CoOpinion opinion;

	@Enumerated(EnumType.STRING)
	private OpinionAction action;

	private String actor;

	private Instant at;

	private String comment;

	protected CoOpinionStep() {
	}

	CoOpinionStep(CoOpinion opinion, OpinionAction action, String actor, Instant at, String comment) {
		this.opinion = opinion;
		this.action = action;
		this.actor = actor;
		this.at = at;
		this.comment = comment;
	}

	OpinionAction getAction() {
		return this.action;
	}

	String getActor() {
		return this.actor;
	}

	Instant getAt() {
		return this.at;
	}

	String getComment() {
		return this.comment;
	}

}
