package org.dafu.reply;

import org.springframework.transaction.annotation.Propagation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.dafu.access.AccessPolicy;
import org.dafu.access.ReplyFacts;
import org.dafu.access.Viewer;
import org.dafu.congress.CongressService;
import org.dafu.platform.web.NotFoundException;
import org.dafu.proposal.ProposalService;
import org.dafu.proposal.ProposalStatus;
import org.dafu.proposal.ProposalView;
import org.dafu.unit.UnitService;
import org.dafu.unit.UnitView;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading, drafting and issuing replies. Every read goes through the
 * {@link AccessPolicy}: a reply the viewer may not see is "not found".
 */
@Service
@Transactional(readOnly = true)
public class ReplyService {

	/** The longest reason of a disclosure change (the column's length). */
	public static final int MAX_DISCLOSURE_REASON = 500;

	/** The longest comment of a return (退回修改 意见). */
	public static final int MAX_REVIEW_COMMENT = ReplyReviewStep.MAX_COMMENT;

	private final ReplyRepository replies;

	private final ProposalService proposals;

	private final CongressService congress;

	private final UnitService units;

	private final AccessPolicy access;

	private final IndexNumberAllocator indexNumbers;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final JdbcClient jdbc;

	private final List<IssueGate> gates;

	ReplyService(ReplyRepository replies, ProposalService proposals, CongressService congress, UnitService units,
			AccessPolicy access, IndexNumberAllocator indexNumbers, ApplicationEventPublisher events, Clock clock,
			JdbcClient jdbc, List<IssueGate> gates) {
		this.jdbc = jdbc;
		this.gates = List.copyOf(gates);
		this.replies = replies;
		this.proposals = proposals;
		this.congress = congress;
		this.units = units;
		this.access = access;
		this.indexNumbers = indexNumbers;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The reply if the viewer may read it; otherwise 404, exactly as if it did not exist.
	 */
	public ReplyView readable(Viewer viewer, long id) {
		Reply reply = this.replies.findWithSectionsById(id).orElseThrow(() -> new NotFoundException("reply", id));
		ProposalView proposal = this.proposals.proposal(reply.getProposalId());
		if (!this.access.canRead(viewer, facts(reply, proposal))) {
			throw new NotFoundException("reply", id);
		}
		return view(reply, proposal);
	}

	public ReplyView readableByIndexNumber(Viewer viewer, String indexNumber) {
		Reply reply = this.replies.findByIndexNumber(indexNumber)
			.orElseThrow(() -> new NotFoundException("reply", indexNumber));
		return readable(viewer, reply.getId());
	}

	/** Replies to a proposal that the viewer may read, oldest first. */
	public List<ReplyView> readableOfProposal(Viewer viewer, long proposalId) {
		ProposalView proposal = this.proposals.proposal(proposalId);
		List<ReplyView> result = new ArrayList<>();
		for (Reply reply : this.replies.findByProposalIdOrderByIdAsc(proposalId)) {
			if (this.access.canRead(viewer, facts(reply, proposal))) {
				result.add(view(reply, proposal));
			}
		}
		return result;
	}

	/** What the access policy needs about a reply (for other features' own checks). */
	public ReplyFacts facts(long id) {
		Reply reply = this.replies.findById(id).orElseThrow(() -> new NotFoundException("reply", id));
		return facts(reply, this.proposals.proposal(reply.getProposalId()));
	}

	public Optional<Long> idOfIndexNumber(String indexNumber) {
		return this.replies.findByIndexNumber(indexNumber).map(Reply::getId);
	}

	/**
	 * A reply as its unit's officials see it in their workspace (draft or issued); for
	 * anyone else, including officials of other units, it does not exist.
	 */
	public ReplyView ofOwnUnit(Viewer viewer, long id) {
		Reply reply = this.replies.findWithSectionsById(id).orElseThrow(() -> new NotFoundException("reply", id));
		if (!this.access.canWriteFor(viewer, reply.getUnitId())) {
			throw new NotFoundException("reply", id);
		}
		return view(reply, this.proposals.proposal(reply.getProposalId()));
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
		if (!this.access.canEditDraft(viewer, facts(id))) {
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
	 * if someone saved in between, the save is refused and the other save stays.
	 */
	@Transactional
	public int editDraft(Viewer viewer, long id, int expectedVersion, LetterContent content) {
		Reply reply = lockForChange(id);
		ReplyFacts facts = facts(reply, this.proposals.proposal(reply.getProposalId()));
		if (!this.access.canRead(viewer, facts)) {
			throw new NotFoundException("reply", id);
		}
		if (!this.access.canEditDraft(viewer, facts)) {
			throw new AccessDeniedException("not a draft of the viewer's unit");
		}
		checkVersion(reply, expectedVersion);
		reply.edit(content);
		// the versioned update runs here, so a concurrent save fails as a locking failure
		this.replies.flush();
		this.events.publishEvent(new ReplyChanged(id, ReplyChanged.Change.EDITED));
		return reply.getVersion();
	}

	/**
	 * 提交审核: the unit's draft waits for a 签发人 (起草 → 待审核), by an official of its unit
	 * (drafter or signer). {@code expectedVersion} is the version the official saw.
	 */
	@Transactional
	public void submit(Viewer viewer, long id, int expectedVersion) {
		Reply reply = lockForChange(id);
		ReplyFacts facts = readableFacts(viewer, reply);
		if (!this.access.canSubmit(viewer, facts)) {
			throw new AccessDeniedException("not a draft of the viewer's unit");
		}
		checkVersion(reply, expectedVersion);
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
		Reply reply = lockForChange(id);
		ReplyFacts facts = readableFacts(viewer, reply);
		if (!this.access.canSubmit(viewer, facts)) {
			throw new AccessDeniedException("not a draft of the viewer's unit");
		}
		checkVersion(reply, expectedVersion);
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
		Reply reply = lockForChange(id);
		ProposalView proposal = this.proposals.proposal(reply.getProposalId());
		ReplyFacts facts = facts(reply, proposal);
		if (!this.access.canRead(viewer, facts)) {
			throw new NotFoundException("reply", id);
		}
		if (!this.access.canSign(viewer, facts, leadUnitId(proposal))) {
			throw new NotSignerException(id, "return");
		}
		ReplyRules.requireReturnComment(comment);
		checkVersion(reply, expectedVersion);
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
		Reply reply = lockForChange(id);
		ProposalView proposal = this.proposals.proposal(reply.getProposalId());
		ReplyFacts facts = facts(reply, proposal);
		if (!this.access.canRead(viewer, facts)) {
			throw new NotFoundException("reply", id);
		}
		if (reply.isIssued() && this.access.canWriteFor(viewer, reply.getUnitId())) {
			// issued in the meantime (a double 签发): a conflict, not a refusal
			throw new ObjectOptimisticLockingFailureException(Reply.class, reply.getId());
		}
		if (!this.access.canSign(viewer, facts, leadUnitId(proposal))) {
			throw new NotSignerException(id, "issue");
		}
		ReplyRules.requireComplete(reply.content());
		checkVersion(reply, expectedVersion);
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
		return view(reply, this.proposals.proposal(proposal.id()));
	}

	/**
	 * Whether the viewer may issue or return this reply: a 签发人 of the proposal's lead
	 * unit, on a reply of that unit not yet issued.
	 */
	public boolean canSign(Viewer viewer, long id) {
		Reply reply = this.replies.findById(id).orElseThrow(() -> new NotFoundException("reply", id));
		ProposalView proposal = this.proposals.proposal(reply.getProposalId());
		return this.access.canSign(viewer, facts(reply, proposal), leadUnitId(proposal));
	}

	/**
	 * Locks the reply's row until the caller's transaction ends, so that what another
	 * feature adds to a reply (the versions of its original) is numbered one after
	 * another.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void lock(long id) {
		this.jdbc.sql("select id from reply where id = :id for no key update").param("id", id).query().listOfRows();
	}

	/**
	 * Whether the viewer may withdraw this reply from public view on the disclosure page
	 * ({@link AccessPolicy#canWithdraw}): the pages link to it by this rule.
	 */
	public boolean canWithdraw(Viewer viewer, long id) {
		return this.access.canWithdraw(viewer, facts(id));
	}

	/** The 签发人 name this account signed with last, if it has signed. */
	public Optional<String> lastSignerName(Viewer viewer) {
		if (viewer.username() == null) {
			return Optional.empty();
		}
		return this.jdbc
			.sql("select signer_name from reply where signed_by = :who and signer_name is not null"
					+ " order by issued_at desc, id desc limit 1")
			.param("who", viewer.username())
			.query(String.class)
			.optional();
	}

	private ReplyFacts readableFacts(Viewer viewer, Reply reply) {
		ReplyFacts facts = facts(reply, this.proposals.proposal(reply.getProposalId()));
		if (!this.access.canRead(viewer, facts)) {
			throw new NotFoundException("reply", reply.getId());
		}
		return facts;
	}

	private static Long leadUnitId(ProposalView proposal) {
		return (proposal.lead() != null) ? proposal.lead().unitId() : null;
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

	/**
	 * A recorded correction of an issued reply: by its unit's officials or a coordinator,
	 * with a stated reason. The 索引号 and issue time stay; the history keeps the original
	 * text (it listens to {@link ReplyChanged}).
	 */
	@Transactional
	public void correct(Viewer viewer, long id, int expectedVersion, LetterContent content, String reason) {
		Reply reply = lockForChange(id);
		ReplyFacts facts = facts(reply, this.proposals.proposal(reply.getProposalId()));
		if (!this.access.canRead(viewer, facts)) {
			throw new NotFoundException("reply", id);
		}
		if (!this.access.canCorrect(viewer, facts)) {
			throw new AccessDeniedException("not allowed to correct this reply");
		}
		ReplyRules.requireCorrectionNote(reason);
		checkVersion(reply, expectedVersion);
		reply.correct(content, reason, viewer.username(), this.clock.instant());
		this.replies.flush();
		this.events.publishEvent(new ReplyChanged(id, ReplyChanged.Change.CORRECTED, reason.strip()));
	}

	/**
	 * Changes who may read a reply (公开方式), issued or not: by its unit's officials or a
	 * coordinator. Withdrawing 主动公开 hides it from the public at once; the change is
	 * audited.
	 */
	@Transactional
	public void changeDisclosure(Viewer viewer, long id, int expectedVersion, DisclosureMode mode, String reason) {
		Reply reply = this.replies.findById(id).orElseThrow(() -> new NotFoundException("reply", id));
		ReplyFacts facts = facts(reply, this.proposals.proposal(reply.getProposalId()));
		if (!this.access.canRead(viewer, facts)) {
			throw new NotFoundException("reply", id);
		}
		if (!this.access.canChangeDisclosure(viewer, facts)) {
			throw new AccessDeniedException("not allowed to change this reply's disclosure");
		}
		checkVersion(reply, expectedVersion);
		reply.changeDisclosure(mode, reason);
		this.replies.flush();
		this.events.publishEvent(
				new ReplyChanged(id, ReplyChanged.Change.DISCLOSURE_CHANGED, (reason != null) ? reason.strip() : null));
	}

	/**
	 * Withdraws an issued reply from public view: its disclosure becomes {@code mode}
	 * (依申请公开 or 不予公开) with the stated reason, by its unit's officials or a coordinator.
	 * It leaves every public page, list, search, feed, export and cache when this commits
	 * (a public change is logged); history and audit log record it.
	 */
	@Transactional
	public void withdraw(Viewer viewer, long id, int expectedVersion, DisclosureMode mode, String reason) {
		if (mode == null || mode == DisclosureMode.PROACTIVE) {
			throw new IllegalArgumentException("a withdrawal chooses 依申请公开 or 不予公开");
		}
		Reply reply = lockedForDisclosure(viewer, id, reason);
		if (!this.access.canWithdraw(viewer, facts(reply, this.proposals.proposal(reply.getProposalId())))) {
			throw new AccessDeniedException("not allowed to withdraw this reply");
		}
		changeLockedDisclosure(reply, expectedVersion, mode, reason);
	}

	/**
	 * Makes a withdrawn, issued reply public again (主动公开), by a coordinator, with a
	 * stated reason (kept in the history and audit log).
	 */
	@Transactional
	public void redisclose(Viewer viewer, long id, int expectedVersion, String reason) {
		Reply reply = lockedForDisclosure(viewer, id, reason);
		if (!this.access.canRedisclose(viewer, facts(reply, this.proposals.proposal(reply.getProposalId())))) {
			throw new AccessDeniedException("only coordinators make a reply public again");
		}
		changeLockedDisclosure(reply, expectedVersion, DisclosureMode.PROACTIVE, reason);
	}

	private Reply lockedForDisclosure(Viewer viewer, long id, String reason) {
		if (reason == null || reason.isBlank() || reason.strip().length() > MAX_DISCLOSURE_REASON) {
			throw new IllegalArgumentException(
					"a disclosure change states its reason (at most " + MAX_DISCLOSURE_REASON + " characters)");
		}
		Reply reply = lockForChange(id);
		if (!this.access.canRead(viewer, facts(reply, this.proposals.proposal(reply.getProposalId())))) {
			throw new NotFoundException("reply", id);
		}
		return reply;
	}

	private void changeLockedDisclosure(Reply reply, int expectedVersion, DisclosureMode mode, String reason) {
		checkVersion(reply, expectedVersion);
		reply.changeDisclosure(mode, reason);
		this.replies.flush();
		this.events
			.publishEvent(new ReplyChanged(reply.getId(), ReplyChanged.Change.DISCLOSURE_CHANGED, reason.strip()));
	}

	/** The reply with its sections, its row locked for this transaction. */
	private Reply lockForChange(long id) {
		this.replies.lockById(id).orElseThrow(() -> new NotFoundException("reply", id));
		return this.replies.findWithSectionsById(id).orElseThrow(() -> new NotFoundException("reply", id));
	}

	private static void checkVersion(Reply reply, int expectedVersion) {
		if (reply.getVersion() != expectedVersion) {
			throw new ObjectOptimisticLockingFailureException(Reply.class, reply.getId());
		}
	}

	ReplyFacts facts(Reply reply, ProposalView proposal) {
		return new ReplyFacts(reply.isIssued(), reply.isPublic(), reply.getUnitId(), proposal.leadDeputyId(),
				proposal.cosignerIds());
	}

	private ReplyView view(Reply reply, ProposalView proposal) {
		String sessionName = this.congress.session(proposal.sessionId()).name();
		String deputyName = this.congress.deputy(proposal.leadDeputyId()).name();
		UnitView unit = this.units.unit(reply.getUnitId());
		List<ReplyView.SectionView> sections = reply.getSections()
			.stream()
			.map((s) -> new ReplyView.SectionView(s.getId(), s.getOrdinal(), s.getKind(), s.getHeading(), s.getBody(),
					s.getFigures()
						.stream()
						.map((f) -> new ReplyView.FigureView(f.getId(), f.getOrdinal(), s.getOrdinal(), f.content()))
						.toList()))
			.toList();
		return new ReplyView(reply.getId(), reply.getStatus(), reply.getKind(), reply.getIndexNumber(),
				reply.getWrittenOn(), reply.getSignedOn(), reply.getDisclosureMode(), reply.getDisclosureReason(),
				reply.getCatalogCategory(), reply.getAddressee(), reply.getOpening(), reply.getClosing(),
				reply.getIssuer(), reply.getResultClass(), reply.getIssuedAt(), reply.getVersion(),
				reply.getUpdatedAt(),
				new ReplyView.ProposalRef(proposal.id(), proposal.number(), proposal.title(), proposal.sessionId(),
						sessionName, proposal.leadDeputyId(), deputyName),
				new ReplyView.UnitRef(unit.id(), unit.name()), sections,
				reply.getCorrections().stream().map(ReplyCorrection::view).toList(), reply.getSignerName(),
				reply.getReviewSteps().stream().map(ReplyReviewStep::view).toList(), null);
	}

}
