package org.dafu.unit.web;

import org.dafu.platform.web.forms.Conflict;
import org.dafu.platform.web.forms.Flash;
import org.dafu.platform.web.forms.FormErrors;
import org.dafu.platform.web.forms.Views;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.dafu.unit.UnitRefusedException;
import org.dafu.unit.UnitService;
import org.dafu.unit.UnitView;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Coordinators list, create, edit, deactivate and reactivate handling units. The unit's
 * rules (name and organisation code each one unit's, the code 6 to 30 digits or capital
 * letters) are the service's: a refusal comes back beside its field.
 */
@Controller
@RequestMapping("/workspace/coordinator/units")
class UnitAdminController {

	static final String LIST_VIEW = "unit/units";

	static final String FORM_VIEW = "unit/unit-form";

	private static final String REDIRECT_LIST = "redirect:/workspace/coordinator/units";

	private static final String FORM = "coordinationForm";

	private final UnitService units;

	UnitAdminController(UnitService units) {
		this.units = units;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("units", this.units.units());
		return LIST_VIEW;
	}

	@GetMapping("/new")
	String newUnit(Model model) {
		return form(model, null, UnitForm.empty(), Map.of());
	}

	@PostMapping
	String create(@Valid @ModelAttribute(FORM) UnitForm form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (!binding.hasErrors()) {
			try {
				this.units.create(form.name().strip(), form.orgCode());
				Flash.notice(redirect, "coordination.unit.created");
				return REDIRECT_LIST;
			}
			catch (UnitRefusedException ex) {
				ex.fields().forEach((field, key) -> FormErrors.reject(binding, field, key));
			}
			catch (DataIntegrityViolationException ex) {
				FormErrors.reject(binding, "name", "coordination.unit.duplicate");
			}
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return form(model, null, form, FormErrors.of(binding, "coordination.unit"));
	}

	@GetMapping("/{id:[0-9]{1,18}}/edit")
	String edit(@PathVariable long id, Model model) {
		return form(model, id, UnitForm.of(this.units.unit(id)), Map.of());
	}

	@PostMapping("/{id:[0-9]{1,18}}")
	String update(@PathVariable long id, @Valid @ModelAttribute(FORM) UnitForm form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		this.units.unit(id);
		if (!binding.hasErrors()) {
			try {
				this.units.update(id, Views.version(form.version()), form.name().strip(), form.orgCode());
				Flash.notice(redirect, "coordination.unit.saved");
				return REDIRECT_LIST + "/" + id + "/edit";
			}
			catch (UnitRefusedException ex) {
				ex.fields().forEach((field, key) -> FormErrors.reject(binding, field, key));
			}
			catch (ObjectOptimisticLockingFailureException ex) {
				UnitView stored = this.units.unit(id);
				return Views.conflict(model, response,
						Conflict.of("coordination.conflict.unit", "/workspace/coordinator/units/" + id + "/edit")
							.row("coordination.unit.name", stored.name(), form.name())
							.row("coordination.unit.orgCode", stored.orgCode(), form.orgCode())
							.build());
			}
			catch (DataIntegrityViolationException ex) {
				FormErrors.reject(binding, "name", "coordination.unit.duplicate");
			}
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return form(model, id, form, FormErrors.of(binding, "coordination.unit"));
	}

	@PostMapping("/{id:[0-9]{1,18}}/deactivate")
	String deactivate(@PathVariable long id, RedirectAttributes redirect) {
		this.units.setActive(id, false);
		Flash.notice(redirect, "coordination.unit.deactivated");
		return REDIRECT_LIST + "/" + id + "/edit";
	}

	@PostMapping("/{id:[0-9]{1,18}}/activate")
	String activate(@PathVariable long id, RedirectAttributes redirect) {
		this.units.setActive(id, true);
		Flash.notice(redirect, "coordination.unit.activated");
		return REDIRECT_LIST + "/" + id + "/edit";
	}

	private String form(Model model, Long id, UnitForm form, Map<String, String> errors) {
		model.addAttribute("unitId", id);
		model.addAttribute("unit", (id != null) ? this.units.unit(id) : null);
		model.addAttribute(FORM, form);
		model.addAttribute("errors", errors);
		return FORM_VIEW;
	}

}
