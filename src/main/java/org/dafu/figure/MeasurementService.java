package org.dafu.figure;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dafu.access.AccessPolicy;
import org.dafu.access.ReplyFacts;
import org.dafu.access.Viewer;
import org.dafu.figure.StatedLinks.Stated;
import org.dafu.notify.NotificationKind;
import org.dafu.notify.Notifier;
import org.dafu.notify.Recipient;
import org.dafu.platform.web.NotFoundException;
import org.dafu.reply.ReplyReads;
import org.dafu.reply.ReplyService;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.dafu.reply.ReplyProjections.FIGURES;
import static org.dafu.reply.ReplyProjections.REPLIES;
import static org.dafu.reply.ReplyProjections.SECTIONS;

/**
 * Measurements of targets. The checks are here, not only on the URL: only officials of
 * the unit that wrote the reply record, confirm or unlink its targets' measurements; only
 * coordinators ask a unit for one.
 */
@Service
@Transactional(readOnly = true)
public class MeasurementService {

	/** Who links a reply's stated achievements to its targets (not a person). */
	static final String SYSTEM = "system";

	private final MeasurementRepository measurements;

	private final NamedParameterJdbcTemplate jdbc;

	private final ReplyService replies;

	private final AccessPolicy access;

	private final Notifier notifier;

	private final Clock clock;

	MeasurementService(MeasurementRepository measurements, NamedParameterJdbcTemplate jdbc, ReplyService replies,
			AccessPolicy access, Notifier notifier, Clock clock) {
		this.measurements = measurements;
		this.jdbc = jdbc;
		this.replies = replies;
		this.access = access;
		this.notifier = notifier;
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
		ReplyFacts facts = visibleTarget(viewer, figureId);
		if (!viewer.isOfficial() || !viewer.unitId().equals(facts.unitId())) {
			throw new AccessDeniedException("only the reply's unit records its targets");
		}
	}

	@Transactional
	public long record(Viewer viewer, long figureId, MeasurementForm form) {
		checkRecordable(viewer, figureId);
		return this.measurements
			.save(new Measurement(figureId, form.measuredOn(), form.value(), form.period(), form.source(), form.note(),
					viewer.username(), LocalDate.now(this.clock)))
			.getId();
	}

	/**
	 * Links the achievements an issued reply states to its targets of the same subject,
	 * unit and region ({@link StatedLinks}): each becomes the target's first measurement,
	 * dated by the reply (its signing date, else the day it was issued in China Standard
	 * Time), with the achievement's period and the reply as its source, waiting for the
	 * unit to confirm it. A target already linked is left as it is.
	 * @return how many measurements were added
	 */
	@Transactional
	public int linkStated(long replyId) {
		List<Stated> figures = this.jdbc.query("""
				select f.id, f.kind, f.subject, f.unit, f.region from %s f
				join %s s on s.id = f.section_id join %s r on r.id = f.reply_id
				where f.reply_id = :reply and r.status = 'ISSUED' order by s.ordinal, f.ordinal, f.id
				""".formatted(FIGURES, SECTIONS, REPLIES), Map.of("reply", replyId),
				(rs, i) -> new Stated(rs.getLong("id"), "TARGET".equals(rs.getString("kind")), rs.getString("subject"),
						rs.getString("unit"), rs.getString("region")));
		int added = 0;
		for (Map.Entry<Long, Long> link : StatedLinks.links(figures).entrySet()) {
			added += this.jdbc.update("""
					insert into figure_measurement (figure_id, measured_on, value, period, source_reply_id,
					                                source_figure_id, recorded_by)
					select t.id, %1$s, a.value, a.period, r.id, a.id, :system
					from %2$s t join %2$s a on a.id = :achievement join %3$s r on r.id = t.reply_id
					where t.id = :target and not exists (select 1 from figure_measurement m
					                                     where m.figure_id = t.id and m.source_figure_id is not null)
					""".formatted(ReplyReads.dateOf("r"), FIGURES, REPLIES),
					Map.of("target", link.getKey(), "achievement", link.getValue(), "system", SYSTEM));
		}
		return added;
	}

	/** The unit confirms the value its reply stated as the target's measurement. */
	@Transactional
	public void confirm(Viewer viewer, long figureId, long measurementId) {
		checkRecordable(viewer, figureId);
		Map<String, Object> params = new HashMap<>();
		params.put("id", measurementId);
		params.put("figure", figureId);
		params.put("by", viewer.username());
		params.put("now", Timestamp.from(this.clock.instant()));
		int changed = this.jdbc.update("""
				update figure_measurement set confirmed_at = :now, confirmed_by = :by
				where id = :id and figure_id = :figure and source_figure_id is not null and confirmed_at is null
				""", params);
		if (changed == 0) {
			throw new NotFoundException("stated measurement", measurementId);
		}
	}

	/**
	 * The unit unlinks a stated value that does not measure the target: the measurement
	 * is removed (the achievement stays in the letter).
	 */
	@Transactional
	public void unlink(Viewer viewer, long figureId, long measurementId) {
		checkRecordable(viewer, figureId);
		int removed = this.jdbc.update("""
				delete from figure_measurement where id = :id and figure_id = :figure and source_figure_id is not null
				""", Map.of("id", measurementId, "figure", figureId));
		if (removed == 0) {
			throw new NotFoundException("stated measurement", measurementId);
		}
	}

	/**
	 * A coordinator asks the target's unit for a new measurement: a notice to the unit's
	 * officials (and mail where they have an address), linking to the target's form.
	 */
	@Transactional
	public void request(Viewer viewer, long figureId, String label) {
		if (!viewer.isCoordinator()) {
			throw new AccessDeniedException("coordinators ask for measurements");
		}
		ReplyFacts facts = visibleTarget(viewer, figureId);
		TargetFacts target = target(figureId);
		this.notifier.notify(Recipient.unit(facts.unitId()), NotificationKind.MEASUREMENT_REQUESTED, label,
				viewer.username(), "/figures/" + figureId + "#record", target.proposalId(), target.replyId());
	}

	private ReplyFacts visibleTarget(Viewer viewer, long figureId) {
		TargetFacts target = target(figureId);
		if (target == null || !target.issuedTarget()) {
			throw new NotFoundException("target", figureId);
		}
		ReplyFacts facts = this.replies.facts(target.replyId());
		if (!this.access.canRead(viewer, facts)) {
			throw new NotFoundException("target", figureId);
		}
		return facts;
	}

	private TargetFacts target(long figureId) {
		List<TargetFacts> rows = this.jdbc.query(
				"""
						select f.reply_id, r.unit_id, r.proposal_id, (f.kind = 'TARGET' and r.status = 'ISSUED') as issued_target
						from %s f join %s r on r.id = f.reply_id where f.id = :id
						"""
					.formatted(FIGURES, REPLIES),
				Map.of("id", figureId), (rs, i) -> new TargetFacts(rs.getLong("reply_id"), rs.getLong("unit_id"),
						rs.getLong("proposal_id"), rs.getBoolean("issued_target")));
		return rows.isEmpty() ? null : rows.get(0);
	}

	private record TargetFacts(long replyId, Long unitId, long proposalId, boolean issuedTarget) {
	}

}
