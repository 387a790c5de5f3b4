package org.dafu.reply.web;

import org.dafu.platform.web.forms.Flash;
import java.util.List;

import org.dafu.access.AccessPolicy;
import org.dafu.access.Viewer;
import org.dafu.reply.ReplyDrafting;
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

	private final ReplyDrafting drafting;

	private final UnitService units;

	private final AccessPolicy access;

	UnitInboxController(UnitInbox inbox, ReplyDrafting drafting, UnitService units, AccessPolicy access) {
		this.inbox = inbox;
		this.drafting = drafting;
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
	 * of starting a second one ({@link ReplyDrafting#startDraft}).
	 */
	@PostMapping("/workspace/unit/proposals/{proposalId:[0-9]{1,18}}/drafts")
	String start(@PathVariable long proposalId, RedirectAttributes redirect) {
		ReplyDrafting.DraftStart started = this.drafting.startDraft(this.access.currentViewer(), proposalId);
		return switch (started.outcome()) {
			case EXISTING -> {
				Flash.notice(redirect, "drafting.start.existing");
				yield ReplyPages.toEditor(started.replyId());
			}
			case NOT_OPEN -> {
				Flash.notice(redirect, "drafting.start.notOpen");
				yield "redirect:/workspace/unit";
			}
			case CREATED -> {
				Flash.notice(redirect, "drafting.start.created");
				yield ReplyPages.toEditor(started.replyId());
			}
		};
	}

}
