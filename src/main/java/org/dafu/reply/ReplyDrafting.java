package org.dafu.reply;

import java.util.Optional;
import java.util.UUID;

import org.dafu.access.AccessPolicy;
import org.dafu.access.ReplyFacts;
import org.dafu.access.Viewer;
import org.dafu.platform.web.NotFoundException;
import org.dafu.proposal.ProposalService;
import org.dafu.proposal.ProposalStatus;
import org.dafu.proposal.ProposalView;
import org.dafu.unit.UnitService;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drafting replies: the unit's draft of a proposal (started from the inbox, written by a
 * form once, imported), its 索引号 kept from an imported letter, and its edits.
 */
@Service
@Transactional(readOnly = true)
public class ReplyDrafting {

	private final ReplyRepository replies;

	private final ProposalService proposals;

	private final UnitService units;

	private final AccessPolicy access;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final ReplyLoader loader;

	private final ReplySearchIndex index;

	ReplyDrafting(ReplyRepository replies, ProposalService proposals, UnitService units, AccessPolicy access,
			ApplicationEventPublisher events, JdbcClient jdbc, ReplyLoader loader, ReplySearchIndex index) {
		this.index = index;
		this.replies = replies;
		this.proposals = proposals;
		this.units = units;
		this.access = access;
		this.events = events;
		this.jdbc = jdbc;
		this.loader = loader;
	}

	/**
	 * The reply a form with this one-time token wrote, if it is one of the viewer's unit.
	 */
	public Optional<Long> writtenByForm(Viewer viewer, UUID formToken) {
		return this.replies.findByFormToken(formToken)
			.filter((r) -> this.access.canWriteFor(viewer, r.getUnitId()))
			.map(Reply::getId);
	}

	/** The unit's latest draft reply to a proposal, if it has one. */
	public Optional<Long> draftOfOwnUnit(Viewer viewer, long proposalId) {
		if (!viewer.isOfficial()) {
			return Optional.empty();
		}
		return this.replies.findByProposalIdOrderByIdAsc(proposalId)
			.stream()
			.filter((r) -> !r.isIssued() && viewer.unitId().equals(r.getUnitId()))
			.map(Reply::getId)
			.reduce((first, second) -> second);
	}

	/**
	 * What starting a draft from the unit's inbox did: opened the unit's existing draft,
	 * found the proposal closed to new drafts (only 已交办 and 重新办理 are open), or created a
	 * draft (replyId null only when not open).
	 */
	public record DraftStart(Outcome outcome, Long replyId) {

		public enum Outcome {

			EXISTING, NOT_OPEN, CREATED

		}

	}

	/**
	 * Starts the unit's reply to a proposal from its inbox: the unit's existing draft
	 * when it has one; else, while the proposal is 已交办 or 重新办理, a new draft (a
	 * re-handling reply for 重新办理) signed by the unit's name, as {@link #createDraft}
	 * writes it. For a unit the proposal is not assigned to, the proposal does not exist.
	 */
	@Transactional
	public DraftStart startDraft(Viewer viewer, long proposalId) {
		ProposalView proposal = this.proposals.proposal(proposalId);
		if (!viewer.isOfficial()
				|| proposal.assignments().stream().noneMatch((a) -> viewer.unitId().equals(a.unitId()))) {
			throw new NotFoundException("proposal", proposalId);
		}
		Optional<Long> existing = draftOfOwnUnit(viewer, proposalId);
		if (existing.isPresent()) {
			return new DraftStart(DraftStart.Outcome.EXISTING, existing.get());
		}
		if (proposal.status() != ProposalStatus.ASSIGNED && proposal.status() != ProposalStatus.REHANDLING) {
			return new DraftStart(DraftStart.Outcome.NOT_OPEN, null);
		}
		ReplyKind kind = (proposal.status() == ProposalStatus.REHANDLING) ? ReplyKind.REHANDLING : ReplyKind.ORIGINAL;
		String issuer = this.units.unit(viewer.unitId()).name();
		long id = createDraft(viewer, proposalId, kind,
				new LetterContent(null, null, null, null, null, null, null, null, issuer, null, null));
		return new DraftStart(DraftStart.Outcome.CREATED, id);
	}

	/**
	 * A new draft, written by an official of the proposal's lead unit (主办单位): co-units
	 * send their input to the lead unit, which writes the one reply. For a unit the
	 * proposal is not assigned to, the proposal does not exist.
	 */
	@Transactional
	public long createDraft(Viewer viewer, long proposalId, ReplyKind kind, LetterContent content) {
		return createDraft(viewer, proposalId, kind, content, null);
	}

	/**
	 * As {@link #createDraft(Viewer, long, ReplyKind, LetterContent)}, written by a form
	 * that carries a one-time token: if a reply of that token exists (the form was sent
	 * before, or is being sent at the same time), nothing is written and
	 * {@link AlreadySubmittedException} names that reply. Senders of one token run one
	 * after the other (a transaction-scoped advisory lock), and the database keeps the
	 * token unique as well.
	 */
	@Transactional
	public long createDraft(Viewer viewer, long proposalId, ReplyKind kind, LetterContent content, UUID formToken) {
		if (formToken != null) {
			this.jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtext('reply-form'), hashtext(:token))) l")
				.param("token", formToken.toString())
				.query()
				.listOfRows();
			Optional<Reply> earlier = this.replies.findByFormToken(formToken);
			if (earlier.isPresent()) {
				throw new AlreadySubmittedException(earlier.get().getId());
			}
		}
		if (!viewer.isOfficial()) {
			throw new AccessDeniedException("only unit officials write replies");
		}
		ProposalView proposal = this.proposals.proposal(proposalId);
		if (proposal.assignments().stream().noneMatch((a) -> viewer.unitId().equals(a.unitId()))) {
			throw new NotFoundException("proposal", proposalId);
		}
		if (proposal.lead() == null || !viewer.unitId().equals(proposal.lead().unitId())) {
			throw new AccessDeniedException("only the lead unit writes the reply");
		}
		Reply draft = new Reply(proposal.id(), viewer.unitId(), kind, content);
		if (formToken != null) {
			draft.writtenByForm(formToken);
		}
		Reply reply = this.replies.save(draft);
		this.events.publishEvent(new ReplyChanged(reply.getId(), ReplyChanged.Change.DRAFTED));
		return reply.getId();
	}

	/**
	 * An imported letter's own 索引号, kept on its draft so that issuing keeps it, when it
	 * is one of the unit's numbers ({@code <its organisation code>/…}).
	 * @return whether it was kept
	 */
	@Transactional
	public boolean keepLetterIndexNumber(Viewer viewer, long id, String indexNumber) {
		Reply reply = this.replies.findById(id).orElseThrow(() -> new NotFoundException("reply", id));
		if (!this.access.canEditDraft(viewer, this.loader.facts(id))) {
			throw new AccessDeniedException("not a draft of the viewer's unit");
		}
		String orgCode = this.units.unit(reply.getUnitId()).orgCode();
		if (indexNumber == null || !indexNumber.startsWith(orgCode + "/")) {
			return false;
		}
		reply.keepLetterIndexNumber(indexNumber, orgCode);
		return true;
	}

	/**
	 * Saves a draft's new text. {@code expectedVersion} is the version the editor loaded;
	 * if someone saved in between, the save is refused and the other save stays. The
	 * draft is searchable by the unit when this returns; the index commits it to disk a
	 * little later ({@link ReplySearchIndex#forDraftEdit}).
	 */
	@Transactional
	public int editDraft(Viewer viewer, long id, int expectedVersion, LetterContent content) {
		Reply reply = this.loader.lockForChange(id);
		ReplyFacts facts = this.loader.facts(reply, this.proposals.proposal(reply.getProposalId()));
		if (!this.access.canRead(viewer, facts)) {
			throw new NotFoundException("reply", id);
		}
		if (!this.access.canEditDraft(viewer, facts)) {
			throw new AccessDeniedException("not a draft of the viewer's unit");
		}
		ReplyLoader.checkVersion(reply, expectedVersion);
		this.index.forDraftEdit();
		reply.edit(content);
		// the versioned update runs here, so a concurrent save fails as a locking failure
		this.replies.flush();
		this.events.publishEvent(new ReplyChanged(id, ReplyChanged.Change.EDITED));
		return reply.getVersion();
	}

}
