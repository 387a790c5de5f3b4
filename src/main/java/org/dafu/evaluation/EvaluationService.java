package org.dafu.evaluation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dafu.access.AccessPolicy;
import org.dafu.access.ReplyFacts;
import org.dafu.access.Viewer;
import org.dafu.congress.CongressService;
import org.dafu.congress.SessionView;
import org.dafu.platform.web.NotFoundException;
import org.dafu.proposal.ProposalService;
import org.dafu.proposal.ProposalStatus;
import org.dafu.proposal.ProposalView;
import org.dafu.reply.ReplyService;
import org.dafu.reply.ReplyView;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 满意度测评 and 重新办理.
 *
 * <p>
 * Rules:
 * <ul>
 * <li>only the lead deputy rates an issued reply (the access policy's
 * {@code canEvaluate}); co-signers see the reply and the rating but cannot rate;</li>
 * <li>one rating per reply and deputy; rating again replaces it, until the coordinator
 * closes the session's evaluation, after which it is refused;</li>
 * <li>the first time the <em>result</em> of any issued reply of a proposal is rated 不满意,
 * whether in a first rating or by changing a rating later, the proposal goes back to its
 * lead unit for re-handling, with a new deadline one month (configurable) from today. It
 * happens once per proposal: changing the rating back does not undo it, and a later 不满意
 * (also on the re-handling reply) does not start it again: it is told to the unit and the
 * coordinators, who follow it up;</li>
 * <li>whenever a rating newly contains 不满意 (attitude or result), the unit and the
 * coordinators are told ({@link EvaluationUnsatisfied}).</li>
 * </ul>
 */
@Service
@Transactional(readOnly = true)
public class EvaluationService {

	private final EvaluationRepository evaluations;

	private final ReplyService replies;

	private final ProposalService proposals;

	private final CongressService congress;

	private final AccessPolicy access;

	private final NamedParameterJdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final int rehandlingMonths;

	EvaluationService(EvaluationRepository evaluations, ReplyService replies, ProposalService proposals,
			CongressService congress, AccessPolicy access, NamedParameterJdbcTemplate jdbc,
			ApplicationEventPublisher events, Clock clock,
			@Value("${dafu.evaluation.rehandling-months:1}") int rehandlingMonths) {
		this.evaluations = evaluations;
		this.replies = replies;
		this.proposals = proposals;
		this.congress = congress;
		this.access = access;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
		this.rehandlingMonths = rehandlingMonths;
	}

	/** May this viewer rate this reply now (lead deputy, issued, evaluation open)? */
	public boolean canRateNow(Viewer viewer, ReplyView reply) {
		return this.access.canEvaluate(viewer, this.replies.facts(reply.id()))
				&& !this.congress.session(reply.proposal().sessionId()).evaluationClosed();
	}

	/**
	 * Rates a reply as the viewer. A reply the viewer may not read is "not found"; one
	 * they may read but not rate is refused by the access policy; a closed session's
	 * evaluation refuses with {@link EvaluationClosedException}.
	 */
	@Transactional
	public RatingOutcome rate(Viewer viewer, long replyId, RateCommand command) {
		ReplyFacts facts = this.replies.facts(replyId);
		if (!this.access.canRead(viewer, facts)) {
			throw new NotFoundException("reply", replyId);
		}
		if (!this.access.canEvaluate(viewer, facts)) {
			throw new AccessDeniedException("only the lead deputy rates a reply");
		}
		ReplyView reply = this.replies.readable(viewer, replyId);
		SessionView session = this.congress.session(reply.proposal().sessionId());
		if (session.evaluationClosed()) {
			throw new EvaluationClosedException(session.id());
		}
		Optional<Evaluation> existing = this.evaluations.findByReplyIdAndDeputyId(replyId, viewer.deputyId());
		boolean newlyUnsatisfied;
		if (existing.isPresent()) {
			newlyUnsatisfied = existing.get().rate(command.attitude(), command.result(), command.comment());
		}
		else {
			Evaluation evaluation = new Evaluation(replyId, viewer.deputyId(), command.attitude(), command.result(),
					command.comment());
			this.evaluations.save(evaluation);
			newlyUnsatisfied = evaluation.isUnsatisfied();
		}
		this.evaluations.flush();
		LocalDate deadline = null;
		if (command.result().isUnsatisfied()) {
			deadline = startRehandling(reply, viewer.deputyId());
		}
		if (newlyUnsatisfied || deadline != null) {
			this.events.publishEvent(new EvaluationUnsatisfied(reply.proposal().id(), replyId, reply.unit().id(),
					command.result().isUnsatisfied(), deadline));
		}
		return new RatingOutcome(existing.isPresent(), deadline);
	}

	/** The deadline when this rating started re-handling, null when it did not. */
	private LocalDate startRehandling(ReplyView reply, long deputyId) {
		ProposalView proposal = this.proposals.proposal(reply.proposal().id());
		if (proposal.lead() == null || proposal.status() == ProposalStatus.CLOSED
				|| proposal.status() == ProposalStatus.REHANDLING) {
			return null;
		}
		LocalDate deadline = LocalDate.now(this.clock).plusMonths(this.rehandlingMonths);
		int inserted = this.jdbc.update("""
				insert into rehandling (proposal_id, reply_id, deputy_id, deadline)
				values (:proposal, :reply, :deputy, :deadline)
				on conflict (proposal_id) do nothing""",
				Map.of("proposal", proposal.id(), "reply", reply.id(), "deputy", deputyId, "deadline", deadline));
		if (inserted == 0) {
			return null;
		}
		if (proposal.status() == ProposalStatus.ASSIGNED) {
			// replies recorded by import leave the proposal ASSIGNED
			this.proposals.markReplied(proposal.id());
		}
		this.proposals.reopenForRehandling(proposal.id(), deadline);
		return deadline;
	}

	/** The viewer's own rating of a reply, if any. */
	public Optional<EvaluationView> ratingOf(Viewer viewer, long replyId) {
		if (!viewer.isDeputy()) {
			return Optional.empty();
		}
		return this.evaluations.findByReplyIdAndDeputyId(replyId, viewer.deputyId()).map(Evaluation::view);
	}

	/** Ratings of the replies of a proposal that the viewer may read. */
	public List<EvaluationView> ratingsOfProposal(Viewer viewer, long proposalId) {
		List<Long> readable = this.replies.readableOfProposal(viewer, proposalId).stream().map(ReplyView::id).toList();
		if (readable.isEmpty()) {
			return List.of();
		}
		return this.evaluations.findByReplyIdIn(readable).stream().map(Evaluation::view).toList();
	}

	public Optional<RehandlingView> rehandlingOf(long proposalId) {
		return this.jdbc
			.query("select proposal_id, reply_id, deadline, created_at from rehandling where proposal_id = :p",
					Map.of("p", proposalId),
					(rs, row) -> new RehandlingView(rs.getLong("proposal_id"), rs.getLong("reply_id"),
							rs.getObject("deadline", LocalDate.class), toInstant(rs.getTimestamp("created_at"))))
			.stream()
			.findFirst();
	}

	/**
	 * For a proposal's record: its 重新办理 (if any) and the lead deputy's ratings of the
	 * given replies (those the viewer may read: the caller passes only those), in one
	 * statement.
	 */
	public ProposalEvaluations ofProposal(long proposalId, long leadDeputyId, java.util.Collection<Long> replyIds) {
		List<EvaluationView> ratings = new java.util.ArrayList<>();
		RehandlingView[] rehandling = { null };
		this.jdbc.query(
				"""
						select 'R' as what, h.reply_id, h.deadline, null as attitude, null as result, h.created_at as at
						from rehandling h where h.proposal_id = :p
						union all
						select 'E', e.reply_id, null, e.attitude, e.result, e.updated_at
						from evaluation e where e.deputy_id = :deputy and e.reply_id in (:replies)""", Map.of("p",
						proposalId, "deputy", leadDeputyId, "replies", replyIds.isEmpty() ? List.of(-1L) : replyIds),
				(java.sql.ResultSet rs) -> {
					if ("R".equals(rs.getString("what"))) {
						rehandling[0] = new RehandlingView(proposalId, rs.getLong("reply_id"),
								rs.getObject("deadline", LocalDate.class), toInstant(rs.getTimestamp("at")));
					}
					else {
						ratings.add(new EvaluationView(null, rs.getLong("reply_id"), leadDeputyId,
								Rating.valueOf(rs.getString("attitude")), Rating.valueOf(rs.getString("result")), null,
								null, toInstant(rs.getTimestamp("at")), 0));
					}
				});
		return new ProposalEvaluations(Optional.ofNullable(rehandling[0]), List.copyOf(ratings));
	}

	/**
	 * @param rehandling the proposal's 重新办理, if it was sent back
	 * @param ratings the lead deputy's ratings (no comment) of the replies asked for
	 */
	public record ProposalEvaluations(Optional<RehandlingView> rehandling, List<EvaluationView> ratings) {
	}

	private static java.time.Instant toInstant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
