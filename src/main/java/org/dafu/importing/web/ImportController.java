package org.dafu.importing.web;

import org.dafu.importing.ImportRefusedException;
import org.dafu.importing.ImportService;
import org.dafu.importing.ImportSource;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.dafu.access.AccessPolicy;
import org.dafu.access.Viewer;
import org.dafu.letter.LetterFormatException;
import org.dafu.letter.LetterParser;
import org.dafu.letter.LetterWarning;
import org.dafu.letter.ParsedLetter;
import org.dafu.platform.web.LogSafe;
import org.dafu.platform.web.forms.Flash;
import org.dafu.reply.DisclosureMode;
import org.dafu.reply.FigureKind;
import org.dafu.reply.ResultClass;
import org.dafu.reply.SectionKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
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

	static final String PREVIEW_VIEW = "importing/preview";

	/** More than any list of the form holds (60 sections, 250 figures). */
	private static final int MAX_INDEX = 255;

	private static final Pattern LIST_INDEX = Pattern.compile("\\[(\\d+)]");

	private static final Logger log = LoggerFactory.getLogger(ImportController.class);

	private final ImportService imports;

	private final AccessPolicy access;

	private final LetterParser parser = new LetterParser();

	ImportController(ImportService imports, AccessPolicy access) {
		this.imports = imports;
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
		model.addAttribute("maxMegabytes", megabytes(this.imports.maxBytes()));
		return START_VIEW;
	}

	@PostMapping("/workspace/unit/import/preview")
	String preview(@RequestParam(name = "text", required = false) String text,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model,
			HttpServletResponse response) {
		ImportService.Read read;
		ImportSource source;
		String name = null;
		try {
			if (file != null && !file.isEmpty()) {
				name = safeFilename(file.getOriginalFilename());
				if (file.getSize() > this.imports.maxBytes()) {
					throw new LetterFormatException(LetterFormatException.TOO_LARGE, "too large");
				}
				read = this.imports.parseFile(file.getBytes(), name);
				source = ImportSource.ofFilename(name);
			}
			else if (text != null && !text.isBlank()) {
				read = this.imports.parseText(text);
				source = ImportSource.PASTE;
			}
			else {
				throw new LetterFormatException(LetterFormatException.EMPTY, "empty");
			}
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
		ParsedLetter letter = read.letter();
		Long sessionId = this.imports.sessionMatching(letter.proposal().session()).map((s) -> s.id()).orElse(null);
		ImportForm form = ImportForm.of(letter, sessionId, source, name, read.text());
		return showPreview(model, form, letter.warnings(), Set.of());
	}

	@PostMapping("/workspace/unit/import/confirm")
	String confirm(@Valid @ModelAttribute("form") ImportForm form, BindingResult errors, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		List<LetterWarning> warnings = this.parser.parse(form.originalText()).warnings();
		if (errors.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			Set<String> fields = errors.getFieldErrors().stream().map(FieldError::getField).collect(Collectors.toSet());
			return showPreview(model, form, warnings, fields);
		}
		Viewer viewer = this.access.currentViewer();
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
			return showPreview(model, form, warnings, Set.of());
		}
		log.info("letter imported by {} as draft {}", LogSafe.of(viewer.username()), replyId);
		Flash.notice(redirect, "importing.confirmed");
		return "redirect:/workspace/unit/replies/" + replyId + "/edit";
	}

	private String showPreview(Model model, ImportForm form, List<LetterWarning> warnings, Set<String> errorFields) {
		Viewer viewer = this.access.currentViewer();
		model.addAttribute("form", form);
		model.addAttribute("warnings", warnings);
		Set<Integer> flagged = flagged(form, warnings);
		model.addAttribute("flagged", flagged);
		model.addAttribute("errorFields", errorFields);
		model.addAttribute("layout", PreviewLayout.of(form, warnings, flagged, errorFields));
		model.addAttribute("invalidFigures", indexes(errorFields, "figures"));
		model.addAttribute("sessions", this.imports.sessions());
		model.addAttribute("proposalMatch", this.imports.proposalMatch(viewer, form.sessionId(), form.number()));
		model.addAttribute("indexNumberCheck", this.imports.indexNumberCheck(viewer, form.indexNumber()));
		model.addAttribute("modes", DisclosureMode.values());
		model.addAttribute("resultClasses", ResultClass.values());
		model.addAttribute("sectionKinds", SectionKind.values());
		model.addAttribute("figureKinds", FigureKind.values());
		return PREVIEW_VIEW;
	}

	private String refused(Model model, HttpServletResponse response, String code, String filename) {
		log.info("import input refused: {} (file {})", code, LogSafe.of(filename));
		response.setStatus(
				(code.equals(LetterFormatException.TOO_LARGE) || code.equals(LetterFormatException.TEXT_TOO_LARGE))
						? HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE : HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("error", "importing.error." + code);
		return start(model);
	}

	/**
	 * The figure rows a warning points at (a part without its region): same section,
	 * value and unit.
	 */
	static Set<Integer> flagged(ImportForm form, List<LetterWarning> warnings) {
		Set<Integer> rows = new HashSet<>();
		for (LetterWarning warning : warnings) {
			if (!warning.code().equals(LetterWarning.REGION_MISSING) || warning.args().size() < 2) {
				continue;
			}
			for (int i = 0; i < form.figures().size(); i++) {
				ImportForm.FigureForm figure = form.figures().get(i);
				if (figure.value() != null && figure.value().toPlainString().equals(warning.args().get(0))
						&& warning.args().get(1).equals(figure.unit())
						&& (warning.section() == null || warning.section().equals(figure.section()))
						&& (figure.region() == null || figure.region().isBlank())) {
					rows.add(i);
				}
			}
		}
		return rows;
	}

	/** The row indexes of {@code list[i].…} fields with errors. */
	private static Set<Integer> indexes(Set<String> fields, String list) {
		Set<Integer> rows = new HashSet<>();
		Pattern row = Pattern.compile("^" + list + "\\[(\\d{1,4})]");
		for (String field : fields) {
			Matcher matcher = row.matcher(field);
			if (matcher.find()) {
				rows.add(Integer.valueOf(matcher.group(1)));
			}
		}
		return rows;
	}

	/** Only the last segment of an uploaded file's name, without control characters. */
	static String safeFilename(String filename) {
		if (filename == null) {
			return null;
		}
		String name = filename.substring(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1);
		name = name.replaceAll("\\p{Cntrl}", "").strip();
		return name.isEmpty() ? null : name.substring(0, Math.min(name.length(), 255));
	}

	static String megabytes(long bytes) {
		return String.valueOf(Math.round(bytes / (1024.0 * 1024.0) * 10) / 10.0).replaceAll("\\.0$", "");
	}

}
