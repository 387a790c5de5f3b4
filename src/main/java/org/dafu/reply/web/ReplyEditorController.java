package org.dafu.reply.web;

import org.dafu.platform.web.forms.Flash;
import java.util.Optional;

import org.dafu.access.AccessPolicy;
import org.dafu.access.Viewer;
import org.dafu.platform.web.LogSafe;
import org.dafu.reply.LetterContent;
import org.dafu.reply.ReplyDrafting;
import org.dafu.reply.ReplyReview;
import org.dafu.reply.ReplyService;
import org.dafu.reply.ReplyStatus;
import org.dafu.reply.ReplyView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reply editor of the unit's officials: edit a draft and save it, then submit it for
 * review or go to 签发. A reply of another unit does not exist here (404); a submitted or
 * issued reply is not edited here (see {@link ReplyReviewController} and
 * {@link ReplyCorrectionController}). The version travels with the form: a save from a
 * stale version gets the conflict page (409, {@link ReplyEditorAdvice}), and the other
 * save stays.
 */
@Controller
class ReplyEditorController {

	/** The editor's "save and submit for review" button. */
	static final String SUBMIT = "submit";

	/** The editor's "save and go to 签发" button (signers). */
	static final String SIGN = "sign";

	private static final Logger log = LoggerFactory.getLogger(ReplyEditorController.class);

	private final ReplyService replies;

	private final ReplyReview review;

	private final ReplyDrafting drafting;

	private final AccessPolicy access;

	private final LetterGreeting greeting;

	ReplyEditorController(ReplyService replies, ReplyReview review, ReplyDrafting drafting, AccessPolicy access,
			LetterGreeting greeting) {
		this.replies = replies;
		this.review = review;
		this.drafting = drafting;
		this.access = access;
		this.greeting = greeting;
	}

	/** The editor; the importing feature redirects here after confirming an import. */
	@GetMapping("/workspace/unit/replies/{id:[0-9]{1,18}}/edit")
	String edit(@PathVariable long id, Model model, RedirectAttributes redirect) {
		Viewer viewer = this.access.currentViewer();
		ReplyView reply = this.replies.ofOwnUnit(viewer, id);
		if (reply.isIssued()) {
			return ReplyPages.issuedAlready(id, redirect);
		}
		if (reply.isSubmitted()) {
			return ReplyPages.submittedAlready(id, redirect);
		}
		model.addAttribute("canSign", this.replies.canSign(viewer, id));
		ReplyForm stored = ReplyForm.of(reply);
		ReplyForm form = this.greeting.fill(stored, reply);
		model.addAttribute("greetingFilled", !form.equals(stored));
		return ReplyPages.editor(model, reply, form);
	}

	/**
	 * Saves the draft, or applies a structural button (add, move, remove a section or a
	 * figure) without saving; after saving, "submit" submits that version for review and
	 * "sign" opens the 签发 confirmation of it.
	 */
	@PostMapping("/workspace/unit/replies/{id:[0-9]{1,18}}")
	String save(@PathVariable long id, @ReplyFormBinding.LetterForm ReplyForm form, BindingResult errors,
			@RequestParam(name = "action", required = false) String action, Model model, RedirectAttributes redirect) {
		Viewer viewer = this.access.currentViewer();
		// a save needs only the status here (editDraft checks everything again under the
		// row's lock); the full view and whether to offer 签发 are read only when the
		// editor is shown again
		ReplyStatus status = this.replies.statusOfOwnUnit(viewer, id);
		if (status == ReplyStatus.ISSUED) {
			return ReplyPages.issuedAlready(id, redirect);
		}
		if (status == ReplyStatus.SUBMITTED) {
			log.info("reply {} not saved by {}: it waits for review (recall it first)", id,
					LogSafe.of(viewer.username()));
			return ReplyPages.submittedAlready(id, redirect);
		}
		Optional<ReplyForm> changed = EditorAction.apply(form, action);
		if (changed.isPresent()) {
			model.addAttribute("canSign", this.replies.canSign(viewer, id));
			model.addAttribute("unsaved", true);
			return ReplyPages.editor(model, this.replies.ofOwnUnit(viewer, id), changed.get());
		}
		form.check(errors);
		if (errors.hasErrors()) {
			log.info("reply {} not saved by {}: {} invalid field(s), first {}", id, LogSafe.of(viewer.username()),
					errors.getErrorCount(),
					LogSafe.of(errors.getFieldErrors().isEmpty() ? "-" : errors.getFieldErrors().get(0).getField()));
			model.addAttribute("canSign", this.replies.canSign(viewer, id));
			model.addAttribute("invalid", true);
			return ReplyPages.editor(model, this.replies.ofOwnUnit(viewer, id), form);
		}
		LetterContent content = form.content();
		ReplyEditorAdvice.submitting(form.versionNumber(), content);
		int saved = this.drafting.editDraft(viewer, id, form.versionNumber(), content);
		if (SUBMIT.equals(action)) {
			// saved first, then submitted: what the signer reviews is what was typed
			ReplyEditorAdvice.submitting(saved, null);
			this.review.submit(viewer, id, saved);
			log.info("reply {} submitted for review by {}", id, LogSafe.of(viewer.username()));
			Flash.notice(redirect, "drafting.review.submitted");
			return ReplyPages.toPreview(id);
		}
		if (SIGN.equals(action)) {
			// saved first, then the confirmation page shows exactly that version
			Flash.notice(redirect, "drafting.editor.savedForSigning");
			return "redirect:/workspace/unit/replies/" + id + "/issue";
		}
		Flash.notice(redirect, "drafting.editor.saved");
		return ReplyPages.toEditor(id);
	}

}
