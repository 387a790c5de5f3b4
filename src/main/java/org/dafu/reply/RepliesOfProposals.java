package org.dafu.reply;

import java.util.List;

import org.dafu.access.Viewer;
import org.dafu.proposal.ProposalReplies;
import org.springframework.stereotype.Component;

/** The reply feature's side of {@link ProposalReplies}. */
@Component
class RepliesOfProposals implements ProposalReplies {

	private final ReplyService replies;

	RepliesOfProposals(ReplyService replies) {
		this.replies = replies;
	}

	@Override
	public List<ReplyLink> readable(Viewer viewer, long proposalId) {
		return this.replies.readableOfProposal(viewer, proposalId)
			.stream()
			.map((r) -> new ReplyLink(r.id(), r.indexNumber(), r.unit().name(), r.status().name(),
					r.disclosureMode().name(), r.isIssued()))
			.toList();
	}

}
