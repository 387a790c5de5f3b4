package org.dafu.figure;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.springframework.util.Assert;

/** A later measurement of a target (table {@code figure_measurement}). */
@Entity
@Table(name = "figure_measurement")
class Measurement {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "figure_id")
	private Long figureId;

	@Column(name = "measured_on")
	private LocalDate measuredOn;

	private BigDecimal value;

	private String note;

	private String period;

	private String source;

	@Column(name = "source_reply_id")
	private Long sourceReplyId;

	@Column(name = "recorded_by")
	private String recordedBy;

	@Column(name = "created_at", insertable = false, updatable = false)
	private Instant createdAt;

	protected Measurement() {
	}

	Measurement(Long figureId, LocalDate measuredOn, BigDecimal value, String period, String source, String note,
			String recordedBy, LocalDate today) {
		Assert.notNull(figureId, "figure");
		Assert.notNull(measuredOn, "a measurement has a date");
		Assert.isTrue(!measuredOn.isAfter(today), "a measurement is not in the future");
		Assert.notNull(value, "a measurement has a value");
		Assert.isTrue(note == null || note.length() <= 500, "note of at most 500 characters");
		Assert.isTrue(period == null || period.length() <= 50, "period of at most 50 characters");
		Assert.isTrue(source == null || source.length() <= 300, "source of at most 300 characters");
		this.figureId = figureId;
		this.measuredOn = measuredOn;
		this.value = value;
		this.note = blankToNull(note);
		this.period = blankToNull(period);
		this.source = blankToNull(source);
		this.recordedBy = recordedBy;
	}

	Long getId() {
		return this.id;
	}

	private static String blankToNull(String s) {
		return (s == null || s.isBlank()) ? null : s.strip();
	}

}
