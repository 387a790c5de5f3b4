package org.dafu.reply.web;

import org.dafu.platform.web.forms.Flash;
import jakarta.servlet.http.HttpServletResponse;

import org.dafu.access.AccessPolicy;
import org.dafu.access.Viewer;
import org.dafu.platform.RefusedException;
import org.dafu.platform.web.LogSafe;
import org.dafu.reply.NotSignerException;
import org.dafu.reply.ReplyReview;
import org.dafu.reply.ReplyService;
import org.dafu.reply.ReplyView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The review of a draft inside its unit, from the preview: 提交审核 (submit), 撤回 (recall) and
 * 退回修改 (return, by a 签发人). Stale versions and refusals are turned into pages by
 * {@link ReplyEditorAdvice}.
 */
@Controller
class ReplyReviewController {

	private static final Logger log = LoggerFactory.getLogger(ReplyReviewController.class);

	private final ReplyService replies;

	private final ReplyReview review;

	private final AccessPolicy access;

	private final ReplyPages pages;

	ReplyReviewController(ReplyService replies, ReplyReview review, AccessPolicy access, ReplyPages pages) {
		this.replies = replies;
		this.review = review;
		this.access = access;
		this.pages = pages;
	}

	/**
	 * The letter as it will be published, with its review history and what the viewer can
	 * do with it now.
	 */
	@GetMapping("/workspace/unit/replies/{id:[0-9]{1,18}}/preview")
	String preview(@PathVariable long id, Model model) {
		Viewer viewer = this.access.currentViewer();
		return this.pages.preview(viewer, this.replies.ofOwnUnit(viewer, id), model);
	}

	/**
	 * 提交审核 from the preview (nothing unsaved there): the draft waits for a 签发人 and is no
	 * longer edited until it is recalled or returned.
	 */
	@PostMapping("/workspace/unit/replies/{id:[0-9]{1,18}}/submit")
	String submit(@PathVariable long id, @RequestParam("version") int version, RedirectAttributes redirect) {
		Viewer viewer = this.access.currentViewer();
		ReplyView reply = this.replies.ofOwnUnit(viewer, id);
		if (reply.isIssued()) {
			return ReplyPages.issuedAlready(id, redirect);
		}
		if (reply.isSubmitted()) {
			return ReplyPages.submittedAlready(id, redirect);
		}
		this.review.submit(viewer, id, version);
		log.info("reply {} submitted for review by {}", id, LogSafe.of(viewer.username()));
		Flash.notice(redirect, "drafting.review.submitted");
		return ReplyPages.toPreview(id);
	}

	/** 撤回: the unit takes its submitted draft back to edit it (待审核 → 起草). */
	@PostMapping("/workspace/unit/replies/{id:[0-9]{1,18}}/recall")
	String recall(@PathVariable long id, @RequestParam("version") int version, RedirectAttributes redirect) {
		Viewer viewer = this.access.currentViewer();
		ReplyView reply = this.replies.ofOwnUnit(viewer, id);
		if (reply.isIssued()) {
			return ReplyPages.issuedAlready(id, redirect);
		}
		if (!reply.isSubmitted()) {
			Flash.notice(redirect, "drafting.review.notSubmitted");
			return ReplyPages.toEditor(id);
		}
		this.review.recall(viewer, id, version);
		log.info("reply {} recalled for changes by {}", id, LogSafe.of(viewer.username()));
		Flash.notice(redirect, "drafting.review.recalled");
		return ReplyPages.toEditor(id);
	}

	/**
	 * 退回修改: a 签发人 of the lead unit sends the submitted draft back with a required
	 * comment. Without a comment (400, the preview says why), or by anyone else (403),
	 * nothing changes.
	 */
	@PostMapping("/workspace/unit/replies/{id:[0-9]{1,18}}/return")
	String returnForChanges(@PathVariable long id, @RequestParam("version") int version,
			@RequestParam(name = "comment", required = false) String comment, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Viewer viewer = this.access.currentViewer();
		ReplyView reply = this.replies.ofOwnUnit(viewer, id);
		if (reply.isIssued()) {
			return ReplyPages.issuedAlready(id, redirect);
		}
		if (!this.replies.canSign(viewer, id)) {
			throw new NotSignerException(id, "return");
		}
		if (!reply.isSubmitted()) {
			Flash.notice(redirect, "drafting.review.notSubmitted");
			return ReplyPages.toPreview(id);
		}
		String text = ReplyPages.trim(comment);
		try {
			this.review.returnForChanges(viewer, id, version, text);
		}
		catch (RefusedException ex) {
			log.info("return of reply {} refused for {}: {}", id, LogSafe.of(viewer.username()), ex.messageKey());
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("commentError", ex.messageKey());
			model.addAttribute("comment", text);
			return this.pages.preview(viewer, reply, model);
		}
		log.info("reply {} returned for changes by {}", id, LogSafe.of(viewer.username()));
		Flash.notice(redirect, "drafting.review.returned");
		return ReplyPages.toPreview(id);
	}

}
