package org.dafu.congress;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A session (会议) of a congress, e.g. 市八届人大一次会议. Proposals are numbered per session. */
@Entity
@Table(name = "congress_session")
public class CongressSession {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Enumerated(EnumType.STRING)
	@Column(name = "body_type", nullable = false)
	private BodyType bodyType;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private CongressLevel level;

	private int term;

	@Column(name = "session_number")
	private int sessionNumber;

	private int year;

	@Column(nullable = false)
	private String name;

	@Column(name = "evaluation_closed")
	private boolean evaluationClosed;

	@Version
	private int version;

	@Column(name = "created_at", insertable = false, updatable = false)
	private Instant createdAt;

	protected CongressSession() {
	}

	public CongressSession(BodyType bodyType, CongressLevel level, int term, int sessionNumber, int year, String name) {
		check(bodyType, level, term, sessionNumber, name);
		this.bodyType = bodyType;
		this.level = level;
		this.term = term;
		this.sessionNumber = sessionNumber;
		this.year = year;
		this.name = name.trim();
	}

	/** A coordinator corrects the session's numbering or display name. */
	public void redefine(BodyType bodyType, CongressLevel level, int term, int sessionNumber, int year, String name) {
		check(bodyType, level, term, sessionNumber, name);
		this.bodyType = bodyType;
		this.level = level;
		this.term = term;
		this.sessionNumber = sessionNumber;
		this.year = year;
		this.name = name.trim();
	}

	private static void check(BodyType bodyType, CongressLevel level, int term, int sessionNumber, String name) {
		if (bodyType == null) {
			throw new CongressRefusedException("bodyType", "coordination.session.bodyType.invalid");
		}
		if (level == null) {
			throw new CongressRefusedException("level", "coordination.session.level.invalid");
		}
		if (term <= 0) {
			throw new CongressRefusedException("term", "coordination.session.term.invalid");
		}
		if (sessionNumber <= 0) {
			throw new CongressRefusedException("sessionNumber", "coordination.session.sessionNumber.invalid");
		}
		if (name == null || name.isBlank()) {
			throw new CongressRefusedException("name", "coordination.session.name.invalid");
		}
	}

	public void closeEvaluation() {
		this.evaluationClosed = true;
	}

	public void reopenEvaluation() {
		this.evaluationClosed = false;
	}

	public Long getId() {
		return this.id;
	}

	public BodyType getBodyType() {
		return this.bodyType;
	}

	public CongressLevel getLevel() {
		return this.level;
	}

	public int getTerm() {
		return this.term;
	}

	public int getSessionNumber() {
		return this.sessionNumber;
	}

	public int getYear() {
		return this.year;
	}

	public String getName() {
		return this.name;
	}

	public boolean isEvaluationClosed() {
		return this.evaluationClosed;
	}

	public int getVersion() {
		return this.version;
	}

}
