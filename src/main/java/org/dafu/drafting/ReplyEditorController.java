package org.dafu.drafting;

import java.util.List;
import java.util.Optional;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.dafu.access.AccessPolicy;
import org.dafu.access.Viewer;
import org.dafu.platform.web.LogSafe;
import org.dafu.reply.DisclosureMode;
import org.dafu.reply.FigureKind;
import org.dafu.reply.LetterContent;
import org.dafu.reply.ReplyService;
import org.dafu.reply.ReplyView;
import org.dafu.reply.ResultClass;
import org.dafu.reply.SectionKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
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

	static final String EDITOR_VIEW = "drafting/editor";

	static final String PREVIEW_VIEW = "drafting/preview";

	static final String CONFLICT_VIEW = "drafting/conflict";

	private static final Pattern INDEX = Pattern.compile("\\[([0-9]+)]");

	private static final int MAX_INDEX = 99;

	/** The longest correction note (the column's length). */
	static final int MAX_NOTE = 1000;

	private static final Logger log = LoggerFactory.getLogger(ReplyEditorController.class);

	private final ReplyService replies;

	private final AccessPolicy access;

	private final LetterGreeting greeting;

	ReplyEditorController(ReplyService replies, AccessPolicy access, LetterGreeting greeting) {
		this.replies = replies;
		this.access = access;
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
		ReplyView reply = this.replies.ofOwnUnit(this.access.currentViewer(), id);
		if (reply.isIssued()) {
			return issuedAlready(id, redirect);
		}
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
		try {
			this.replies.editDraft(viewer, id, form.versionNumber(), content);
		}
		catch (ConcurrencyFailureException ex) {
			return conflict(id, content, form.versionNumber(), model, response);
		}
		redirect.addFlashAttribute("message", "drafting.editor.saved");
		return "redirect:/workspace/unit/replies/" + id + "/edit";
	}

	@GetMapping("/workspace/unit/replies/{id:[0-9]{1,18}}/preview")
	String preview(@PathVariable long id, Model model) {
		model.addAttribute("reply", this.replies.ofOwnUnit(this.access.currentViewer(), id));
		model.addAttribute("preview", true);
		return PREVIEW_VIEW;
	}

	/**
	 * 签发: the reply gets its 索引号 and its text is fixed. Sent twice (one after the other,
	 * or at once) it issues once; the other request gets the conflict page (409).
	 */
	@PostMapping("/workspace/unit/replies/{id:[0-9]{1,18}}/issue")
	String issue(@PathVariable long id, @RequestParam("version") int version, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Viewer viewer = this.access.currentViewer();
		ReplyView reply = this.replies.ofOwnUnit(viewer, id);
		if (reply.isIssued()) {
			// a second 签发 of the same form: the conflict page names the 索引号 it got
			return conflict(id, null, version, model, response);
		}
		if (reply.resultClass() == null || reply.sections().isEmpty()) {
			redirect.addFlashAttribute("message", "drafting.issue.incomplete");
			return "redirect:/workspace/unit/replies/" + id + "/edit";
		}
		try {
			ReplyView issued = this.replies.issue(viewer, id, version);
			redirect.addFlashAttribute("message", "drafting.issue.done");
			redirect.addFlashAttribute("messageArgs", List.of(issued.indexNumber()));
		}
		catch (ConcurrencyFailureException ex) {
			return conflict(id, null, version, model, response);
		}
		return "redirect:/workspace/unit/replies/" + id + "/preview";
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
		response.setStatus(HttpStatus.CONFLICT.value());
		model.addAttribute("reply", stored);
		model.addAttribute("submittedVersion", submittedVersion);
		model.addAttribute("rows", ConflictRows.of(stored.content(), submitted));
		return CONFLICT_VIEW;
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
