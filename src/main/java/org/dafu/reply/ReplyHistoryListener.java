package org.dafu.reply;

import org.dafu.history.AuditLog;
import org.dafu.history.HistoryService;

import jakarta.persistence.EntityManager;

import org.dafu.access.AccessPolicy;
import org.dafu.platform.web.NotFoundException;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Writes a revision for every change of a reply, in the same transaction just before it
 * commits: the text before (the latest recorded snapshot, so the original text of an
 * issued reply is kept when it is corrected) and after. Issuing and disclosure changes
 * also go to the audit log.
 */
@Component
public class ReplyHistoryListener {

	public static final String TYPE = "reply";

	private final HistoryService history;

	private final AuditLog audit;

	private final AccessPolicy access;

	private final EntityManager entityManager;

	ReplyHistoryListener(HistoryService history, AuditLog audit, AccessPolicy access, EntityManager entityManager) {
		this.history = history;
		this.audit = audit;
		this.access = access;
		this.entityManager = entityManager;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(ReplyChanged event) {
		// Version checks of the change itself fail here, before anything is recorded.
		this.entityManager.flush();
		// The snapshot is the reply's own letter, from the entity this
		// transaction changed (already loaded: no statement), not a full
		// view with the proposal, unit, corrections and review it does not
		// show.
		Reply entity = this.entityManager.find(Reply.class, event.replyId());
		if (entity == null) {
			throw new NotFoundException("reply", event.replyId());
		}
		ReplyView reply = ReplyLoader.letterOnly(entity);
		String actor = actor();
		String before = this.history.latestSnapshot(TYPE, event.replyId());
		String after = ReplySnapshot.render(reply);
		this.history.record(TYPE, event.replyId(), actor, event.change().name(), before, after, event.reason());
		switch (event.change()) {
			case ISSUED -> this.audit.record(actor, "REPLY_ISSUED", TYPE + ":" + event.replyId(),
					"index=" + reply.indexNumber(), null);
			case DISCLOSURE_CHANGED -> this.audit.record(actor, "DISCLOSURE_CHANGED", TYPE + ":" + event.replyId(),
					"mode=" + reply.disclosureMode().name() + " reason=" + event.reason(), null);
			case CORRECTED -> this.audit.record(actor, "REPLY_CORRECTED", TYPE + ":" + event.replyId(),
					"reason=" + event.reason(), null);
			default -> {
			}
		}
	}

	private String actor() {
		String username = this.access.currentViewer().username();
		return (username != null) ? username : "system";
	}

}
