package org.dafu.evaluation.web;

import jakarta.validation.Valid;

import org.dafu.access.AccessPolicy;
import org.dafu.access.Viewer;
import org.dafu.evaluation.EvaluationClosedException;
import org.dafu.evaluation.EvaluationService;
import org.dafu.evaluation.RatingOutcome;
import org.dafu.evaluation.Rating;
import org.dafu.evaluation.RatingTodo;
import org.dafu.platform.web.forms.Flash;
import org.dafu.reply.ReplyService;
import org.dafu.reply.ReplyView;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 我的建议: a deputy's proposals, their journey and replies, and the rating form. */
@Controller
class MyProposalsController {

	static final String LIST_VIEW = "evaluation/proposals";

	static final String DETAIL_VIEW = "evaluation/proposal";

	static final String CONFIRM_VIEW = "evaluation/confirm-unsatisfied";

	private final MyProposalsService mine;

	private final EvaluationService evaluations;

	private final ReplyService replies;

	private final AccessPolicy access;

	private final RatingTodo todo;

	MyProposalsController(MyProposalsService mine, EvaluationService evaluations, ReplyService replies,
			AccessPolicy access, RatingTodo todo) {
		this.mine = mine;
		this.evaluations = evaluations;
		this.replies = replies;
		this.access = access;
		this.todo = todo;
	}

	@GetMapping("/my")
	String list(Model model) {
		Viewer viewer = this.access.currentViewer();
		model.addAttribute("rows", this.mine.proposals(viewer));
		model.addAttribute("todo", this.todo.of(viewer));
		model.addAttribute("windowDays", this.todo.windowDays());
		return LIST_VIEW;
	}

	@GetMapping("/my/proposals/{id:[0-9]{1,18}}")
	String detail(@PathVariable long id, Model model) {
		model.addAttribute("detail", this.mine.proposal(this.access.currentViewer(), id));
		model.addAttribute("ratings", Rating.values());
		return DETAIL_VIEW;
	}

	@PostMapping("/my/replies/{replyId:[0-9]{1,18}}/evaluation")
	String rate(@PathVariable long replyId, @Valid @ModelAttribute EvaluationForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		Viewer viewer = this.access.currentViewer();
		// readable() answers 404 for a reply this deputy may not see, before anything
		// else
		ReplyView reply = this.replies.readable(viewer, replyId);
		long proposalId = reply.proposal().id();
		String back = "redirect:/my/proposals/" + proposalId + "#reply-" + replyId;
		if (errors.hasErrors()) {
			Flash.alert(redirect, "evaluation.my.invalid");
			return back;
		}
		if (form.result() == Rating.UNSATISFIED && !form.isConfirmed() && this.evaluations.canRateNow(viewer, reply)) {
			// 不满意 sends the proposal back for re-handling: asked once more, without
			// JavaScript, before anything is saved
			model.addAttribute("reply", reply);
			model.addAttribute("form", form);
			return CONFIRM_VIEW;
		}
		try {
			RatingOutcome outcome = this.evaluations.rate(viewer, replyId, form.command());
			Flash.notice(redirect, outcome.startedRehandling() ? "evaluation.my.saved.rehandling"
					: outcome.replaced() ? "evaluation.my.replaced" : "evaluation.my.saved");
		}
		catch (EvaluationClosedException ex) {
			Flash.alert(redirect, "evaluation.my.refusedClosed");
		}
		return back;
	}

}
