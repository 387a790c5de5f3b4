package org.dafu.evaluation.web;

import org.dafu.evaluation.FollowUpService;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.dafu.access.AccessPolicy;
import org.dafu.access.Viewer;
import org.dafu.platform.web.forms.Flash;
import org.dafu.reply.AlreadySubmittedException;
import org.dafu.reply.ResultClass;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The unit official's list of open B/C replies and proposals to re-handle, and the forms
 * that write and issue their replies. Each form carries a one-time token: sent twice (one
 * after the other or at once) it issues one reply, and the second request gets the
 * conflict page (409) naming the reply already issued.
 */
@Controller
class UnitFollowUpController {

	static final String LIST_VIEW = "evaluation/unit-follow-ups";

	static final String FORM_VIEW = "evaluation/unit-follow-up-form";

	static final String SUBMITTED_VIEW = "evaluation/already-submitted";

	private static final Logger log = LoggerFactory.getLogger(UnitFollowUpController.class);

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
			BindingResult errors, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		Viewer viewer = this.access.currentViewer();
		if (errors.hasErrors()) {
			model.addAttribute("base", this.followUps.followable(viewer, replyId));
			renewToken(model, errors);
			return form(model, form, "FOLLOW_UP");
		}
		try {
			this.followUps.addFollowUp(viewer, replyId, form.text(), form.token());
		}
		catch (AlreadySubmittedException ex) {
			return alreadySubmitted(ex.replyId(), model, response);
		}
		catch (DataIntegrityViolationException ex) {
			return alreadySubmittedOr(ex, model, response);
		}
		Flash.notice(redirect, "evaluation.followup.issued");
		return "redirect:/workspace/unit/follow-ups";
	}

	@GetMapping("/workspace/unit/rehandling/{proposalId:[0-9]{1,18}}/new")
	String newRehandling(@PathVariable long proposalId, Model model) {
		model.addAttribute("base", this.followUps.rehandlingBase(this.access.currentViewer(), proposalId));
		return form(model, FollowUpForm.empty(), "REHANDLING");
	}

	@PostMapping("/workspace/unit/rehandling/{proposalId:[0-9]{1,18}}")
	String writeRehandling(@PathVariable long proposalId, @Valid @ModelAttribute("form") FollowUpForm form,
			BindingResult errors, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		Viewer viewer = this.access.currentViewer();
		try {
			if (errors.hasErrors()) {
				model.addAttribute("base", this.followUps.rehandlingBase(viewer, proposalId));
				renewToken(model, errors);
				return form(model, form, "REHANDLING");
			}
			this.followUps.writeRehandlingReply(viewer, proposalId, form.text(), form.token());
		}
		catch (AlreadySubmittedException ex) {
			return alreadySubmitted(ex.replyId(), model, response);
		}
		catch (DataIntegrityViolationException ex) {
			return alreadySubmittedOr(ex, model, response);
		}
		Flash.notice(redirect, "evaluation.rehandling.issued");
		return "redirect:/workspace/unit/follow-ups";
	}

	/**
	 * A form whose token was missing or malformed comes back with a new one (and its
	 * message), so that sending it again is a deliberate act.
	 */
	private static void renewToken(Model model, BindingResult errors) {
		if (errors.hasFieldErrors("formToken")) {
			model.addAttribute("freshToken", UUID.randomUUID().toString());
		}
	}

	/**
	 * The database's own refusal of a second reply of one form token (the backstop of the
	 * service's check) is the same conflict; any other integrity failure is not.
	 */
	private String alreadySubmittedOr(DataIntegrityViolationException ex, Model model, HttpServletResponse response) {
		if (String.valueOf(ex.getMostSpecificCause().getMessage()).contains("uq_reply_form_token")) {
			return alreadySubmitted(null, model, response);
		}
		throw ex;
	}

	private String alreadySubmitted(Long replyId, Model model, HttpServletResponse response) {
		log.info("follow-up form sent again: nothing issued (reply {} was issued by it)", replyId);
		response.setStatus(HttpStatus.CONFLICT.value());
		model.addAttribute("replyId", replyId);
		return SUBMITTED_VIEW;
	}

	private static String form(Model model, FollowUpForm form, String kind) {
		model.addAttribute("form", form);
		model.addAttribute("kind", kind);
		model.addAttribute("resultClasses", ResultClass.values());
		return FORM_VIEW;
	}

}
