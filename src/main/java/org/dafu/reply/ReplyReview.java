package org.dafu.reply;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.dafu.access.AccessPolicy;
import org.dafu.access.ReplyFacts;
import org.dafu.access.Viewer;
import org.dafu.platform.web.NotFoundException;
import org.dafu.proposal.ProposalService;
import org.dafu.proposal.ProposalView;
import org.dafu.unit.UnitService;
import org.dafu.unit.UnitView;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review workflow of a reply: 提交审核, 撤回, 退回修改 and 签发 (with its {@link IssueGate}s and
 * the 索引号), and letters recorded as issued outside the portal.
 */
@Service
@Transactional(readOnly = true)
public class ReplyReview {

	/** The longest comment of a return (退回修改 意见). */
	public static final int MAX_REVIEW_COMMENT = ReplyReviewStep.MAX_COMMENT;

	private final ReplyRepository replies;

	private final ProposalService proposals;

	private final UnitService units;

	private final AccessPolicy access;

	private final IndexNumberAllocator indexNumbers;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final List<IssueGate> gates;

	private final ReplyLoader loader;

	ReplyReview(ReplyRepository replies, ProposalService proposals, UnitService units, AccessPolicy access,
			IndexNumberAllocator indexNumbers, ApplicationEventPublisher events, Clock clock, List<IssueGate> gates,
			ReplyLoader loader) {
		this.gates = List.copyOf(gates);
		this.replies = replies;
		this.proposals = proposals;
		this.units = units;
		this.access = access;
		this.indexNumbers = indexNumbers;
		this.events = events;
		this.clock = clock;
		this.loader = loader;
	}

	/**
	 * 提交审核: the unit's draft waits for a 签发人 (起草 → 待审核), by an official of its unit
	 * (drafter or signer). {@code expectedVersion} is the version the official saw.
	 */
	@Transactional
	public void submit(Viewer viewer, long id, int expectedVersion) {
		Reply reply = this.loader.lockForChange(id);
		ReplyFacts facts = this.loader.readableFacts(viewer, reply);
		if (!this.access.canSubmit(viewer, facts)) {
			throw new AccessDeniedException("not a draft of the viewer's unit");
		}
		ReplyLoader.checkVersion(reply, expectedVersion);
		reply.submit(viewer.username(), this.clock.instant());
		this.replies.flush();
		this.events.publishEvent(new ReplyChanged(id, ReplyChanged.Change.SUBMITTED));
	}

	/**
	 * 撤回: the unit takes its submitted draft back to change it (待审核 → 起草), by an official
	 * of its unit.
	 */
	@Transactional
	public void recall(Viewer viewer, long id, int expectedVersion) {
		Reply reply = this.loader.lockForChange(id);
		ReplyFacts facts = this.loader.readableFacts(viewer, reply);
		if (!this.access.canSubmit(viewer, facts)) {
			throw new AccessDeniedException("not a draft of the viewer's unit");
		}
		ReplyLoader.checkVersion(reply, expectedVersion);
		reply.recall(viewer.username(), this.clock.instant());
		this.replies.flush();
		this.events.publishEvent(new ReplyChanged(id, ReplyChanged.Change.RECALLED));
	}

	/**
	 * 退回修改: a 签发人 of the lead unit sends the submitted draft back with a comment (待审核 →
	 * 起草).
	 */
	@Transactional
	public void returnForChanges(Viewer viewer, long id, int expectedVersion, String comment) {
		Reply reply = this.loader.lockForChange(id);
		ProposalView proposal = this.proposals.proposal(reply.getProposalId());
		ReplyFacts facts = this.loader.facts(reply, proposal);
		if (!this.access.canRead(viewer, facts)) {
			throw new NotFoundException("reply", id);
		}
		if (!this.access.canSign(viewer, facts, ReplyLoader.leadUnitId(proposal))) {
			throw new NotSignerException(id, "return");
		}
		ReplyRules.requireReturnComment(comment);
		ReplyLoader.checkVersion(reply, expectedVersion);
		reply.returnForChanges(viewer.username(), comment.strip(), this.clock.instant());
		this.replies.flush();
		this.events.publishEvent(new ReplyChanged(id, ReplyChanged.Change.RETURNED, comment.strip()));
	}

	/**
	 * Why this reply cannot be issued now, in the locale, as the first {@link IssueGate}
	 * says (co-handling opinions outstanding, …); empty when none objects.
	 */
	public Optional<String> issueRefusal(long proposalId, Locale locale) {
		for (IssueGate gate : this.gates) {
			Optional<String> refusal = gate.refusal(proposalId, locale);
			if (refusal.isPresent()) {
				return refusal;
			}
		}
		return Optional.empty();
	}

	/**
	 * As {@link #issue(Viewer, long, int, String, Locale)}, the 签发人 named by the viewer's
	 * account name, in the request's locale.
	 */
	@Transactional
	public ReplyView issue(Viewer viewer, long id, int expectedVersion) {
		return issue(viewer, id, expectedVersion, viewer.username(), LocaleContextHolder.getLocale());
	}

	/**
	 * 签发: the one place where issuing is decided. Only a 签发人 of the proposal's lead unit
	 * issues ({@link AccessPolicy#canSign}); only the version the signer saw
	 * ({@code expectedVersion}); only when every {@link IssueGate} agrees. A draft the
	 * signer issues without a separate submission is recorded as submitted by them first.
	 * The unit's next 索引号 for the signing year is allocated (or the imported letter's
	 * kept), the text is fixed with its 签发人, and the proposal moves to REPLIED. Any
	 * refusal changes nothing. The checks run in this order: issued already (a conflict),
	 * not a signer, incomplete, stale version (a conflict), the 签发人 name, the gates.
	 * @throws NotSignerException when the viewer may not sign it
	 * @throws IncompleteReplyException when it lacks a result class or a section
	 * @throws org.dafu.platform.RefusedException when the 签发人 name is empty or too long
	 * (field {@code signerName})
	 * @throws IssueRefusedException when a gate refuses, with its message
	 */
	@Transactional
	public ReplyView issue(Viewer viewer, long id, int expectedVersion, String signerName, Locale locale) {
		Reply reply = this.loader.lockForChange(id);
		ProposalView proposal = this.proposals.proposal(reply.getProposalId());
		ReplyFacts facts = this.loader.facts(reply, proposal);
		if (!this.access.canRead(viewer, facts)) {
			throw new NotFoundException("reply", id);
		}
		if (reply.isIssued() && this.access.canWriteFor(viewer, reply.getUnitId())) {
			// issued in the meantime (a double 签发): a conflict, not a refusal
			throw new ObjectOptimisticLockingFailureException(Reply.class, reply.getId());
		}
		if (!this.access.canSign(viewer, facts, ReplyLoader.leadUnitId(proposal))) {
			throw new NotSignerException(id, "issue");
		}
		ReplyRules.requireComplete(reply.content());
		ReplyLoader.checkVersion(reply, expectedVersion);
		ReplyRules.requireSignerName(signerName);
		Optional<String> refusal = issueRefusal(proposal.id(), locale);
		if (refusal.isPresent()) {
			throw new IssueRefusedException(refusal.get());
		}
		UnitView unit = this.units.unit(reply.getUnitId());
		Instant now = this.clock.instant();
		int year = (reply.getSignedOn() != null) ? reply.getSignedOn().getYear() : LocalDate.now(this.clock).getYear();
		String number = reply.numberToIssue(() -> this.indexNumbers.next(unit.orgCode(), year));
		if (reply.getLetterIndexNumber() != null && this.replies.existsByIndexNumber(number)) {
			throw new DuplicateIndexNumberException(number);
		}
		if (!reply.isSubmitted()) {
			reply.submit(viewer.username(), now);
		}
		reply.issue(number, now, signerName, viewer.username());
		this.proposals.markReplied(proposal.id());
		this.replies.flush();
		this.events.publishEvent(new ReplyChanged(id, ReplyChanged.Change.ISSUED));
		return this.loader.view(reply, this.proposals.proposal(proposal.id()));
	}

	/**
	 * Records a letter that was already issued outside the portal (imports of past years,
	 * demo data): it keeps its own 索引号 and issue time. Callers are trusted staff paths.
	 */
	@Transactional
	public long recordIssued(long proposalId, long unitId, ReplyKind kind, LetterContent content, String indexNumber,
			Instant issuedAt) {
		if (this.replies.existsByIndexNumber(indexNumber)) {
			throw new DuplicateIndexNumberException(indexNumber);
		}
		Reply reply = new Reply(proposalId, unitId, kind, content);
		reply.recordIssued(indexNumber, issuedAt);
		reply = this.replies.save(reply);
		this.events.publishEvent(new ReplyChanged(reply.getId(), ReplyChanged.Change.ISSUED));
		return reply.getId();
	}

}
