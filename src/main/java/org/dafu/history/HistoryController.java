package org.dafu.history;

import org.dafu.access.AccessPolicy;
import org.dafu.access.Viewer;
import org.dafu.platform.web.NotFoundException;
import org.dafu.proposal.ProposalService;
import org.dafu.proposal.ProposalView;
import org.dafu.reply.ReplyService;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The history of a reply or proposal as line diffs, for staff who may see it:
 * coordinators, and officials of the reply's unit (of a unit the proposal is assigned
 * to). Everyone else gets a 404, as if there were no history.
 */
@Controller
class HistoryController {

	static final String VIEW = "history/revisions";

	private final HistoryService history;

	private final AccessPolicy access;

	private final ReplyService replies;

	private final ProposalService proposals;

	HistoryController(HistoryService history, AccessPolicy access, ReplyService replies, ProposalService proposals) {
		this.history = history;
		this.access = access;
		this.replies = replies;
		this.proposals = proposals;
	}

	@GetMapping("/workspace/history/{type:[a-z_]{2,30}}/{id:[0-9]{1,18}}")
	String revisions(@PathVariable String type, @PathVariable long id, Model model) {
		Viewer viewer = this.access.currentViewer();
		if (!maySee(viewer, type, id)) {
			throw new NotFoundException("history", type + ":" + id);
		}
		model.addAttribute("type", type);
		model.addAttribute("entityId", id);
		model.addAttribute("revisions", this.history.revisions(type, id));
		return VIEW;
	}

	private boolean maySee(Viewer viewer, String type, long id) {
		if (viewer.isCoordinator()) {
			return true;
		}
		if (!viewer.isOfficial()) {
			return false;
		}
		if (ReplyHistoryListener.TYPE.equals(type)) {
			return viewer.unitId().equals(this.replies.facts(id).unitId());
		}
		if ("proposal".equals(type)) {
			ProposalView proposal = this.proposals.proposal(id);
			return proposal.assignments().stream().anyMatch((a) -> viewer.unitId().equals(a.unitId()));
		}
		return false;
	}

}
