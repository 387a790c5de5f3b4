package org.dafu.notify;

import java.util.ArrayList;
import java.util.List;

import org.dafu.access.Viewer;
import org.dafu.evaluation.EvaluationUnsatisfied;
import org.dafu.proposal.ProposalAssigned;
import org.dafu.proposal.ProposalService;
import org.dafu.proposal.ProposalView;
import org.dafu.reply.ReplyChanged;
import org.dafu.reply.ReplyKind;
import org.dafu.reply.ReplyService;
import org.dafu.reply.ReplyView;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns what happened elsewhere into notices. The listeners run in the transaction of the
 * change (the events are published inside it), so a notice and its outbox mails commit
 * with the change or not at all.
 */
@Component
class NotificationListeners {

	/** Internal reads to compose a notice; what recipients see is decided per kind. */
	private static final Viewer SYSTEM = Viewer.coordinator("system");

	private final Notifier notifier;

	private final ProposalService proposals;

	private final ReplyService replies;

	private final FollowService follows;

	NotificationListeners(Notifier notifier, ProposalService proposals, ReplyService replies, FollowService follows) {
		this.notifier = notifier;
		this.proposals = proposals;
		this.replies = replies;
		this.follows = follows;
	}

	static String label(ProposalView proposal) {
		return "第" + proposal.number() + "号《" + proposal.title() + "》";
	}

	/** 交办: the lead unit and co-units are told. */
	@EventListener
	void assigned(ProposalAssigned event) {
		ProposalView proposal = this.proposals.proposal(event.proposalId());
		List<Recipient> units = new ArrayList<>();
		units.add(Recipient.unit(event.leadUnitId()));
		event.coUnitIds().forEach((id) -> units.add(Recipient.unit(id)));
		this.notifier.notifyAll(units, NotificationKind.ASSIGNED, label(proposal), event.deadline().toString(),
				"/workspace/unit", proposal.id(), null);
	}

	/**
	 * Issued: the lead deputy and co-signers are told. Issued or disclosure changed: if
	 * the reply is now public, its followers are told.
	 */
	@EventListener
	void replyChanged(ReplyChanged event) {
		if (event.change() != ReplyChanged.Change.ISSUED && event.change() != ReplyChanged.Change.DISCLOSURE_CHANGED) {
			return;
		}
		ReplyView reply = this.replies.readable(SYSTEM, event.replyId());
		ProposalView proposal = this.proposals.proposal(reply.proposal().id());
		if (event.change() == ReplyChanged.Change.ISSUED) {
			NotificationKind kind = (reply.kind() == ReplyKind.REHANDLING) ? NotificationKind.REHANDLING_ISSUED
					: (reply.kind() == ReplyKind.FOLLOW_UP) ? NotificationKind.FOLLOW_UP_ISSUED
							: NotificationKind.REPLY_ISSUED;
			List<Recipient> deputies = new ArrayList<>();
			deputies.add(Recipient.deputy(proposal.leadDeputyId()));
			proposal.cosignerIds().stream().sorted().forEach((id) -> deputies.add(Recipient.deputy(id)));
			this.notifier.notifyAll(deputies, kind, label(proposal), reply.unit().name(),
					"/my/proposals/" + proposal.id(), proposal.id(), reply.id());
		}
		if (reply.isPublic()) {
			this.follows.disclosed(reply, label(proposal));
		}
	}

	/** 不满意: the unit and the coordinators are told (and whether re-handling started). */
	@EventListener
	void unsatisfied(EvaluationUnsatisfied event) {
		ProposalView proposal = this.proposals.proposal(event.proposalId());
		boolean rehandling = event.rehandlingDeadline() != null;
		NotificationKind kind = rehandling ? NotificationKind.REHANDLING_STARTED : NotificationKind.UNSATISFIED;
		String detail = rehandling ? event.rehandlingDeadline().toString() : "";
		this.notifier.notify(Recipient.unit(event.unitId()), kind, label(proposal), detail,
				rehandling ? "/workspace/unit/follow-ups" : "/workspace/unit", proposal.id(), event.replyId());
		this.notifier.notify(Recipient.coordinators(), kind, label(proposal), detail, "/workspace/coordinator",
				proposal.id(), event.replyId());
	}

}
