package org.dafu.importing.web;

import org.dafu.importing.ImportRefusedException;
import org.dafu.importing.ImportService;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.dafu.access.AccessPolicy;
import org.dafu.access.Viewer;
import org.dafu.letter.LetterFormatException;
import org.dafu.platform.web.LogSafe;
import org.dafu.platform.web.forms.Flash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The official's import: paste or upload a letter, check and correct the preview, confirm
 * to save it as a draft reply of their unit. The preview writes nothing; its form carries
 * the whole state to the confirm step.
 */
@Controller
class ImportController {

	static final String START_VIEW = "importing/start";

	/** More than any list of the form holds (60 sections, 100 figures a section). */
	private static final int MAX_INDEX = 99;

	private static final Pattern LIST_INDEX = Pattern.compile("\\[(\\d+)]");

	private static final Logger log = LoggerFactory.getLogger(ImportController.class);

	private final ImportService imports;

	private final ImportPreviews previews;

	private final AccessPolicy access;

	ImportController(ImportService imports, ImportPreviews previews, AccessPolicy access) {
		this.imports = imports;
		this.previews = previews;
		this.access = access;
	}

	/**
	 * The form is a record bound by its constructor only: nothing is set on it after it
	 * is built (the entries it drops, e.g. the gaps of {@code sections[1]} without
	 * {@code sections[0]}, are not looked for again). List indexes past what the form can
	 * hold are refused before binding, which would otherwise fail on them or build huge
	 * lists.
	 */
	@InitBinder("form")
	void constructorOnly(WebDataBinder binder, HttpServletRequest request) {
		binder.setDeclarativeBinding(true);
		for (String name : request.getParameterMap().keySet()) {
			Matcher m = LIST_INDEX.matcher(name);
			while (m.find()) {
				if (m.group(1).length() > 3 || Integer.parseInt(m.group(1)) > MAX_INDEX) {
					log.info("import form refused: index too large in {}", LogSafe.of(name));
					throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "index too large");
				}
			}
		}
	}

	@GetMapping("/workspace/unit/import")
	String start(Model model) {
		model.addAttribute("maxMegabytes", Uploads.megabytes(this.imports.maxBytes()));
		return START_VIEW;
	}

	@PostMapping("/workspace/unit/import/preview")
	String preview(@RequestParam(name = "text", required = false) String text,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model,
			HttpServletResponse response) {
		ImportPreviews.Read read;
		try {
			read = this.previews.read(text, file);
		}
		catch (LetterFormatException ex) {
			if (text != null && !ex.code().equals(LetterFormatException.TOO_LARGE)) {
				// the official corrects the pasted text instead of pasting it again
				model.addAttribute("text", text);
			}
			return refused(model, response, ex.code(), (file != null) ? file.getOriginalFilename() : null);
		}
		catch (IOException ex) {
			return refused(model, response, LetterFormatException.BINARY, file.getOriginalFilename());
		}
		return this.previews.show(model, this.access.currentViewer(), read.form(), read.letter(), null);
	}

	/**
	 * Saves the corrected preview. Checked without the rows the official emptied, with
	 * the letter editor's limits; an invalid form or a refusal shows the preview again.
	 */
	@PostMapping("/workspace/unit/import/confirm")
	String confirm(@ModelAttribute("form") ImportForm posted, BindingResult binding, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		if (posted == null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "no form");
		}
		Viewer viewer = this.access.currentViewer();
		ImportForm form = posted.withoutBlanks();
		BindingResult errors = this.previews.check(form, binding);
		if (errors.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return this.previews.show(model, viewer, form, errors);
		}
		long replyId;
		try {
			replyId = this.imports.confirm(viewer, form.toCommand());
		}
		catch (ImportRefusedException ex) {
			log.info("import refused for {}: {}", LogSafe.of(viewer.username()), ex.code());
			response.setStatus(ex.code().equals(ImportRefusedException.DUPLICATE_INDEX_NUMBER)
					? HttpServletResponse.SC_CONFLICT : HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("refusal", "importing.refused." + ex.code());
			model.addAttribute("refusalArgs", ex.args());
			return this.previews.show(model, viewer, form, errors);
		}
		log.info("letter imported by {} as draft {}", LogSafe.of(viewer.username()), replyId);
		Flash.notice(redirect, "importing.confirmed");
		return "redirect:/workspace/unit/replies/" + replyId + "/edit";
	}

	private String refused(Model model, HttpServletResponse response, String code, String filename) {
		log.info("import input refused: {} (file {})", code, LogSafe.of(filename));
		response.setStatus(
				(code.equals(LetterFormatException.TOO_LARGE) || code.equals(LetterFormatException.TEXT_TOO_LARGE))
						? HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE : HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("error", "importing.error." + code);
		return start(model);
	}

}
