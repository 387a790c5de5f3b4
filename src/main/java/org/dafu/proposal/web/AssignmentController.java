package org.dafu.proposal.web;

import org.dafu.platform.web.forms.Flash;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.dafu.platform.IllegalTransitionException;
import org.dafu.platform.web.forms.Conflict;
import org.dafu.platform.web.forms.FormErrors;
import org.dafu.platform.web.forms.Views;
import org.dafu.proposal.ProposalRefusedException;
import org.dafu.proposal.ProposalService;
import org.dafu.proposal.ProposalStatus;
import org.dafu.proposal.ProposalView;
import org.dafu.unit.UnitService;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 交办 and 延期 from a proposal's page. The deadline rules (not before the assignment, at
 * most six months after it, an extension later than the deadline in force) are the
 * proposal's: a refused deadline comes back as the field's message, nothing changed.
 */
@Controller
@RequestMapping(ProposalFormController.BASE + "/{id:[0-9]{1,18}}")
class AssignmentController {

	private static final String BASE = ProposalFormController.BASE;

	private final ProposalDesk desk;

	private final ProposalService proposals;

	private final UnitService units;

	private final ProposalPage page;

	private final ProposalNames names;

	AssignmentController(ProposalDesk desk, ProposalService proposals, UnitService units, ProposalPage page,
			ProposalNames names) {
		this.desk = desk;
		this.proposals = proposals;
		this.units = units;
		this.page = page;
		this.names = names;
	}

	@PostMapping("/assignment")
	String assign(@PathVariable long id, @Valid @ModelAttribute("assignForm") AssignForm form, BindingResult binding,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		ProposalView proposal = this.proposals.proposal(id);
		checkUnits(form, binding);
		if (!binding.hasErrors()) {
			try {
				this.desk.assign(id, Views.version(form.version()), form.leadUnitId(), form.coUnits(),
						form.assignedOn(), form.deadline());
				Flash.notice(redirect, "coordination.assign.done");
				return "redirect:" + BASE + "/" + id;
			}
			catch (ProposalRefusedException ex) {
				ex.fields().forEach((field, key) -> FormErrors.reject(binding, field, key));
			}
			catch (IllegalTransitionException ex) {
				Flash.alert(redirect, "coordination.assign.notRegistered");
				return "redirect:" + BASE + "/" + id;
			}
			catch (ObjectOptimisticLockingFailureException ex) {
				return Views.conflict(model, response, assignmentConflict(this.proposals.proposal(id), form));
			}
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return this.page.show(model, proposal, form, this.page.extendForm(proposal),
				FormErrors.of(binding, "coordination.assign"));
	}

	@PostMapping("/extension")
	String extend(@PathVariable long id, @Valid @ModelAttribute("extendForm") ExtendForm form, BindingResult binding,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		ProposalView proposal = this.proposals.proposal(id);
		if (proposal.lead() == null || !proposal.status().isOpen()) {
			Flash.alert(redirect, "coordination.extend.notOpen");
			return "redirect:" + BASE + "/" + id;
		}
		if (!binding.hasErrors()) {
			try {
				this.desk.extend(id, Views.version(form.version()), form.newDeadline(), form.reason());
				Flash.notice(redirect, "coordination.extend.done");
				return "redirect:" + BASE + "/" + id;
			}
			catch (ProposalRefusedException ex) {
				ex.fields().forEach((field, key) -> FormErrors.reject(binding, field, key));
			}
			catch (IllegalTransitionException ex) {
				Flash.alert(redirect, "coordination.extend.notOpen");
				return "redirect:" + BASE + "/" + id;
			}
			catch (ObjectOptimisticLockingFailureException ex) {
				return Views.conflict(model, response, extensionConflict(this.proposals.proposal(id), form));
			}
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return this.page.show(model, proposal, this.page.assignForm(proposal), form,
				FormErrors.of(binding, "coordination.extend"));
	}

	/** The units are ones in use (the form offers only those). */
	private void checkUnits(AssignForm form, BindingResult binding) {
		if (form.leadUnitId() != null && !binding.hasFieldErrors("leadUnitId") && !active(form.leadUnitId())) {
			FormErrors.reject(binding, "leadUnitId", "coordination.assign.leadUnitId.unknown");
		}
		if (!binding.hasFieldErrors("coUnitIds") && form.coUnits().stream().anyMatch((u) -> u == null || !active(u))) {
			FormErrors.reject(binding, "coUnitIds", "coordination.assign.coUnitIds.unknown");
		}
	}

	private boolean active(long unitId) {
		return this.units.findUnit(unitId).filter((u) -> u.active()).isPresent();
	}

	private Conflict assignmentConflict(ProposalView now, AssignForm form) {
		ProposalView.AssignmentView lead = now.lead();
		return Conflict.of("coordination.conflict.assignment", BASE + "/" + now.id())
			.row("coordination.proposal.status", now.status(), ProposalStatus.ASSIGNED, "coordination.status.")
			.row("coordination.assign.leadUnit", (lead != null) ? this.names.unit(lead.unitId()) : null,
					this.names.unit(form.leadUnitId()))
			.row("coordination.assign.deadline", (lead != null) ? lead.deadline() : null,
					(form.deadline() != null) ? form.deadline() : this.proposals.defaultDeadline(form.assignedOn()))
			.build();
	}

	private static Conflict extensionConflict(ProposalView now, ExtendForm form) {
		ProposalView.AssignmentView lead = now.lead();
		return Conflict.of("coordination.conflict.extension", BASE + "/" + now.id())
			.row("coordination.assign.deadline", (lead != null) ? lead.deadline() : null, form.newDeadline())
			.row("coordination.extend.reason", (lead != null) ? lead.extensionReason() : null, form.reason())
			.build();
	}

}
