package org.dafu.reply.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.dafu.access.AccessPolicy;
import org.dafu.access.Viewer;
import org.dafu.history.AuditLog;
import org.dafu.platform.web.LogSafe;
import org.dafu.platform.web.forms.Views;
import org.dafu.reply.DisclosureMode;
import org.dafu.reply.FigureKind;
import org.dafu.reply.IssueRefusedException;
import org.dafu.reply.Reply;
import org.dafu.reply.LetterContent;
import org.dafu.reply.ReplyService;
import org.dafu.reply.ReplyView;
import org.dafu.reply.ResultClass;
import org.dafu.reply.SectionKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reply editor of the unit's officials: edit a draft, preview it as the letter, issue
 * it. A reply of another unit does not exist here (404); an issued reply is no longer
 * edited here (corrections are recorded separately). The version travels with the form: a
 * save from a stale version gets the conflict page (409), and the other save stays.
 */
@Controller
class ReplyEditorController {

	static final String EDITOR_VIEW = "reply/editor";

	static final String PREVIEW_VIEW = "reply/preview";

	static final String CONFIRM_VIEW = "reply/confirm-issue";

	/** The editor's "save and submit for review" button. */
	static final String SUBMIT = "submit";

	/** The editor's "save and go to 签发" button (signers). */
	static final String SIGN = "sign";

	private static final Pattern INDEX = Pattern.compile("\\[([0-9]+)]");

	private static final int MAX_INDEX = 99;

	/** The longest correction note (the column's length). */
	static final int MAX_NOTE = 1000;

	private static final Logger log = LoggerFactory.getLogger(ReplyEditorController.class);

	private final ReplyService replies;

	private final AccessPolicy access;

	private final AuditLog audit;

	private final LetterGreeting greeting;

	ReplyEditorController(ReplyService replies, AccessPolicy access, AuditLog audit, LetterGreeting greeting) {
		this.replies = replies;
		this.access = access;
		this.audit = audit;
		this.greeting = greeting;
	}

	/**
	 * Refuses absurd list indexes (sections[99999]) before binding, which would otherwise
	 * build huge lists; the form never has more than {@link #MAX_INDEX} of anything.
	 */
	@InitBinder("form")
	void limitIndexes(WebDataBinder binder, HttpServletRequest request) {
		for (String name : request.getParameterMap().keySet()) {
			Matcher m = INDEX.matcher(name);
			while (m.find()) {
				if (m.group(1).length() > 3 || Integer.parseInt(m.group(1)) > MAX_INDEX) {
					log.info("reply form refused: index too large in {}", LogSafe.of(name));
					throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "index too large");
				}
			}
		}
	}

	/** The editor; the importing feature redirects here after confirming an import. */
	@GetMapping("/workspace/unit/replies/{id:[0-9]{1,18}}/edit")
	String edit(@PathVariable long id, Model model, RedirectAttributes redirect) {
		Viewer viewer = this.access.currentViewer();
		ReplyView reply = this.replies.ofOwnUnit(viewer, id);
		if (reply.isIssued()) {
			return issuedAlready(id, redirect);
		}
		if (reply.isSubmitted()) {
			return submittedAlready(id, redirect);
		}
		model.addAttribute("canSign", this.replies.canSign(viewer, id));
		ReplyForm stored = ReplyForm.of(reply);
		ReplyForm form = this.greeting.fill(stored, reply);
		model.addAttribute("greetingFilled", !form.equals(stored));
		return editor(model, reply, form);
	}

	@PostMapping("/workspace/unit/replies/{id:[0-9]{1,18}}")
	String save(@PathVariable long id, @Valid @ModelAttribute("form") ReplyForm form, BindingResult errors,
			@RequestParam(name = "action", required = false) String action, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Viewer viewer = this.access.currentViewer();
		ReplyView reply = this.replies.ofOwnUnit(viewer, id);
		if (reply.isIssued()) {
			return issuedAlready(id, redirect);
		}
		if (reply.isSubmitted()) {
			log.info("reply {} not saved by {}: it waits for review (recall it first)", id,
					LogSafe.of(viewer.username()));
			return submittedAlready(id, redirect);
		}
		model.addAttribute("canSign", this.replies.canSign(viewer, id));
		Optional<ReplyForm> changed = EditorAction.apply(form, action);
		if (changed.isPresent()) {
			model.addAttribute("unsaved", true);
			return editor(model, reply, changed.get());
		}
		form.check(errors);
		if (errors.hasErrors()) {
			log.info("reply {} not saved by {}: {} invalid field(s), first {}", id, LogSafe.of(viewer.username()),
					errors.getErrorCount(),
					LogSafe.of(errors.getFieldErrors().isEmpty() ? "-" : errors.getFieldErrors().get(0).getField()));
			model.addAttribute("invalid", true);
			return editor(model, reply, form);
		}
		LetterContent content = form.content();
		int saved;
		try {
			saved = this.replies.editDraft(viewer, id, form.versionNumber(), content);
		}
		catch (ConcurrencyFailureException ex) {
			return conflict(id, content, form.versionNumber(), model, response);
		}
		if (SUBMIT.equals(action)) {
			// saved first, then submitted: what the signer reviews is what was typed
			return submitSaved(viewer, id, saved, model, redirect, response);
		}
		if (SIGN.equals(action)) {
			// saved first, then the confirmation page shows exactly that version
			redirect.addFlashAttribute("message", "drafting.editor.savedForSigning");
			return "redirect:/workspace/unit/replies/" + id + "/issue";
		}
		redirect.addFlashAttribute("message", "drafting.editor.saved");
		return "redirect:/workspace/unit/replies/" + id + "/edit";
	}

	/**
	 * 提交审核 from the preview (nothing unsaved there): the draft waits for a 签发人 and is no
	 * longer edited until it is recalled or returned.
	 */
	@PostMapping("/workspace/unit/replies/{id:[0-9]{1,18}}/submit")
	String submit(@PathVariable long id, @RequestParam("version") int version, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Viewer viewer = this.access.currentViewer();
		ReplyView reply = this.replies.ofOwnUnit(viewer, id);
		if (reply.isIssued()) {
			return issuedAlready(id, redirect);
		}
		if (reply.isSubmitted()) {
			return submittedAlready(id, redirect);
		}
		return submitSaved(viewer, id, version, model, redirect, response);
	}

	private String submitSaved(Viewer viewer, long id, int version, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			this.replies.submit(viewer, id, version);
		}
		catch (ConcurrencyFailureException ex) {
			return conflict(id, null, version, model, response);
		}
		log.info("reply {} submitted for review by {}", id, LogSafe.of(viewer.username()));
		redirect.addFlashAttribute("message", "drafting.review.submitted");
		return "redirect:/workspace/unit/replies/" + id + "/preview";
	}

	/** 撤回: the unit takes its submitted draft back to edit it (待审核 → 起草). */
	@PostMapping("/workspace/unit/replies/{id:[0-9]{1,18}}/recall")
	String recall(@PathVariable long id, @RequestParam("version") int version, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Viewer viewer = this.access.currentViewer();
		ReplyView reply = this.replies.ofOwnUnit(viewer, id);
		if (reply.isIssued()) {
			return issuedAlready(id, redirect);
		}
		if (!reply.isSubmitted()) {
			redirect.addFlashAttribute("message", "drafting.review.notSubmitted");
			return "redirect:/workspace/unit/replies/" + id + "/edit";
		}
		try {
			this.replies.recall(viewer, id, version);
		}
		catch (ConcurrencyFailureException ex) {
			return conflict(id, null, version, model, response);
		}
		log.info("reply {} recalled for changes by {}", id, LogSafe.of(viewer.username()));
		redirect.addFlashAttribute("message", "drafting.review.recalled");
		return "redirect:/workspace/unit/replies/" + id + "/edit";
	}

	/**
	 * 退回修改: a 签发人 of the lead unit sends the submitted draft back with a required
	 * comment. Without a comment, or by anyone else, nothing changes.
	 */
	@PostMapping("/workspace/unit/replies/{id:[0-9]{1,18}}/return")
	String returnForChanges(@PathVariable long id, @RequestParam("version") int version,
			@RequestParam(name = "comment", required = false) String comment, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Viewer viewer = this.access.currentViewer();
		ReplyView reply = this.replies.ofOwnUnit(viewer, id);
		if (reply.isIssued()) {
			return issuedAlready(id, redirect);
		}
		if (!this.replies.canSign(viewer, id)) {
			return refused(viewer, reply, "return", "drafting.review.notSigner", model, response);
		}
		if (!reply.isSubmitted()) {
			redirect.addFlashAttribute("message", "drafting.review.notSubmitted");
			return "redirect:/workspace/unit/replies/" + id + "/preview";
		}
		String text = (comment != null) ? comment.strip() : "";
		String error = text.isEmpty() ? "drafting.review.commentRequired"
				: (text.length() > ReplyService.MAX_REVIEW_COMMENT) ? "drafting.review.commentTooLong" : null;
		if (error != null) {
			log.info("return of reply {} refused for {}: {}", id, LogSafe.of(viewer.username()), error);
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("commentError", error);
			model.addAttribute("comment", text);
			return preview(viewer, reply, model);
		}
		try {
			this.replies.returnForChanges(viewer, id, version, text);
		}
		catch (ConcurrencyFailureException ex) {
			return conflict(id, null, version, model, response);
		}
		log.info("reply {} returned for changes by {}", id, LogSafe.of(viewer.username()));
		redirect.addFlashAttribute("message", "drafting.review.returned");
		return "redirect:/workspace/unit/replies/" + id + "/preview";
	}

	/**
	 * The letter as it will be published, with its review history and what the viewer can
	 * do with it now (submit, recall, return, go to 签发).
	 */
	@GetMapping("/workspace/unit/replies/{id:[0-9]{1,18}}/preview")
	String preview(@PathVariable long id, Model model) {
		Viewer viewer = this.access.currentViewer();
		return preview(viewer, this.replies.ofOwnUnit(viewer, id), model);
	}

	private String preview(Viewer viewer, ReplyView reply, Model model) {
		model.addAttribute("reply", reply);
		model.addAttribute("preview", true);
		model.addAttribute("canSign", !reply.isIssued() && this.replies.canSign(viewer, reply.id()));
		model.addAttribute("maxComment", ReplyService.MAX_REVIEW_COMMENT);
		return PREVIEW_VIEW;
	}

	/**
	 * The 签发 confirmation: the letter exactly as it will be published, with its 签发人, and
	 * a form that issues this version only. Only a 签发人 of the lead unit gets it.
	 */
	@GetMapping("/workspace/unit/replies/{id:[0-9]{1,18}}/issue")
	String confirmIssue(@PathVariable long id, Model model, RedirectAttributes redirect, Locale locale,
			HttpServletResponse response) {
		Viewer viewer = this.access.currentViewer();
		ReplyView reply = this.replies.ofOwnUnit(viewer, id);
		if (reply.isIssued()) {
			return issuedAlready(id, redirect);
		}
		if (!this.replies.canSign(viewer, id)) {
			return refused(viewer, reply, "open the 签发 page of", "drafting.review.notSigner", model, response);
		}
		if (reply.resultClass() == null || reply.sections().isEmpty()) {
			redirect.addFlashAttribute("message", "drafting.issue.incomplete");
			return "redirect:/workspace/unit/replies/" + id + "/edit";
		}
		String name = this.replies.lastSignerName(viewer).orElse("");
		return confirmation(reply, name, null, this.replies.issueRefusal(reply.proposal().id(), locale).orElse(null),
				model);
	}

	private static String confirmation(ReplyView reply, String signerName, String signerError, String gateRefusal,
			Model model) {
		model.addAttribute("reply", reply);
		model.addAttribute("preview", true);
		model.addAttribute("confirming", true);
		model.addAttribute("signerName", signerName);
		model.addAttribute("signerError", signerError);
		model.addAttribute("gateRefusal", gateRefusal);
		model.addAttribute("maxSignerName", Reply.MAX_SIGNER_NAME);
		return CONFIRM_VIEW;
	}

	/**
	 * 签发, as confirmed on the confirmation page: the reply gets its 索引号 and its text is
	 * fixed with its 签发人. Only the version the page showed is issued: if the draft
	 * changed since (an edit, a recall, a second 签发), the conflict page (409) says so and
	 * nothing changes. A drafter, or a signer of another unit, is refused (403). Sent
	 * twice (one after the other, or at once) it issues once.
	 */
	@PostMapping("/workspace/unit/replies/{id:[0-9]{1,18}}/issue")
	String issue(@PathVariable long id, @RequestParam("version") int version,
			@RequestParam(name = "signerName", required = false) String signerName, Model model,
			RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
		Viewer viewer = this.access.currentViewer();
		ReplyView reply = this.replies.ofOwnUnit(viewer, id);
		if (reply.isIssued()) {
			// a second 签发 of the same form: the conflict page names the 索引号 it got
			return conflict(id, null, version, model, response);
		}
		if (!this.replies.canSign(viewer, id)) {
			return refused(viewer, reply, "issue", "drafting.review.notSigner", model, response);
		}
		if (reply.resultClass() == null || reply.sections().isEmpty()) {
			redirect.addFlashAttribute("message", "drafting.issue.incomplete");
			return "redirect:/workspace/unit/replies/" + id + "/edit";
		}
		String name = (signerName != null) ? signerName.strip() : "";
		String nameError = name.isEmpty() ? "drafting.issue.signerRequired"
				: (name.length() > Reply.MAX_SIGNER_NAME) ? "drafting.issue.signerTooLong" : null;
		if (reply.version() != version) {
			return conflict(id, null, version, model, response);
		}
		if (nameError != null) {
			log.info("issue of reply {} refused for {}: {}", id, LogSafe.of(viewer.username()), nameError);
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return confirmation(reply, name, nameError, null, model);
		}
		try {
			ReplyView issued = this.replies.issue(viewer, id, version, name, locale);
			redirect.addFlashAttribute("message", "drafting.issue.done");
			redirect.addFlashAttribute("messageArgs", List.of(issued.indexNumber()));
		}
		catch (ConcurrencyFailureException ex) {
			return conflict(id, null, version, model, response);
		}
		catch (IssueRefusedException ex) {
			log.info("issue of reply {} refused for {} by a gate: {}", id, LogSafe.of(viewer.username()),
					LogSafe.of(ex.getMessage()));
			response.setStatus(HttpStatus.CONFLICT.value());
			return confirmation(reply, name, null, ex.getMessage(), model);
		}
		catch (AccessDeniedException ex) {
			return refused(viewer, reply, "issue", "drafting.review.notSigner", model, response);
		}
		return "redirect:/workspace/unit/replies/" + id + "/preview";
	}

	/**
	 * A drafter (经办人) or anyone else who may not sign: 403 with the letter and the
	 * reason, logged and audited, nothing changed.
	 */
	private String refused(Viewer viewer, ReplyView reply, String what, String messageKey, Model model,
			HttpServletResponse response) {
		log.info("{} may not {} reply {}: not a 签发人 of its lead unit", LogSafe.of(viewer.username()), what, reply.id());
		this.audit.record(viewer.username(), "ACCESS_DENIED", "reply:" + reply.id(), what, null);
		response.setStatus(HttpStatus.FORBIDDEN.value());
		model.addAttribute("refusal", messageKey);
		return preview(viewer, reply, model);
	}

	/**
	 * 更正: the issued letter in the editor, with a required correction note (更正说明) that is
	 * published with it. A draft has no correction (its editor opens instead).
	 */
	@GetMapping("/workspace/unit/replies/{id:[0-9]{1,18}}/correction")
	String correction(@PathVariable long id, Model model) {
		ReplyView reply = this.replies.ofOwnUnit(this.access.currentViewer(), id);
		if (!reply.isIssued()) {
			return "redirect:/workspace/unit/replies/" + id + "/edit";
		}
		return corrector(model, reply, ReplyForm.of(reply), "");
	}

	/**
	 * Publishes a correction: the new text, the 索引号 and issue time kept, the note shown
	 * on the letter with its date, the text before kept in the history. Structural
	 * buttons work as in the editor; an empty or too long note, an invalid field or a
	 * stale version changes nothing. The disclosure is not changed here (see the
	 * disclosure page).
	 */
	@PostMapping("/workspace/unit/replies/{id:[0-9]{1,18}}/correction")
	String correct(@PathVariable long id, @Valid @ModelAttribute("form") ReplyForm form, BindingResult errors,
			@RequestParam(name = "correctionNote", required = false) String correctionNote,
			@RequestParam(name = "action", required = false) String action, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Viewer viewer = this.access.currentViewer();
		ReplyView reply = this.replies.ofOwnUnit(viewer, id);
		if (!reply.isIssued()) {
			return "redirect:/workspace/unit/replies/" + id + "/edit";
		}
		String note = (correctionNote != null) ? correctionNote.strip() : "";
		Optional<ReplyForm> changed = EditorAction.apply(form, action);
		if (changed.isPresent()) {
			model.addAttribute("unsaved", true);
			return corrector(model, reply, changed.get(), note);
		}
		form.check(errors);
		if (!errors.hasFieldErrors("resultClass") && form.resultClass().isEmpty()) {
			ReplyForm.reject(errors, "resultClass", form.resultClass(), "drafting.validation.required");
		}
		if (form.sections().isEmpty()) {
			ReplyForm.reject(errors, "sections", null, "drafting.correction.sectionsRequired");
		}
		String noteError = note.isEmpty() ? "drafting.correction.noteRequired"
				: (note.length() > MAX_NOTE) ? "drafting.correction.noteTooLong" : null;
		if (errors.hasErrors() || noteError != null) {
			log.info("correction of reply {} refused for {}: {} invalid field(s), note {}", id,
					LogSafe.of(viewer.username()), errors.getErrorCount(), (noteError != null) ? noteError : "ok");
			model.addAttribute("invalid", true);
			model.addAttribute("noteError", noteError);
			return corrector(model, reply, form, note);
		}
		LetterContent typed = form.content();
		// the disclosure stays as it is: withdrawing has its own page, reason and audit
		LetterContent content = new LetterContent(typed.writtenOn(), typed.signedOn(), reply.disclosureMode(),
				reply.disclosureReason(), typed.catalogCategory(), typed.addressee(), typed.opening(), typed.closing(),
				typed.issuer(), typed.resultClass(), typed.sections());
		try {
			this.replies.correct(viewer, id, form.versionNumber(), content, note);
		}
		catch (ConcurrencyFailureException ex) {
			model.addAttribute("correcting", true);
			return conflict(id, content, form.versionNumber(), model, response);
		}
		redirect.addFlashAttribute("message", "drafting.correction.done");
		return "redirect:/workspace/unit/replies/" + id + "/preview";
	}

	private static String corrector(Model model, ReplyView reply, ReplyForm form, String note) {
		model.addAttribute("correcting", true);
		model.addAttribute("correctionNote", note);
		model.addAttribute("maxNote", MAX_NOTE);
		return editor(model, reply, form);
	}

	private String conflict(long id, LetterContent submitted, int submittedVersion, Model model,
			HttpServletResponse response) {
		ReplyView stored = this.replies.ofOwnUnit(this.access.currentViewer(), id);
		log.info("reply {}: stale save from version {} refused, stored version {}", id, submittedVersion,
				stored.version());
		return Views.conflict(model, response,
				ReplyConflict.of(stored, submitted, submittedVersion, model.containsAttribute("correcting")));
	}

	private static String submittedAlready(long id, RedirectAttributes redirect) {
		redirect.addFlashAttribute("message", "drafting.review.locked");
		return "redirect:/workspace/unit/replies/" + id + "/preview";
	}

	private static String issuedAlready(long id, RedirectAttributes redirect) {
		redirect.addFlashAttribute("message", "drafting.editor.issued");
		return "redirect:/workspace/unit/replies/" + id + "/preview";
	}

	private static String editor(Model model, ReplyView reply, ReplyForm form) {
		model.addAttribute("reply", reply);
		model.addAttribute("form", form);
		model.addAttribute("disclosureModes", DisclosureMode.values());
		model.addAttribute("resultClasses", ResultClass.values());
		model.addAttribute("sectionKinds", SectionKind.values());
		model.addAttribute("figureKinds", FigureKind.values());
		return EDITOR_VIEW;
	}

}
