package org.dafu.congress.web;

import org.dafu.platform.web.forms.Conflict;
import org.dafu.platform.web.forms.Flash;
import org.dafu.platform.web.forms.FormErrors;
import org.dafu.platform.web.forms.Texts;
import org.dafu.platform.web.forms.Views;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.dafu.congress.CongressService;
import org.dafu.congress.DeputyView;
import org.dafu.platform.web.Paging;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Coordinators list (paged, by name), create, edit, deactivate and reactivate deputies.
 */
@Controller
@RequestMapping("/workspace/coordinator/deputies")
class DeputyAdminController {

	static final String LIST_VIEW = "congress/deputies";

	static final String FORM_VIEW = "congress/deputy-form";

	private static final String REDIRECT_LIST = "redirect:/workspace/coordinator/deputies";

	private static final String FORM = "coordinationForm";

	private static final int MAX_QUERY = 50;

	private final CongressService congress;

	DeputyAdminController(CongressService congress) {
		this.congress = congress;
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String page, Model model) {
		String query = (q != null) ? q.strip() : "";
		if (query.length() > MAX_QUERY) {
			query = query.substring(0, MAX_QUERY);
		}
		Long pageNumber = Views.id(page);
		Paging paging = Paging.of((pageNumber != null) ? (int) Math.min(pageNumber, Paging.MAX_PAGE) : 1, null);
		model.addAttribute("q", query);
		model.addAttribute("deputies", this.congress.deputies(query, paging));
		return LIST_VIEW;
	}

	@GetMapping("/new")
	String newDeputy(Model model) {
		return form(model, null, DeputyForm.empty(), Map.of());
	}

	@PostMapping
	String create(@Valid @ModelAttribute(FORM) DeputyForm form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return form(model, null, form, FormErrors.of(binding, "coordination.deputy"));
		}
		this.congress.createDeputy(form.name().strip(), Texts.clean(form.delegation()));
		Flash.notice(redirect, "coordination.deputy.created");
		redirect.addAttribute("q", form.name().strip());
		return REDIRECT_LIST;
	}

	@GetMapping("/{id:[0-9]{1,18}}/edit")
	String edit(@PathVariable long id, Model model) {
		return form(model, id, DeputyForm.of(this.congress.deputy(id)), Map.of());
	}

	@PostMapping("/{id:[0-9]{1,18}}")
	String update(@PathVariable long id, @Valid @ModelAttribute(FORM) DeputyForm form, BindingResult binding,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		this.congress.deputy(id);
		if (binding.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return form(model, id, form, FormErrors.of(binding, "coordination.deputy"));
		}
		try {
			this.congress.updateDeputy(id, Views.version(form.version()), form.name().strip(),
					Texts.clean(form.delegation()));
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			DeputyView stored = this.congress.deputy(id);
			return Views.conflict(model, response,
					Conflict.of("coordination.conflict.deputy", "/workspace/coordinator/deputies/" + id + "/edit")
						.row("coordination.deputy.name", stored.name(), form.name())
						.row("coordination.deputy.delegation", stored.delegation(), form.delegation())
						.build());
		}
		Flash.notice(redirect, "coordination.deputy.saved");
		return REDIRECT_LIST + "/" + id + "/edit";
	}

	@PostMapping("/{id:[0-9]{1,18}}/deactivate")
	String deactivate(@PathVariable long id, RedirectAttributes redirect) {
		this.congress.setDeputyActive(id, false);
		Flash.notice(redirect, "coordination.deputy.deactivated");
		return REDIRECT_LIST + "/" + id + "/edit";
	}

	@PostMapping("/{id:[0-9]{1,18}}/activate")
	String activate(@PathVariable long id, RedirectAttributes redirect) {
		this.congress.setDeputyActive(id, true);
		Flash.notice(redirect, "coordination.deputy.activated");
		return REDIRECT_LIST + "/" + id + "/edit";
	}

	private String form(Model model, Long id, DeputyForm form, Map<String, String> errors) {
		model.addAttribute("deputyId", id);
		model.addAttribute("deputy", (id != null) ? this.congress.deputy(id) : null);
		model.addAttribute(FORM, form);
		model.addAttribute("errors", errors);
		return FORM_VIEW;
	}

}
