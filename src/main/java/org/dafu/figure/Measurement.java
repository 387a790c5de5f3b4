package org.dafu.figure;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import org.dafu.platform.RefusedException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

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
		Objects.requireNonNull(figureId, "figure");
		refuseIf(measuredOn == null || measuredOn.isAfter(today), "measuredOn");
		refuseIf(value == null, "value");
		refuseIf(note != null && note.length() > 500, "note");
		refuseIf(period != null && period.length() > 50, "period");
		refuseIf(source != null && source.length() > 300, "source");
		this.figureId = figureId;
		this.measuredOn = measuredOn;
		this.value = value;
		this.note = blankToNull(note);
		this.period = blankToNull(period);
		this.source = blankToNull(source);
		this.recordedBy = recordedBy;
	}

	/** A value the measurement's rules refuse: the field, with its message. */
	private static void refuseIf(boolean refused, String field) {
		if (refused) {
			throw new RefusedException(field, "figure.record.invalid." + field);
		}
	}

	Long getId() {
		return this.id;
	}

	private static String blankToNull(String s) {
		return (s == null || s.isBlank()) ? null : s.strip();
	}

}
