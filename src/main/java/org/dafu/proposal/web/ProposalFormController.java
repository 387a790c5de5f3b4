package org.dafu.proposal.web;

import org.dafu.platform.web.forms.Flash;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.dafu.congress.CongressService;
import org.dafu.congress.SessionView;
import org.dafu.platform.web.forms.Conflict;
import org.dafu.platform.web.forms.FormErrors;
import org.dafu.platform.web.forms.Views;
import org.dafu.proposal.ProposalRefusedException;
import org.dafu.proposal.ProposalService;
import org.dafu.proposal.ProposalView;

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
 * Registering a proposal and revising it. The form names sessions, deputies and topics by
 * id: ids that name nothing are refused here; the proposal's own rules (a number once per
 * session, the lead deputy not also a co-signer) are the service's.
 */
@Controller
@RequestMapping(ProposalFormController.BASE)
class ProposalFormController {

	static final String BASE = "/workspace/coordinator/proposals";

	static final String FORM_VIEW = "proposal/proposal-form";

	private static final String FORM = "coordinationForm";

	/** Registered once; a revision does not post (or change) them. */
	private static final Set<String> FIXED_ON_REVISION = Set.of("sessionId", "number");

	private final ProposalDesk desk;

	private final ProposalService proposals;

	private final CongressService congress;

	private final ProposalNames names;

	ProposalFormController(ProposalDesk desk, ProposalService proposals, CongressService congress,
			ProposalNames names) {
		this.desk = desk;
		this.proposals = proposals;
		this.congress = congress;
		this.names = names;
	}

	@GetMapping("/new")
	String newProposal(@RequestParam(required = false) String session, Model model) {
		Long sessionId = Views.id(session);
		if (sessionId == null) {
			List<SessionView> sessions = this.congress.sessions();
			sessionId = sessions.isEmpty() ? null : sessions.get(0).id();
		}
		Integer number = (sessionId != null) ? this.proposals.nextNumber(sessionId) : null;
		return form(model, null, ProposalForm.empty(sessionId, number), Map.of());
	}

	@PostMapping
	String register(@Valid @ModelAttribute(FORM) ProposalForm form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		checkReferences(form, binding);
		if (!binding.hasErrors()) {
			try {
				ProposalView created = this.desk.register(form.toRegister());
				Flash.notice(redirect, "coordination.proposal.registered");
				return "redirect:" + BASE + "/" + created.id();
			}
			catch (ProposalRefusedException ex) {
				ex.fields().forEach((field, key) -> FormErrors.reject(binding, field, key));
			}
			catch (DataIntegrityViolationException ex) {
				FormErrors.reject(binding, "number", "coordination.proposal.duplicateNumber");
			}
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return form(model, null, form, FormErrors.of(binding, "coordination.proposal"));
	}

	@GetMapping("/{id:[0-9]{1,18}}/edit")
	String edit(@PathVariable long id, Model model) {
		return form(model, id, ProposalForm.of(this.proposals.proposal(id)), Map.of());
	}

	@PostMapping("/{id:[0-9]{1,18}}")
	String revise(@PathVariable long id, @Valid @ModelAttribute(FORM) ProposalForm form, BindingResult binding,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		ProposalView stored = this.proposals.proposal(id);
		// The session and number stay as registered, whatever was posted.
		ProposalForm fixed = new ProposalForm(stored.sessionId(), stored.number(), form.title(), form.body(),
				form.leadDeputyId(), form.cosignerIds(), form.topicCategoryId(), form.submittedOn(), form.keyProposal(),
				form.version());
		checkReferences(fixed, binding);
		Map<String, String> errors = FormErrors.of(binding, "coordination.proposal", FIXED_ON_REVISION);
		if (errors.isEmpty()) {
			try {
				this.desk.revise(id, Views.version(form.version()), fixed.toRevise());
				Flash.notice(redirect, "coordination.proposal.saved");
				return "redirect:" + BASE + "/" + id;
			}
			catch (ProposalRefusedException ex) {
				ex.fields().forEach((field, key) -> FormErrors.reject(binding, field, key));
				errors = FormErrors.of(binding, "coordination.proposal", FIXED_ON_REVISION);
			}
			catch (ObjectOptimisticLockingFailureException ex) {
				return Views.conflict(model, response, conflict(this.proposals.proposal(id), fixed));
			}
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return form(model, id, fixed, errors);
	}

	/** Every id the form posts names something that exists. */
	private void checkReferences(ProposalForm form, BindingResult binding) {
		if (form.sessionId() != null && !binding.hasFieldErrors("sessionId")
				&& this.congress.sessions().stream().noneMatch((s) -> s.id().equals(form.sessionId()))) {
			FormErrors.reject(binding, "sessionId", "coordination.proposal.sessionId.unknown");
		}
		if (form.leadDeputyId() != null && !binding.hasFieldErrors("leadDeputyId")
				&& this.congress.findDeputy(form.leadDeputyId()).isEmpty()) {
			FormErrors.reject(binding, "leadDeputyId", "coordination.proposal.leadDeputyId.unknown");
		}
		if (!binding.hasFieldErrors("cosignerIds")
				&& form.cosigners().stream().anyMatch((c) -> c == null || this.congress.findDeputy(c).isEmpty())) {
			FormErrors.reject(binding, "cosignerIds", "coordination.proposal.cosignerIds.unknown");
		}
		if (form.topicCategoryId() != null && !binding.hasFieldErrors("topicCategoryId")
				&& this.proposals.topics().stream().noneMatch((t) -> t.id().equals(form.topicCategoryId()))) {
			FormErrors.reject(binding, "topicCategoryId", "coordination.proposal.topicCategoryId.invalid");
		}
	}

	private Conflict conflict(ProposalView stored, ProposalForm submitted) {
		return Conflict.of("coordination.conflict.proposal", BASE + "/" + stored.id() + "/edit")
			.row("coordination.proposal.title", stored.title(), submitted.title())
			.row("coordination.proposal.body", stored.body(), submitted.body())
			.row("coordination.proposal.leadDeputyId", this.names.deputy(stored.leadDeputyId()),
					this.names.deputy(submitted.leadDeputyId()))
			.row("coordination.proposal.cosignerIds", this.names.deputies(stored.cosignerIds()),
					this.names.deputies(submitted.cosigners()))
			.row("coordination.proposal.topicCategoryId", this.names.topic(stored.topicCategoryId()),
					this.names.topic(submitted.topicCategoryId()))
			.row("coordination.proposal.submittedOn", stored.submittedOn(), submitted.submittedOn())
			.row("coordination.proposal.keyProposal", stored.keyProposal(), submitted.isKey(), "coordination.yesNo.")
			.build();
	}

	private String form(Model model, Long id, ProposalForm form, Map<String, String> errors) {
		model.addAttribute("proposalId", id);
		model.addAttribute(FORM, form);
		model.addAttribute("errors", errors);
		model.addAttribute("sessions", this.congress.sessions());
		model.addAttribute("deputies",
				this.congress.deputies()
					.stream()
					.filter((d) -> d.active() || d.id().equals(form.leadDeputyId()) || form.hasCosigner(d.id()))
					.toList());
		model.addAttribute("topics", this.proposals.topics());
		return FORM_VIEW;
	}

}
