package org.dafu.reply.web;

import org.dafu.platform.web.forms.Flash;
import org.dafu.reply.ReplyRules;
import java.util.Optional;

import org.dafu.access.AccessPolicy;
import org.dafu.access.Viewer;
import org.dafu.platform.web.LogSafe;
import org.dafu.reply.IncompleteReplyException;
import org.dafu.reply.LetterContent;
import org.dafu.reply.Reply;
import org.dafu.reply.ReplyCorrections;
import org.dafu.reply.ReplyService;
import org.dafu.reply.ReplyView;
import org.dafu.reply.ResultClass;
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
 * 更正: the issued letter in the editor, with a required correction note (更正说明) that is
 * published with it. A draft has no correction (its editor opens instead). What a
 * correction needs is the reply's rule ({@link ReplyRules#missingForIssue},
 * {@link ReplyRules#correctionNoteProblem}); the form shows every problem at once.
 */
@Controller
class ReplyCorrectionController {

	private static final Logger log = LoggerFactory.getLogger(ReplyCorrectionController.class);

	private final ReplyService replies;

	private final ReplyCorrections corrections;

	private final AccessPolicy access;

	ReplyCorrectionController(ReplyService replies, ReplyCorrections corrections, AccessPolicy access) {
		this.replies = replies;
		this.corrections = corrections;
		this.access = access;
	}

	@GetMapping("/workspace/unit/replies/{id:[0-9]{1,18}}/correction")
	String correction(@PathVariable long id, Model model) {
		ReplyView reply = this.replies.ofOwnUnit(this.access.currentViewer(), id);
		if (!reply.isIssued()) {
			return ReplyPages.toEditor(id);
		}
		return ReplyPages.corrector(model, reply, ReplyForm.of(reply), "");
	}

	/**
	 * Publishes a correction: the new text, the 索引号 and issue time kept, the note shown
	 * on the letter with its date, the text before kept in the history. Structural
	 * buttons work as in the editor; an empty or too long note, an invalid field or a
	 * stale version changes nothing. The disclosure is not changed here (see the
	 * disclosure page).
	 */
	@PostMapping("/workspace/unit/replies/{id:[0-9]{1,18}}/correction")
	String correct(@PathVariable long id, @ReplyFormBinding.LetterForm ReplyForm form, BindingResult errors,
			@RequestParam(name = "correctionNote", required = false) String correctionNote,
			@RequestParam(name = "action", required = false) String action, Model model, RedirectAttributes redirect) {
		Viewer viewer = this.access.currentViewer();
		ReplyView reply = this.replies.ofOwnUnit(viewer, id);
		if (!reply.isIssued()) {
			return ReplyPages.toEditor(id);
		}
		String note = ReplyPages.trim(correctionNote);
		Optional<ReplyForm> changed = EditorAction.apply(form, action);
		if (changed.isPresent()) {
			model.addAttribute("unsaved", true);
			return ReplyPages.corrector(model, reply, changed.get(), note);
		}
		form.check(errors);
		for (String field : ReplyRules.missingForIssue(ResultClass.parse(form.resultClass()), form.sections().size())) {
			if (!errors.hasFieldErrors(field)) {
				ReplyForm.reject(errors, field,
						IncompleteReplyException.RESULT_CLASS.equals(field) ? form.resultClass() : null,
						IncompleteReplyException.fieldKey(field));
			}
		}
		String noteError = ReplyRules.correctionNoteProblem(note);
		if (errors.hasErrors() || noteError != null) {
			log.info("correction of reply {} refused for {}: {} invalid field(s), note {}", id,
					LogSafe.of(viewer.username()), errors.getErrorCount(), (noteError != null) ? noteError : "ok");
			model.addAttribute("invalid", true);
			model.addAttribute("noteError", noteError);
			return ReplyPages.corrector(model, reply, form, note);
		}
		LetterContent typed = form.content();
		// the disclosure stays as it is: withdrawing has its own page, reason and audit
		LetterContent content = new LetterContent(typed.writtenOn(), typed.signedOn(), reply.disclosureMode(),
				reply.disclosureReason(), typed.catalogCategory(), typed.addressee(), typed.opening(), typed.closing(),
				typed.issuer(), typed.resultClass(), typed.sections());
		ReplyEditorAdvice.submitting(form.versionNumber(), content);
		this.corrections.correct(viewer, id, form.versionNumber(), content, note);
		Flash.notice(redirect, "drafting.correction.done");
		return "redirect:/workspace/unit/replies/" + id + "/preview";
	}

}
