package org.dafu.evaluation;

import jakarta.validation.Valid;

import org.dafu.access.AccessPolicy;
import org.dafu.access.Viewer;
import org.dafu.reply.ResultClass;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The unit official's list of open B/C replies and proposals to re-handle. */
@Controller
class UnitFollowUpController {

	static final String LIST_VIEW = "evaluation/unit-follow-ups";

	static final String FORM_VIEW = "evaluation/unit-follow-up-form";

	private final FollowUpService followUps;

	private final AccessPolicy access;

	UnitFollowUpController(FollowUpService followUps, AccessPolicy access) {
		this.followUps = followUps;
		this.access = access;
	}

	@GetMapping("/workspace/unit/follow-ups")
	String list(Model model) {
		Viewer viewer = this.access.currentViewer();
		model.addAttribute("open", this.followUps.openReplies(viewer));
		model.addAttribute("rehandling", this.followUps.rehandlingDue(viewer));
		return LIST_VIEW;
	}

	@GetMapping("/workspace/unit/follow-ups/{replyId:[0-9]{1,18}}/new")
	String newFollowUp(@PathVariable long replyId, Model model) {
		model.addAttribute("base", this.followUps.followable(this.access.currentViewer(), replyId));
		return form(model, FollowUpForm.empty(), "FOLLOW_UP");
	}

	@PostMapping("/workspace/unit/follow-ups/{replyId:[0-9]{1,18}}")
	String addFollowUp(@PathVariable long replyId, @Valid @ModelAttribute("form") FollowUpForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		Viewer viewer = this.access.currentViewer();
		if (errors.hasErrors()) {
			model.addAttribute("base", this.followUps.followable(viewer, replyId));
			return form(model, form, "FOLLOW_UP");
		}
		this.followUps.addFollowUp(viewer, replyId, form.text());
		redirect.addFlashAttribute("message", "evaluation.followup.issued");
		return "redirect:/workspace/unit/follow-ups";
	}

	@GetMapping("/workspace/unit/rehandling/{proposalId:[0-9]{1,18}}/new")
	String newRehandling(@PathVariable long proposalId, Model model) {
		model.addAttribute("base", this.followUps.rehandlingBase(this.access.currentViewer(), proposalId));
		return form(model, FollowUpForm.empty(), "REHANDLING");
	}

	@PostMapping("/workspace/unit/rehandling/{proposalId:[0-9]{1,18}}")
	String writeRehandling(@PathVariable long proposalId, @Valid @ModelAttribute("form") FollowUpForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		Viewer viewer = this.access.currentViewer();
		if (errors.hasErrors()) {
			model.addAttribute("base", this.followUps.rehandlingBase(viewer, proposalId));
			return form(model, form, "REHANDLING");
		}
		this.followUps.writeRehandlingReply(viewer, proposalId, form.text());
		redirect.addFlashAttribute("message", "evaluation.rehandling.issued");
		return "redirect:/workspace/unit/follow-ups";
	}

	private static String form(Model model, FollowUpForm form, String kind) {
		model.addAttribute("form", form);
		model.addAttribute("kind", kind);
		model.addAttribute("resultClasses", ResultClass.values());
		return FORM_VIEW;
	}

}
