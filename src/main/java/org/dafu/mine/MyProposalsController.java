package org.dafu.mine;

import jakarta.validation.Valid;

import org.dafu.access.AccessPolicy;
import org.dafu.access.Viewer;
import org.dafu.evaluation.EvaluationClosedException;
import org.dafu.evaluation.EvaluationService;
import org.dafu.evaluation.RatingOutcome;
import org.dafu.evaluation.Rating;
import org.dafu.reply.ReplyService;

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

	static final String LIST_VIEW = "my/proposals";

	static final String DETAIL_VIEW = "my/proposal";

	private final MyProposalsService mine;

	private final EvaluationService evaluations;

	private final ReplyService replies;

	private final AccessPolicy access;

	MyProposalsController(MyProposalsService mine, EvaluationService evaluations, ReplyService replies,
			AccessPolicy access) {
		this.mine = mine;
		this.evaluations = evaluations;
		this.replies = replies;
		this.access = access;
	}

	@GetMapping("/my")
	String list(Model model) {
		model.addAttribute("rows", this.mine.proposals(this.access.currentViewer()));
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
			RedirectAttributes redirect) {
		Viewer viewer = this.access.currentViewer();
		// readable() answers 404 for a reply this deputy may not see, before anything
		// else
		long proposalId = this.replies.readable(viewer, replyId).proposal().id();
		String back = "redirect:/my/proposals/" + proposalId + "#reply-" + replyId;
		if (errors.hasErrors()) {
			redirect.addFlashAttribute("error", "evaluation.my.invalid");
			return back;
		}
		try {
			RatingOutcome outcome = this.evaluations.rate(viewer, replyId, form.command());
			redirect.addFlashAttribute("message", outcome.startedRehandling() ? "evaluation.my.saved.rehandling"
					: outcome.replaced() ? "evaluation.my.replaced" : "evaluation.my.saved");
		}
		catch (EvaluationClosedException ex) {
			redirect.addFlashAttribute("error", "evaluation.my.refusedClosed");
		}
		return back;
	}

}
