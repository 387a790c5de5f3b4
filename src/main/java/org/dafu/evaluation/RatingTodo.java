package org.dafu.evaluation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.dafu.access.Viewer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.dafu.congress.CongressProjections.SESSIONS;
import static org.dafu.proposal.ProposalProjections.PROPOSALS;
import static org.dafu.reply.ReplyProjections.REPLIES;
import static org.dafu.unit.UnitProjections.UNITS;

/**
 * 待测评: the issued replies a deputy is asked to rate and has not rated yet. Who rates is
 * the access policy's {@code canEvaluate}: the lead deputy of the proposal (co-signers
 * read the reply and its rating, and do not rate). A session whose evaluation the
 * coordinators closed asks for nothing.
 *
 * <p>
 * The rating window is {@code dafu.evaluation.rating-window-days} (30) days from the day
 * the reply was issued (Beijing time); the list shows the days left in it (negative once
 * it has passed: the reply stays on the list, and a rating is still accepted, until the
 * session's evaluation is closed). notify/RatingReminders reminds the deputy once, some
 * days before the window closes.
 */
@Service
@Transactional(readOnly = true)
public class RatingTodo {

	/**
	 * The replies waiting for their lead deputy's rating, with the last day of the
	 * window; {@code :deputy} may be bound to one deputy or the condition left out.
	 */
	public static final String UNRATED = """
			select r.id as reply_id, r.index_number, p.id as proposal_id, p.number, p.title, p.lead_deputy_id,
			       u.name as unit_name,
			       (r.issued_at at time zone 'Asia/Shanghai')::date + :window as window_ends
			from %s r
			join %s p on p.id = r.proposal_id
			join %s s on s.id = p.session_id and not s.evaluation_closed
			join %s u on u.id = r.unit_id
			where r.status = 'ISSUED' and r.issued_at is not null
			  and not exists (select 1 from evaluation e where e.reply_id = r.id and e.deputy_id = p.lead_deputy_id)
			""".formatted(REPLIES, PROPOSALS, SESSIONS, UNITS);

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	private final int windowDays;

	RatingTodo(NamedParameterJdbcTemplate jdbc, Clock clock,
			@Value("${dafu.evaluation.rating-window-days:30}") int windowDays) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.windowDays = windowDays;
	}

	public int windowDays() {
		return this.windowDays;
	}

	/** The viewer's replies to rate, the window closing soonest first. */
	public List<Item> of(Viewer viewer) {
		if (!viewer.isDeputy()) {
			throw new AccessDeniedException("deputies only");
		}
		LocalDate today = LocalDate.now(this.clock);
		return this.jdbc.query(UNRATED + " and p.lead_deputy_id = :deputy order by window_ends, r.id",
				Map.of("deputy", viewer.deputyId(), "window", this.windowDays), (rs, i) -> {
					LocalDate ends = rs.getObject("window_ends", LocalDate.class);
					return new Item(rs.getLong("reply_id"), rs.getString("index_number"), rs.getLong("proposal_id"),
							rs.getInt("number"), rs.getString("title"), rs.getString("unit_name"), ends,
							ChronoUnit.DAYS.between(today, ends));
				});
	}

	/** A reply to rate; {@code daysLeft} is negative once the window has passed. */
	public record Item(long replyId, String indexNumber, long proposalId, int number, String title, String unitName,
			LocalDate windowEnds, long daysLeft) {

		public boolean late() {
			return this.daysLeft < 0;
		}

	}

}
