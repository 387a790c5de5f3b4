package org.dafu.figure;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.dafu.access.AccessPolicy;
import org.dafu.access.ReplyFacts;
import org.dafu.access.Viewer;
import org.dafu.platform.web.NotFoundException;
import org.dafu.reply.ReplyService;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recording measurements of targets. The check is here, not only on the URL: only
 * officials of the unit that wrote the reply record its targets' measurements.
 */
@Service
@Transactional(readOnly = true)
public class MeasurementService {

	private final MeasurementRepository measurements;

	private final NamedParameterJdbcTemplate jdbc;

	private final ReplyService replies;

	private final AccessPolicy access;

	private final Clock clock;

	MeasurementService(MeasurementRepository measurements, NamedParameterJdbcTemplate jdbc, ReplyService replies,
			AccessPolicy access, Clock clock) {
		this.measurements = measurements;
		this.jdbc = jdbc;
		this.replies = replies;
		this.access = access;
		this.clock = clock;
	}

	/** Whether the viewer may record measurements of this figure. */
	public boolean canRecord(Viewer viewer, long figureId) {
		if (!viewer.isOfficial()) {
			return false;
		}
		TargetFacts target = target(figureId);
		return target != null && target.issuedTarget() && viewer.unitId().equals(target.unitId());
	}

	/**
	 * 404 when the figure is no issued target the viewer can see; 403 when the viewer is
	 * not an official of the reply's unit.
	 */
	public void checkRecordable(Viewer viewer, long figureId) {
		TargetFacts target = target(figureId);
		if (target == null || !target.issuedTarget()) {
			throw new NotFoundException("target", figureId);
		}
		ReplyFacts facts = this.replies.facts(target.replyId());
		if (!this.access.canRead(viewer, facts)) {
			throw new NotFoundException("target", figureId);
		}
		if (!viewer.isOfficial() || !viewer.unitId().equals(facts.unitId())) {
			throw new AccessDeniedException("only the reply's unit records its targets");
		}
	}

	@Transactional
	public long record(Viewer viewer, long figureId, MeasurementForm form) {
		checkRecordable(viewer, figureId);
		return this.measurements
			.save(new Measurement(figureId, form.measuredOn(), form.value(), form.note(), viewer.username(),
					LocalDate.now(this.clock)))
			.getId();
	}

	private TargetFacts target(long figureId) {
		List<TargetFacts> rows = this.jdbc.query("""
				select f.reply_id, r.unit_id, (f.kind = 'TARGET' and r.status = 'ISSUED') as issued_target
				from figure f join reply r on r.id = f.reply_id where f.id = :id
				""", Map.of("id", figureId), (rs, i) -> new TargetFacts(rs.getLong("reply_id"), rs.getLong("unit_id"),
				rs.getBoolean("issued_target")));
		return rows.isEmpty() ? null : rows.get(0);
	}

	private record TargetFacts(long replyId, Long unitId, boolean issuedTarget) {
	}

}
