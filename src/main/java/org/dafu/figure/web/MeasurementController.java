package org.dafu.figure.web;

import org.dafu.figure.FigureQueries;
import org.dafu.figure.MeasurementForm;
import org.dafu.figure.MeasurementService;
import org.dafu.figure.TargetView;

import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;

import org.dafu.access.AccessPolicy;
import org.dafu.access.Viewer;
import org.dafu.platform.web.NotFoundException;
import org.dafu.platform.web.forms.Flash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Unit officials record measurements of their unit's targets, and confirm or unlink the
 * values their replies stated; coordinators ask a unit for a measurement.
 */
@Controller
class MeasurementController {

	private static final Logger log = LoggerFactory.getLogger(MeasurementController.class);

	static final String UNIT_VIEW = "figure/unit";

	/** The form's fields, in the order their problems are reported. */
	private static final List<String> FIELDS = List.of("measuredOn", "value", "period", "source", "note");

	private final MeasurementService measurements;

	private final FigureQueries figures;

	private final AccessPolicy access;

	private final MessageSource messages;

	MeasurementController(MeasurementService measurements, FigureQueries figures, AccessPolicy access,
			MessageSource messages) {
		this.measurements = measurements;
		this.figures = figures;
		this.access = access;
		this.messages = messages;
	}

	/**
	 * The unit's targets, their progress, and the stated values waiting to be confirmed.
	 */
	@GetMapping("/workspace/unit/figures")
	String unitTargets(Model model) {
		Viewer viewer = this.access.currentViewer();
		model.addAttribute("targets", this.figures.unitTargets(viewer.unitId(), 200));
		model.addAttribute("pending", this.figures.pendingLinks(viewer.unitId()));
		return UNIT_VIEW;
	}

	@PostMapping("/workspace/unit/figures/{id:[0-9]{1,18}}/measurements")
	String record(@PathVariable long id, @Valid @ModelAttribute("measurement") MeasurementForm form,
			BindingResult binding, RedirectAttributes redirect) {
		this.measurements.checkRecordable(this.access.currentViewer(), id);
		if (binding.hasErrors()) {
			List<String> problems = FIELDS.stream()
				.filter((field) -> binding.getFieldError(field) != null)
				.map((field) -> "figure.record.invalid." + field)
				.toList();
			log.info("measurement of figure {} refused: fields {}", id,
					binding.getFieldErrors().stream().map(FieldError::getField).distinct().toList());
			redirect.addFlashAttribute("measurementError", true);
			redirect.addFlashAttribute("measurementProblems", problems);
		}
		else {
			this.measurements.record(this.access.currentViewer(), id, form);
			redirect.addFlashAttribute("measurementSaved", true);
		}
		return "redirect:/figures/" + id + "#record";
	}

	@PostMapping("/workspace/unit/figures/{id:[0-9]{1,18}}/measurements/{measurementId:[0-9]{1,18}}/confirm")
	String confirm(@PathVariable long id, @PathVariable long measurementId, RedirectAttributes redirect) {
		this.measurements.confirm(this.access.currentViewer(), id, measurementId);
		Flash.notice(redirect, "figure.stated.confirmed");
		return "redirect:/figures/" + id + "#history";
	}

	@PostMapping("/workspace/unit/figures/{id:[0-9]{1,18}}/measurements/{measurementId:[0-9]{1,18}}/unlink")
	String unlink(@PathVariable long id, @PathVariable long measurementId, RedirectAttributes redirect) {
		this.measurements.unlink(this.access.currentViewer(), id, measurementId);
		Flash.notice(redirect, "figure.stated.unlinked");
		return "redirect:/figures/" + id + "#history";
	}

	@PostMapping("/workspace/coordinator/figures/{id:[0-9]{1,18}}/measurement-request")
	String request(@PathVariable long id, RedirectAttributes redirect) {
		Viewer viewer = this.access.currentViewer();
		TargetView target = this.figures.figure(viewer, id)
			.filter(TargetView::isTarget)
			.orElseThrow(() -> new NotFoundException("target", id));
		String label = this.messages.getMessage("figure.request.label",
				new Object[] { target.subject(), target.valueText() + target.unit() }, Locale.SIMPLIFIED_CHINESE);
		this.measurements.request(viewer, id, label);
		Flash.notice(redirect, "figure.request.sent");
		return "redirect:/figures/" + id + "#request";
	}

}
