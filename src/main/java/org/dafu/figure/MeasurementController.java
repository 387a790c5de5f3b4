package org.dafu.figure;

import jakarta.validation.Valid;

import org.dafu.access.AccessPolicy;

import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Unit officials record a measurement of one of their unit's targets. */
@Controller
class MeasurementController {

	private final MeasurementService measurements;

	private final AccessPolicy access;

	MeasurementController(MeasurementService measurements, AccessPolicy access) {
		this.measurements = measurements;
		this.access = access;
	}

	@PostMapping("/workspace/unit/figures/{id:[0-9]{1,18}}/measurements")
	String record(@PathVariable long id, @Valid @ModelAttribute("measurement") MeasurementForm form,
			BindingResult binding, RedirectAttributes redirect) {
		this.measurements.checkRecordable(this.access.currentViewer(), id);
		if (binding.hasErrors()) {
			redirect.addFlashAttribute("measurementError", true);
		}
		else {
			this.measurements.record(this.access.currentViewer(), id, form);
			redirect.addFlashAttribute("measurementSaved", true);
		}
		return "redirect:/figures/" + id + "#record";
	}

}
