package org.dafu.evaluation;

import org.dafu.reply.ReplyVisibility;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dafu.access.AccessPolicy;
import org.dafu.access.ReplyFacts;
import org.dafu.access.SqlFilter;
import org.dafu.access.Viewer;
import org.dafu.platform.web.NotFoundException;
import org.dafu.proposal.ProposalReads;
import org.dafu.proposal.ProposalReads.LeadCriteria;
import org.dafu.proposal.ProposalService;
import org.dafu.proposal.ProposalStatus;
import org.dafu.proposal.ProposalView;
import org.dafu.reply.AlreadySubmittedException;
import org.dafu.reply.LetterContent;
import org.dafu.reply.ReplyDrafting;
import org.dafu.reply.ReplyKind;
import org.dafu.reply.ReplyReview;
import org.dafu.reply.ReplyService;
import org.dafu.reply.ReplyView;
import org.dafu.reply.ResultClass;
import org.dafu.reply.SectionContent;
import org.dafu.reply.SectionKind;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.dafu.proposal.ProposalProjections.PROPOSALS;
import static org.dafu.reply.ReplyProjections.REPLIES;

/**
 * The unit's side of evaluation: the second reply after re-handling (重新办理) and follow-up
 * replies (跟踪办理) to B and C replies, which stay open. Both are written and issued by the
 * lead unit's officials; issuing tells the deputies (through the reply's ISSUED event).
 */
@Service
@Transactional(readOnly = true)
public class FollowUpService {

	private final ReplyService replies;

	private final ReplyReview review;

	private final ReplyDrafting drafting;

	private final ProposalService proposals;

	private final ProposalReads proposalReads;

	private final AccessPolicy access;

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	FollowUpService(ReplyService replies, ReplyReview review, ReplyDrafting drafting, ProposalService proposals,
			ProposalReads proposalReads, AccessPolicy access, NamedParameterJdbcTemplate jdbc, Clock clock) {
		this.replies = replies;
		this.review = review;
		this.drafting = drafting;
		this.proposals = proposals;
		this.proposalReads = proposalReads;
		this.access = access;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Issued B/C replies of the official's unit (read through the access policy). */
	public List<OpenReply> openReplies(Viewer viewer) {
		requireOfficial(viewer);
		SqlFilter filter = ReplyVisibility.filter(viewer, "r");
		Map<String, Object> params = new HashMap<>(filter.params());
		params.put("unit", viewer.unitId());
		return this.jdbc.query(
				"""
						select r.id, r.index_number, r.result_class, p.id as proposal_id, p.number, p.title,
						       (select count(*) from %1$s f where f.proposal_id = p.id and f.kind = 'FOLLOW_UP'
						          and f.status = 'ISSUED') as follow_ups
						from %1$s r join %2$s p on p.id = r.proposal_id
						where r.unit_id = :unit and r.status = 'ISSUED' and r.result_class in ('B', 'C')
						  and p.status = 'REPLIED'
						  and r.kind <> 'FOLLOW_UP' and\s"""
					.formatted(REPLIES, PROPOSALS) + filter.sql() + " order by r.issued_at desc, r.id desc limit 200",
				params,
				(rs, row) -> new OpenReply(rs.getLong("id"), rs.getString("index_number"),
						ResultClass.valueOf(rs.getString("result_class")), rs.getLong("proposal_id"),
						rs.getInt("number"), rs.getString("title"), rs.getInt("follow_ups")));
	}

	/** Proposals sent back to the official's unit for re-handling. */
	public List<RehandlingDue> rehandlingDue(Viewer viewer) {
		requireOfficial(viewer);
		return this.proposalReads.ledBy(new LeadCriteria(viewer.unitId(), ProposalStatus.REHANDLING, 200))
			.stream()
			.map((p) -> new RehandlingDue(p.proposalId(), p.number(), p.title(), p.deadline()))
			.toList();
	}

	/** The reply a follow-up would continue, if the official may follow it up. */
	public ReplyView followable(Viewer viewer, long replyId) {
		ReplyFacts facts = this.replies.facts(replyId);
		if (!this.access.canRead(viewer, facts)) {
			throw new NotFoundException("reply", replyId);
		}
		if (!this.access.canWriteFor(viewer, facts.unitId())) {
			throw new AccessDeniedException("not a reply of the viewer's unit");
		}
		ReplyView original = this.replies.readable(viewer, replyId);
		if (!original.isIssued() || original.resultClass() == null || !original.resultClass().staysOpen()) {
			throw new NotFoundException("open reply", replyId);
		}
		// while re-handling, the next reply is the re-handling reply; a closed proposal
		// takes no more replies
		if (this.proposals.proposal(original.proposal().id()).status() != ProposalStatus.REPLIED) {
			throw new NotFoundException("open reply", replyId);
		}
		return original;
	}

	/**
	 * Writes and issues a follow-up (FOLLOW_UP) to an open B/C reply, once per form: the
	 * same {@code formToken} sent again throws
	 * {@link org.dafu.reply.AlreadySubmittedException} and issues nothing.
	 */
	@Transactional
	public ReplyView addFollowUp(Viewer viewer, long replyId, LetterText text, UUID formToken) {
		refuseSecondSubmission(viewer, formToken);
		ReplyView original = followable(viewer, replyId);
		return writeAndIssue(viewer, original.proposal().id(), ReplyKind.FOLLOW_UP, original, text, formToken);
	}

	/** The proposal the official's unit must re-handle, with its latest issued reply. */
	public ReplyView rehandlingBase(Viewer viewer, long proposalId) {
		requireOfficial(viewer);
		ProposalView proposal = this.proposals.proposal(proposalId);
		if (proposal.status() != ProposalStatus.REHANDLING || proposal.lead() == null
				|| !this.access.canWriteFor(viewer, proposal.lead().unitId())) {
			throw new NotFoundException("proposal to re-handle", proposalId);
		}
		List<ReplyView> issued = this.replies.readableOfProposal(viewer, proposalId)
			.stream()
			.filter(ReplyView::isIssued)
			.toList();
		if (issued.isEmpty()) {
			throw new NotFoundException("proposal to re-handle", proposalId);
		}
		return issued.get(issued.size() - 1);
	}

	/**
	 * Writes and issues the second reply (REHANDLING); the first stays visible. Once per
	 * form, as {@link #addFollowUp}.
	 */
	@Transactional
	public ReplyView writeRehandlingReply(Viewer viewer, long proposalId, LetterText text, UUID formToken) {
		refuseSecondSubmission(viewer, formToken);
		ReplyView base = rehandlingBase(viewer, proposalId);
		return writeAndIssue(viewer, proposalId, ReplyKind.REHANDLING, base, text, formToken);
	}

	private ReplyView writeAndIssue(Viewer viewer, long proposalId, ReplyKind kind, ReplyView base, LetterText text,
			UUID formToken) {
		LocalDate today = LocalDate.now(this.clock);
		LetterContent content = new LetterContent(today, today, base.disclosureMode(), base.disclosureReason(),
				base.catalogCategory(), base.addressee(), text.opening(), base.closing(), base.issuer(),
				text.resultClass(),
				List.of(new SectionContent(SectionKind.RESPONSE, text.heading(), text.body(), List.of())));
		long id = this.drafting.createDraft(viewer, proposalId, kind, content, formToken);
		int version = this.replies.readable(viewer, id).version();
		return this.review.issue(viewer, id, version);
	}

	/**
	 * A form already sent is a conflict before anything else (its reply may have changed
	 * what the form is about: a re-handled proposal is no longer to re-handle).
	 */
	private void refuseSecondSubmission(Viewer viewer, UUID formToken) {
		this.drafting.writtenByForm(viewer, formToken).ifPresent((id) -> {
			throw new AlreadySubmittedException(id);
		});
	}

	private static void requireOfficial(Viewer viewer) {
		if (!viewer.isOfficial()) {
			throw new AccessDeniedException("unit officials only");
		}
	}

	/** What the official writes: an opening, one section and the new result class. */
	public record LetterText(String opening, String heading, String body, ResultClass resultClass) {
	}

	public record OpenReply(long replyId, String indexNumber, ResultClass resultClass, long proposalId,
			int proposalNumber, String proposalTitle, int followUps) {
	}

	public record RehandlingDue(long proposalId, int number, String title, LocalDate deadline) {
	}

}
