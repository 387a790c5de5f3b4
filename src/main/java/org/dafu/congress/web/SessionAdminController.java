package org.dafu.congress.web;

import org.dafu.platform.web.forms.Conflict;
import org.dafu.platform.web.forms.Flash;
import org.dafu.platform.web.forms.FormErrors;
import org.dafu.platform.web.forms.Views;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.dafu.congress.BodyType;
import org.dafu.congress.CongressLevel;
import org.dafu.congress.CongressRefusedException;
import org.dafu.congress.CongressService;
import org.dafu.congress.SessionView;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Coordinators list, create and edit sessions, and close or reopen their evaluation. A
 * name or numbering another session has is refused by the service, beside its field.
 */
@Controller
@RequestMapping("/workspace/coordinator/sessions")
class SessionAdminController {

	static final String LIST_VIEW = "congress/sessions";

	static final String FORM_VIEW = "congress/session-form";

	private static final String REDIRECT_LIST = "redirect:/workspace/coordinator/sessions";

	private static final String FORM = "coordinationForm";

	private final CongressService congress;

	private final Clock clock;

	SessionAdminController(CongressService congress, Clock clock) {
		this.congress = congress;
		this.clock = clock;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("sessions", this.congress.sessions());
		return LIST_VIEW;
	}

	@GetMapping("/new")
	String newSession(Model model) {
		return form(model, null, SessionForm.empty(LocalDate.now(this.clock).getYear()), Map.of());
	}

	@PostMapping
	String create(@Valid @ModelAttribute(FORM) SessionForm form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (!binding.hasErrors()) {
			try {
				this.congress.createSession(form.bodyType(), form.level(), form.term(), form.sessionNumber(),
						form.year(), form.name().strip());
				Flash.notice(redirect, "coordination.session.created");
				return REDIRECT_LIST;
			}
			catch (CongressRefusedException ex) {
				ex.fields().forEach((field, key) -> FormErrors.reject(binding, field, key));
			}
			catch (DataIntegrityViolationException ex) {
				FormErrors.reject(binding, "name", "coordination.session.duplicate");
			}
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return form(model, null, form, FormErrors.of(binding, "coordination.session"));
	}

	@GetMapping("/{id:[0-9]{1,18}}/edit")
	String edit(@PathVariable long id, Model model) {
		return form(model, id, SessionForm.of(this.congress.session(id)), Map.of());
	}

	@PostMapping("/{id:[0-9]{1,18}}")
	String update(@PathVariable long id, @Valid @ModelAttribute(FORM) SessionForm form, BindingResult binding,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		this.congress.session(id);
		if (!binding.hasErrors()) {
			try {
				this.congress.updateSession(id, Views.version(form.version()), form.bodyType(), form.level(),
						form.term(), form.sessionNumber(), form.year(), form.name().strip());
				Flash.notice(redirect, "coordination.session.saved");
				return REDIRECT_LIST;
			}
			catch (CongressRefusedException ex) {
				ex.fields().forEach((field, key) -> FormErrors.reject(binding, field, key));
			}
			catch (ObjectOptimisticLockingFailureException ex) {
				return Views.conflict(model, response, conflict(this.congress.session(id), form));
			}
			catch (DataIntegrityViolationException ex) {
				FormErrors.reject(binding, "name", "coordination.session.duplicate");
			}
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return form(model, id, form, FormErrors.of(binding, "coordination.session"));
	}

	/** Closes (or reopens) the session's satisfaction evaluation (满意度测评). */
	@PostMapping("/{id:[0-9]{1,18}}/evaluation")
	String evaluation(@PathVariable long id, @RequestParam boolean closed, RedirectAttributes redirect) {
		this.congress.setEvaluationClosed(id, closed);
		Flash.notice(redirect,
				closed ? "coordination.session.evaluationClosed" : "coordination.session.evaluationReopened");
		return REDIRECT_LIST;
	}

	private static Conflict conflict(SessionView stored, SessionForm submitted) {
		return Conflict.of("coordination.conflict.session", "/workspace/coordinator/sessions/" + stored.id() + "/edit")
			.row("coordination.session.bodyType", stored.bodyType(), submitted.bodyType(), "coordination.bodyType.")
			.row("coordination.session.level", stored.level(), submitted.level(), "coordination.level.")
			.row("coordination.session.term", stored.term(), submitted.term())
			.row("coordination.session.sessionNumber", stored.sessionNumber(), submitted.sessionNumber())
			.row("coordination.session.year", stored.year(), submitted.year())
			.row("coordination.session.name", stored.name(), submitted.name())
			.build();
	}

	private String form(Model model, Long id, SessionForm form, Map<String, String> errors) {
		model.addAttribute("sessionId", id);
		model.addAttribute(FORM, form);
		model.addAttribute("errors", errors);
		model.addAttribute("bodyTypes", BodyType.values());
		model.addAttribute("levels", CongressLevel.values());
		return FORM_VIEW;
	}

}
