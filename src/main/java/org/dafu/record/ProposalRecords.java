package org.dafu.record;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.dafu.access.AccessPolicy;
import org.dafu.access.ProposalFacts;
import org.dafu.access.Viewer;
import org.dafu.evaluation.EvaluationService;
import org.dafu.evaluation.EvaluationService.ProposalEvaluations;
import org.dafu.evaluation.EvaluationView;
import org.dafu.evaluation.RehandlingView;
import org.dafu.platform.ClockConfiguration;
import org.dafu.platform.web.NotFoundException;
import org.dafu.reply.DisclosureMode;
import org.dafu.reply.ReplyRow;
import org.dafu.reply.ReplyRowReads;
import org.dafu.stats.StatisticsService;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.dafu.congress.CongressProjections.DEPUTIES;
import static org.dafu.congress.CongressProjections.SESSIONS;
import static org.dafu.proposal.ProposalProjections.ASSIGNMENTS;
import static org.dafu.proposal.ProposalProjections.COSIGNERS;
import static org.dafu.proposal.ProposalProjections.EXTENSIONS;
import static org.dafu.proposal.ProposalProjections.PROPOSALS;
import static org.dafu.unit.UnitProjections.UNITS;

/**
 * The public record of one proposal (建议办理档案): the proposal, its units with their
 * deadlines, the replies the viewer may read, its timeline and its rating, each part as
 * the {@link AccessPolicy} lets the viewer see it.
 * <p>
 * At most four statements, whatever the number of units, extensions, replies and ratings:
 * the proposal with its session and deputies; its assignments with their units and
 * extensions; its replies ({@link ReplyRowReads#ofProposalsWithReasons}); its 重新办理 and
 * the ratings of the replies the viewer reads ({@link EvaluationService#ofProposal}).
 */
@Service
@Transactional(readOnly = true)
public class ProposalRecords {

	private final NamedParameterJdbcTemplate jdbc;

	private final ReplyRowReads replies;

	private final EvaluationService evaluations;

	private final AccessPolicy access;

	ProposalRecords(NamedParameterJdbcTemplate jdbc, ReplyRowReads replies, EvaluationService evaluations,
			AccessPolicy access) {
		this.jdbc = jdbc;
		this.replies = replies;
		this.evaluations = evaluations;
		this.access = access;
	}

	/** The record of proposal {@code number} of a session; 404 when there is none. */
	public ProposalRecord record(Viewer viewer, long sessionId, int number) {
		Head head = head(sessionId, number);
		List<Assigned> units = new ArrayList<>();
		List<Step> steps = new ArrayList<>();
		assignments(head.id(), units, steps);
		ReplyRowReads.ProposalReplies replies = this.replies.ofProposalsWithReasons(viewer, List.of(head.id()));
		List<ReplyRow> readable = replies.readable(head.id());
		boolean readsIssued = readable.stream().anyMatch((r) -> !r.isDraft());
		ProposalFacts facts = new ProposalFacts(head.leadDeputy().id(),
				head.cosigners().stream().map(Person::id).collect(Collectors.toSet()),
				units.stream().map(Assigned::unitId).collect(Collectors.toSet()), readsIssued);
		List<ReplyRow> issued = readable.stream().filter((r) -> !r.isDraft()).toList();
		ProposalEvaluations evaluations = this.evaluations.ofProposal(head.id(), head.leadDeputy().id(),
				issued.stream().map(ReplyRow::id).toList());
		// One rating is one deputy's opinion: shown where the statistics would publish it
		// (never over a single evaluation) or to whom the access policy shows it.
		boolean ratingShown = this.access.canReadRating(viewer, facts)
				|| StatisticsService.publishesSatisfactionOver(1);
		if (head.submittedOn() != null) {
			steps.add(new Step(head.submittedOn(), "SUBMITTED", "", "", ""));
		}
		Map<Long, ReplyRow> byId = new LinkedHashMap<>();
		for (ReplyRow r : issued) {
			byId.put(r.id(), r);
			if (r.date() != null) {
				steps.add(new Step(r.date(), "REPLIED_" + r.kind(), r.unitName(), nonNull(r.indexNumber()), ""));
			}
		}
		List<Rated> ratings = new ArrayList<>();
		for (EvaluationView e : evaluations.ratings()) {
			ReplyRow r = byId.get(e.replyId());
			if (r == null) {
				continue;
			}
			String result = ratingShown ? e.result().name() : null;
			ratings.add(new Rated(r, beijing(e.updatedAt()), result, ratingShown ? e.attitude().name() : null));
			steps.add(new Step(beijing(e.updatedAt()), (result != null) ? "EVALUATED" : "EVALUATED_WITHHELD",
					nonNull(r.indexNumber()), nonNull(result), ""));
		}
		RehandlingView rehandling = evaluations.rehandling().orElse(null);
		if (rehandling != null) {
			steps
				.add(new Step(beijing(rehandling.startedAt()), "REHANDLING", rehandling.deadline().toString(), "", ""));
		}
		steps.sort(Comparator.comparing(Step::date));
		Set<DisclosureMode> reasons = replies.reasons(head.id());
		return new ProposalRecord(head, this.access.canReadProposalText(viewer, facts) ? head.body() : null,
				head.body() != null && !head.body().isBlank(), units, readable, reasons, ratings, rehandling, steps);
	}

	private Head head(long sessionId, int number) {
		List<Head> found = this.jdbc.query("""
				select p.id, p.number, p.title, p.body, p.status, p.submitted_on,
				       s.id as session_id, s.name as session_name, s.year,
				       d.id as deputy_id, d.name as deputy_name,
				       array(select c.deputy_id from %1$s c join %2$s cd on cd.id = c.deputy_id
				             where c.proposal_id = p.id order by cd.name, cd.id) as cosigner_ids,
				       array(select cd.name from %1$s c join %2$s cd on cd.id = c.deputy_id
				             where c.proposal_id = p.id order by cd.name, cd.id) as cosigner_names
				from %3$s p
				join %4$s s on s.id = p.session_id
				join %2$s d on d.id = p.lead_deputy_id
				where p.session_id = :session and p.number = :number""".formatted(COSIGNERS, DEPUTIES, PROPOSALS,
				SESSIONS), Map.of("session", sessionId, "number", number), (rs, i) -> head(rs));
		if (found.isEmpty()) {
			throw new NotFoundException("proposal", sessionId + "/" + number);
		}
		return found.get(0);
	}

	private static Head head(ResultSet rs) throws SQLException {
		Object[] ids = array(rs.getArray("cosigner_ids"));
		Object[] names = array(rs.getArray("cosigner_names"));
		List<Person> cosigners = new ArrayList<>();
		for (int i = 0; i < ids.length; i++) {
			cosigners.add(new Person(((Number) ids[i]).longValue(), (String) names[i]));
		}
		java.sql.Date submitted = rs.getDate("submitted_on");
		return new Head(rs.getLong("id"), rs.getLong("session_id"), rs.getString("session_name"), rs.getInt("year"),
				rs.getInt("number"), rs.getString("title"), rs.getString("body"), rs.getString("status"),
				(submitted != null) ? submitted.toLocalDate() : null,
				new Person(rs.getLong("deputy_id"), rs.getString("deputy_name")), List.copyOf(cosigners));
	}

	/**
	 * The units with their deadlines in force, and a step for each 交办 (with the deadline
	 * it gave) and each extension (with the deadline it set).
	 */
	private void assignments(long proposalId, List<Assigned> units, List<Step> steps) {
		Map<Long, Assigned> byId = new LinkedHashMap<>();
		this.jdbc.query("""
				select a.id, a.unit_id, u.name as unit_name, a.role, a.assigned_on, a.deadline, a.assigned_deadline,
				       e.new_deadline, e.extended_at
				from %s a
				join %s u on u.id = a.unit_id
				left join %s e on e.assignment_id = a.id
				where a.proposal_id = :p
				order by case a.role when 'LEAD' then 0 else 1 end, a.id, e.id""".formatted(ASSIGNMENTS, UNITS,
				EXTENSIONS), Map.of("p", proposalId), (ResultSet rs) -> {
					long id = rs.getLong("id");
					Assigned a = byId.get(id);
					if (a == null) {
						a = new Assigned(rs.getLong("unit_id"), rs.getString("unit_name"), rs.getString("role"),
								rs.getObject("assigned_on", LocalDate.class), rs.getObject("deadline", LocalDate.class),
								rs.getObject("assigned_deadline", LocalDate.class));
						byId.put(id, a);
						steps.add(new Step(a.assignedOn(), "ASSIGNED_" + a.role(), a.unitName(),
								(a.assignedDeadline() != null) ? a.assignedDeadline().toString() : "—", ""));
					}
					LocalDate extendedTo = rs.getObject("new_deadline", LocalDate.class);
					if (extendedTo != null) {
						steps.add(new Step(beijing(instant(rs.getTimestamp("extended_at"))), "EXTENDED_" + a.role(),
								a.unitName(), extendedTo.toString(), ""));
					}
				});
		units.addAll(byId.values());
	}

	private static LocalDate beijing(Instant instant) {
		return LocalDate.ofInstant(instant, ClockConfiguration.ZONE);
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : Instant.EPOCH;
	}

	private static Object[] array(Array array) throws SQLException {
		return (array != null) ? (Object[]) array.getArray() : new Object[0];
	}

	private static String nonNull(String text) {
		return (text != null) ? text : "";
	}

	record Person(long id, String name) {
	}

	record Head(long id, long sessionId, String sessionName, int year, int number, String title, String body,
			String status, LocalDate submittedOn, Person leadDeputy, List<Person> cosigners) {
	}

	/**
	 * A unit the proposal was assigned to.
	 *
	 * @param deadline the deadline in force (after extensions and 重新办理)
	 * @param assignedDeadline the deadline given at 交办
	 */
	record Assigned(long unitId, String unitName, String role, LocalDate assignedOn, LocalDate deadline,
			LocalDate assignedDeadline) {

		public boolean lead() {
			return "LEAD".equals(this.role);
		}

	}

	/** The lead deputy's rating of a reply; {@code result} null when not shown. */
	record Rated(ReplyRow reply, LocalDate ratedOn, String result, String attitude) {
	}

	/**
	 * One step of the timeline, its date in Beijing time; {@code kind} names the message
	 * key, {@code a}, {@code b}, {@code c} are its arguments.
	 */
	record Step(LocalDate date, String kind, String a, String b, String c) {
	}

	/**
	 * @param body the proposal's text when the viewer may read it, else null
	 * @param hasText whether it has a text at all
	 * @param reasons why no reply is readable although the proposal was answered: the
	 * disclosure modes of its issued replies (empty when one is readable or none issued)
	 */
	record ProposalRecord(Head head, String body, boolean hasText, List<Assigned> units, List<ReplyRow> replies,
			Set<DisclosureMode> reasons, List<Rated> ratings, RehandlingView rehandling, List<Step> timeline) {

		public boolean textWithheld() {
			return this.hasText && this.body == null;
		}

		public List<String> reasonKeys() {
			return this.reasons.stream().map((m) -> "browse.disclosure." + m.name()).toList();
		}

	}

}
