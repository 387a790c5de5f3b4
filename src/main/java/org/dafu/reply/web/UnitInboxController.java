package org.dafu.reply.web;

import java.util.List;

import org.dafu.access.AccessPolicy;
import org.dafu.access.Viewer;
import org.dafu.platform.web.NotFoundException;
import org.dafu.platform.web.forms.Flash;
import org.dafu.proposal.ProposalService;
import org.dafu.proposal.ProposalStatus;
import org.dafu.proposal.ProposalView;
import org.dafu.reply.LetterContent;
import org.dafu.reply.ReplyKind;
import org.dafu.reply.ReplyService;
import org.dafu.unit.UnitService;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The unit official's inbox, and starting a draft reply from it. */
@Controller
class UnitInboxController {

	static final String INBOX_VIEW = "reply/inbox";

	private final UnitInbox inbox;

	private final ProposalService proposals;

	private final ReplyService replies;

	private final UnitService units;

	private final AccessPolicy access;

	UnitInboxController(UnitInbox inbox, ProposalService proposals, ReplyService replies, UnitService units,
			AccessPolicy access) {
		this.inbox = inbox;
		this.proposals = proposals;
		this.replies = replies;
		this.units = units;
		this.access = access;
	}

	@GetMapping("/workspace/unit")
	String inbox(Model model) {
		Viewer viewer = this.access.currentViewer();
		model.addAttribute("unit", this.units.unit(viewer.unitId()));
		List<UnitInbox.InboxRow> rows = this.inbox.of(viewer);
		model.addAttribute("rows", rows);
		model.addAttribute("waiting", this.inbox.waiting(viewer, rows));
		return INBOX_VIEW;
	}

	/**
	 * Starts the unit's reply to a proposal it leads; an existing draft is opened instead
	 * of starting a second one.
	 */
	@PostMapping("/workspace/unit/proposals/{proposalId:[0-9]{1,18}}/drafts")
	String start(@PathVariable long proposalId, RedirectAttributes redirect) {
		Viewer viewer = this.access.currentViewer();
		ProposalView proposal = this.proposals.proposal(proposalId);
		if (proposal.assignments().stream().noneMatch((a) -> viewer.unitId().equals(a.unitId()))) {
			throw new NotFoundException("proposal", proposalId);
		}
		var existing = this.replies.draftOfOwnUnit(viewer, proposalId);
		if (existing.isPresent()) {
			Flash.notice(redirect, "drafting.start.existing");
			return editor(existing.get());
		}
		if (proposal.status() != ProposalStatus.ASSIGNED && proposal.status() != ProposalStatus.REHANDLING) {
			Flash.notice(redirect, "drafting.start.notOpen");
			return "redirect:/workspace/unit";
		}
		ReplyKind kind = (proposal.status() == ProposalStatus.REHANDLING) ? ReplyKind.REHANDLING : ReplyKind.ORIGINAL;
		String issuer = this.units.unit(viewer.unitId()).name();
		long id = this.replies.createDraft(viewer, proposalId, kind,
				new LetterContent(null, null, null, null, null, null, null, null, issuer, null, null));
		Flash.notice(redirect, "drafting.start.created");
		return editor(id);
	}

	private static String editor(long id) {
		return "redirect:/workspace/unit/replies/" + id + "/edit";
	}

}
