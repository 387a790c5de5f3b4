package org.dafu.importing.web;

import org.dafu.importing.ImportService;
import org.dafu.importing.ImportSource;

import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Validator;

import org.dafu.access.Viewer;
import org.dafu.letter.LetterFormatException;
import org.dafu.letter.LetterParser;
import org.dafu.letter.ParsedLetter;
import org.dafu.reply.DisclosureMode;
import org.dafu.reply.FigureKind;
import org.dafu.reply.ResultClass;
import org.dafu.reply.SectionKind;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.multipart.MultipartFile;

/**
 * The import page's work between request and view: reading what was pasted or uploaded
 * into a first form, checking a posted form, and the preview's model (the form, its
 * warnings and layout, and what the official may choose from).
 */
@Component
class ImportPreviews {

	static final String PREVIEW_VIEW = "importing/preview";

	private final ImportService imports;

	private final SpringValidatorAdapter validator;

	private final LetterParser parser = new LetterParser();

	ImportPreviews(ImportService imports, Validator validator) {
		this.imports = imports;
		this.validator = new SpringValidatorAdapter(validator);
	}

	/**
	 * The form of an uploaded file or, without one, of the pasted text.
	 * @throws LetterFormatException when there is nothing to read, or it is no letter
	 */
	Read read(String text, MultipartFile file) throws IOException {
		if (file != null && !file.isEmpty()) {
			String name = Uploads.safeFilename(file.getOriginalFilename());
			return formOf(Uploads.readFile(this.imports, file), ImportSource.ofFilename(name), name);
		}
		if (text != null && !text.isBlank()) {
			return formOf(this.imports.parseText(text), ImportSource.PASTE, null);
		}
		throw new LetterFormatException(LetterFormatException.EMPTY, "empty");
	}

	private Read formOf(ImportService.Read read, ImportSource source, String name) {
		ParsedLetter letter = read.letter();
		Long sessionId = this.imports.sessionMatching(letter.proposal().session()).map((s) -> s.id()).orElse(null);
		return new Read(ImportForm.of(letter, sessionId, source, name, read.text()), letter);
	}

	/**
	 * The errors of a posted form once emptied rows are dropped: the binding's, the
	 * form's constraints (those of the letter editor) and its rules across fields.
	 */
	BindingResult check(ImportForm form, BindingResult binding) {
		BindingResult errors = new BeanPropertyBindingResult(form, binding.getObjectName());
		errors.addAllErrors(binding);
		this.validator.validate(form, errors);
		form.check(errors);
		return errors;
	}

	/** The preview of a posted form, with the errors of the post. */
	String show(Model model, Viewer viewer, ImportForm form, BindingResult errors) {
		return show(model, viewer, form, this.parser.parse(form.originalText()), errors);
	}

	/** The preview of a form and the letter it was read from. */
	String show(Model model, Viewer viewer, ImportForm form, ParsedLetter letter, BindingResult errors) {
		Set<String> errorFields = (errors != null)
				? errors.getFieldErrors().stream().map(FieldError::getField).collect(Collectors.toSet()) : Set.of();
		if (errors != null) {
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", errors);
		}
		model.addAttribute("form", form);
		model.addAttribute("warnings", letter.warnings());
		model.addAttribute("errorFields", errorFields);
		model.addAttribute("layout", PreviewLayout.of(form, letter, errorFields));
		model.addAttribute("sessions", this.imports.sessions());
		model.addAttribute("proposalMatch", this.imports.proposalMatch(viewer, form.sessionId(), form.number()));
		model.addAttribute("indexNumberCheck", this.imports.indexNumberCheck(viewer, form.indexNumber()));
		model.addAttribute("modes", DisclosureMode.values());
		model.addAttribute("resultClasses", ResultClass.values());
		model.addAttribute("sectionKinds", SectionKind.values());
		model.addAttribute("figureKinds", FigureKind.values());
		return PREVIEW_VIEW;
	}

	/** A letter as read, and its first form. */
	record Read(ImportForm form, ParsedLetter letter) {
	}

}
