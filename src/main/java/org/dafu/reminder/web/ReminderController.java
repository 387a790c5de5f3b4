package org.dafu.reminder.web;

import org.dafu.platform.web.forms.Flash;
import org.dafu.reminder.ReminderRefusedException;
import org.dafu.reminder.ReminderService;

import jakarta.servlet.http.HttpServletResponse;

import org.dafu.access.AccessPolicy;
import org.dafu.access.Viewer;
import org.dafu.platform.web.NotFoundException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 催办: the coordinators' form (reached from the deadline board and the proposal page) and
 * the list of reminders a unit received.
 */
@Controller
class ReminderController {

	static final String FORM_VIEW = "reminder/form";

	static final String UNIT_VIEW = "reminder/unit";

	private final ReminderService reminders;

	private final AccessPolicy access;

	ReminderController(ReminderService reminders, AccessPolicy access) {
		this.reminders = reminders;
		this.access = access;
	}

	@GetMapping("/workspace/coordinator/proposals/{proposalId:[0-9]{1,18}}/reminders")
	String form(@PathVariable long proposalId, Model model) {
		return form(proposalId, model, "", null);
	}

	@PostMapping("/workspace/coordinator/proposals/{proposalId:[0-9]{1,18}}/reminders")
	String send(@PathVariable long proposalId, @RequestParam(name = "message", required = false) String message,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Viewer viewer = this.access.currentViewer();
		try {
			this.reminders.send(viewer, proposalId, message);
			Flash.notice(redirect, "reminder.sent");
			return "redirect:/workspace/coordinator/proposals/" + proposalId + "/reminders";
		}
		catch (ReminderRefusedException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return form(proposalId, model, message, "reminder.error." + ex.code());
		}
	}

	private String form(long proposalId, Model model, String message, String error) {
		Viewer viewer = this.access.currentViewer();
		var history = this.reminders.ofProposal(viewer, proposalId);
		var target = this.reminders.target(proposalId);
		if (target.isEmpty() && history.isEmpty()) {
			ensureExists(proposalId);
		}
		model.addAttribute("proposalId", proposalId);
		model.addAttribute("target", target.orElse(null));
		model.addAttribute("history", history);
		model.addAttribute("text", (message != null) ? message : "");
		model.addAttribute("maxMessage", ReminderService.MAX_MESSAGE);
		model.addAttribute("dueWithinDays", this.reminders.dueWithinDays());
		model.addAttribute("error", error);
		return FORM_VIEW;
	}

	private void ensureExists(long proposalId) {
		if (!this.reminders.proposalExists(proposalId)) {
			throw new NotFoundException("proposal", proposalId);
		}
	}

	@GetMapping("/workspace/unit/reminders")
	String unit(Model model) {
		model.addAttribute("reminders", this.reminders.ofOwnUnit(this.access.currentViewer()));
		return UNIT_VIEW;
	}

}
