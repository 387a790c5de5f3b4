package org.dafu.reply;

import java.time.Clock;

import org.dafu.access.AccessPolicy;
import org.dafu.access.ReplyFacts;
import org.dafu.access.Viewer;
import org.dafu.platform.web.NotFoundException;
import org.dafu.proposal.ProposalService;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to a reply's text and reach after the fact: recorded corrections of an issued
 * reply, and its disclosure (公开方式): changed, withdrawn from public view, made public
 * again.
 */
@Service
@Transactional(readOnly = true)
public class ReplyCorrections {

	/** The longest reason of a disclosure change (the column's length). */
	public static final int MAX_DISCLOSURE_REASON = 500;

	private final ReplyRepository replies;

	private final ProposalService proposals;

	private final AccessPolicy access;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ReplyLoader loader;

	ReplyCorrections(ReplyRepository replies, ProposalService proposals, AccessPolicy access,
			ApplicationEventPublisher events, Clock clock, ReplyLoader loader) {
		this.replies = replies;
		this.proposals = proposals;
		this.access = access;
		this.events = events;
		this.clock = clock;
		this.loader = loader;
	}

	/**
	 * A recorded correction of an issued reply: by its unit's officials or a coordinator,
	 * with a stated reason. The 索引号 and issue time stay; the history keeps the original
	 * text (it listens to {@link ReplyChanged}).
	 */
	@Transactional
	public void correct(Viewer viewer, long id, int expectedVersion, LetterContent content, String reason) {
		Reply reply = this.loader.lockForChange(id);
		ReplyFacts facts = this.loader.facts(reply, this.proposals.proposal(reply.getProposalId()));
		if (!this.access.canRead(viewer, facts)) {
			throw new NotFoundException("reply", id);
		}
		if (!this.access.canCorrect(viewer, facts)) {
			throw new AccessDeniedException("not allowed to correct this reply");
		}
		ReplyRules.requireCorrectionNote(reason);
		ReplyLoader.checkVersion(reply, expectedVersion);
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
		ReplyFacts facts = this.loader.facts(reply, this.proposals.proposal(reply.getProposalId()));
		if (!this.access.canRead(viewer, facts)) {
			throw new NotFoundException("reply", id);
		}
		if (!this.access.canChangeDisclosure(viewer, facts)) {
			throw new AccessDeniedException("not allowed to change this reply's disclosure");
		}
		ReplyLoader.checkVersion(reply, expectedVersion);
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
		if (!this.access.canWithdraw(viewer,
				this.loader.facts(reply, this.proposals.proposal(reply.getProposalId())))) {
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
		if (!this.access.canRedisclose(viewer,
				this.loader.facts(reply, this.proposals.proposal(reply.getProposalId())))) {
			throw new AccessDeniedException("only coordinators make a reply public again");
		}
		changeLockedDisclosure(reply, expectedVersion, DisclosureMode.PROACTIVE, reason);
	}

	private Reply lockedForDisclosure(Viewer viewer, long id, String reason) {
		if (reason == null || reason.isBlank() || reason.strip().length() > MAX_DISCLOSURE_REASON) {
			throw new IllegalArgumentException(
					"a disclosure change states its reason (at most " + MAX_DISCLOSURE_REASON + " characters)");
		}
		Reply reply = this.loader.lockForChange(id);
		if (!this.access.canRead(viewer, this.loader.facts(reply, this.proposals.proposal(reply.getProposalId())))) {
			throw new NotFoundException("reply", id);
		}
		return reply;
	}

	private void changeLockedDisclosure(Reply reply, int expectedVersion, DisclosureMode mode, String reason) {
		ReplyLoader.checkVersion(reply, expectedVersion);
		reply.changeDisclosure(mode, reason);
		this.replies.flush();
		this.events
			.publishEvent(new ReplyChanged(reply.getId(), ReplyChanged.Change.DISCLOSURE_CHANGED, reason.strip()));
	}

}
