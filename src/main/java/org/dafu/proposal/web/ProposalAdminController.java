package org.dafu.proposal.web;

import org.dafu.platform.web.forms.Conflict;
import org.dafu.platform.web.forms.Flash;
import org.dafu.platform.web.forms.FormErrors;
import org.dafu.platform.web.forms.Views;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.dafu.access.AccessPolicy;
import org.dafu.congress.CongressService;
import org.dafu.congress.SessionView;
import org.dafu.history.HistoryService;
import org.dafu.platform.web.Paging;
import org.dafu.proposal.ProposalService;
import org.dafu.proposal.ProposalStatus;
import org.dafu.proposal.ProposalView;
import org.dafu.proposal.ProposalReplies;
import org.dafu.unit.UnitService;

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
 * Proposals in the coordinator workspace: the list of a session, registering, revising,
 * the detail page with its assignments, extensions, replies and history, assigning (交办)
 * and extending the deadline (延期).
 */
@Controller
@RequestMapping("/workspace/coordinator/proposals")
class ProposalAdminController {

	static final String LIST_VIEW = "proposal/proposals";

	static final String FORM_VIEW = "proposal/proposal-form";

	static final String DETAIL_VIEW = "proposal/proposal";

	private static final String BASE = "/workspace/coordinator/proposals";

	private static final String FORM = "coordinationForm";

	/** Registered once; a revision does not post (or change) them. */
	private static final Set<String> FIXED_ON_REVISION = Set.of("sessionId", "number");

	private final ProposalService proposals;

	private final ProposalDesk desk;

	private final CongressService congress;

	private final UnitService units;

	private final ProposalReplies replies;

	private final HistoryService history;

	private final AccessPolicy access;

	private final CoordinationQueries queries;

	ProposalAdminController(ProposalService proposals, ProposalDesk desk, CongressService congress, UnitService units,
			ProposalReplies replies, HistoryService history, AccessPolicy access, CoordinationQueries queries) {
		this.proposals = proposals;
		this.desk = desk;
		this.congress = congress;
		this.units = units;
		this.replies = replies;
		this.history = history;
		this.access = access;
		this.queries = queries;
	}

	/** Unknown or malformed filter values are ignored, never an error. */
	@GetMapping
	String list(@RequestParam(required = false) String session, @RequestParam(required = false) String status,
			@RequestParam(required = false) String unit, @RequestParam(required = false) String key,
			@RequestParam(required = false) String page, Model model) {
		List<SessionView> sessions = this.congress.sessions();
		model.addAttribute("sessions", sessions);
		model.addAttribute("statuses", ProposalStatus.values());
		model.addAttribute("units", this.units.units());
		Long sessionId = Views.id(session);
		SessionView current = sessions.stream()
			.filter((s) -> s.id().equals(sessionId))
			.findFirst()
			.orElse(sessions.isEmpty() ? null : sessions.get(0));
		model.addAttribute("current", current);
		if (current == null) {
			return LIST_VIEW;
		}
		ProposalStatus statusFilter = parseStatus(status);
		Long unitFilter = Views.id(unit);
		boolean keyOnly = "true".equals(key);
		Long pageNumber = Views.id(page);
		Paging paging = Paging.of((pageNumber != null) ? (int) Math.min(pageNumber, Paging.MAX_PAGE) : 1, null);
		model.addAttribute("status", statusFilter);
		model.addAttribute("unitId", unitFilter);
		model.addAttribute("keyOnly", keyOnly);
		model.addAttribute("proposals", this.queries.proposals(
				new CoordinationQueries.ProposalFilter(current.id(), statusFilter, unitFilter, keyOnly), paging));
		return LIST_VIEW;
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
		if (form.sessionId() != null && form.number() != null && !binding.hasFieldErrors("number")
				&& !binding.hasFieldErrors("sessionId")
				&& this.proposals.proposal(form.sessionId(), form.number()).isPresent()) {
			FormErrors.reject(binding, "number", "coordination.proposal.duplicateNumber");
		}
		if (!binding.hasErrors()) {
			try {
				ProposalView created = this.desk.register(form.toRegister());
				Flash.notice(redirect, "coordination.proposal.registered");
				return "redirect:" + BASE + "/" + created.id();
			}
			catch (DataIntegrityViolationException ex) {
				FormErrors.reject(binding, "number", "coordination.proposal.duplicateNumber");
			}
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return form(model, null, form, FormErrors.of(binding, "coordination.proposal"));
	}

	@GetMapping("/{id:[0-9]{1,18}}")
	String detail(@PathVariable long id, Model model) {
		ProposalView proposal = this.proposals.proposal(id);
		LocalDate today = this.queries.today();
		return detail(model, proposal,
				new AssignForm(null, List.of(), today, this.proposals.defaultDeadline(today), proposal.version()),
				new ExtendForm(null, null, proposal.version()), Map.of());
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
		if (!errors.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return form(model, id, fixed, errors);
		}
		try {
			this.desk.revise(id, Views.version(form.version()), fixed.toRevise());
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			return Views.conflict(model, response, conflict(this.proposals.proposal(id), fixed));
		}
		Flash.notice(redirect, "coordination.proposal.saved");
		return "redirect:" + BASE + "/" + id;
	}

	@PostMapping("/{id:[0-9]{1,18}}/assignment")
	String assign(@PathVariable long id, @Valid @ModelAttribute("assignForm") AssignForm form, BindingResult binding,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		ProposalView proposal = this.proposals.proposal(id);
		checkAssignment(form, binding);
		if (binding.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return detail(model, proposal, form, new ExtendForm(null, null, proposal.version()),
					FormErrors.of(binding, "coordination.assign"));
		}
		if (proposal.status() != ProposalStatus.REGISTERED && proposal.version() == Views.version(form.version())) {
			Flash.alert(redirect, "coordination.assign.notRegistered");
			return "redirect:" + BASE + "/" + id;
		}
		try {
			this.desk.assign(id, Views.version(form.version()), form.leadUnitId(), form.coUnits(), form.assignedOn(),
					form.deadline());
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			ProposalView now = this.proposals.proposal(id);
			ProposalView.AssignmentView lead = now.lead();
			return Views.conflict(model, response, Conflict.of("coordination.conflict.assignment", BASE + "/" + id)
				.row("coordination.proposal.status", now.status(), ProposalStatus.ASSIGNED, "coordination.status.")
				.row("coordination.assign.leadUnit", (lead != null) ? unitName(lead.unitId()) : null,
						unitName(form.leadUnitId()))
				.row("coordination.assign.deadline", (lead != null) ? lead.deadline() : null,
						(form.deadline() != null) ? form.deadline() : this.proposals.defaultDeadline(form.assignedOn()))
				.build());
		}
		Flash.notice(redirect, "coordination.assign.done");
		return "redirect:" + BASE + "/" + id;
	}

	@PostMapping("/{id:[0-9]{1,18}}/extension")
	String extend(@PathVariable long id, @Valid @ModelAttribute("extendForm") ExtendForm form, BindingResult binding,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		ProposalView proposal = this.proposals.proposal(id);
		ProposalView.AssignmentView lead = proposal.lead();
		if (lead == null
				|| !(proposal.status() == ProposalStatus.ASSIGNED || proposal.status() == ProposalStatus.REHANDLING)) {
			Flash.alert(redirect, "coordination.extend.notOpen");
			return "redirect:" + BASE + "/" + id;
		}
		if (form.newDeadline() != null && !binding.hasFieldErrors("newDeadline")) {
			if (!form.newDeadline().isAfter(lead.deadline())) {
				FormErrors.reject(binding, "newDeadline", "coordination.extend.notLater");
			}
			else if (form.newDeadline().isAfter(lead.assignedOn().plusMonths(6))) {
				FormErrors.reject(binding, "newDeadline", "coordination.extend.tooLate");
			}
		}
		if (binding.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			LocalDate today = this.queries.today();
			return detail(model, proposal,
					new AssignForm(null, List.of(), today, this.proposals.defaultDeadline(today), proposal.version()),
					form, FormErrors.of(binding, "coordination.extend"));
		}
		try {
			this.desk.extend(id, Views.version(form.version()), form.newDeadline(), form.reason());
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			ProposalView now = this.proposals.proposal(id);
			return Views.conflict(model, response,
					Conflict.of("coordination.conflict.extension", BASE + "/" + id)
						.row("coordination.assign.deadline", (now.lead() != null) ? now.lead().deadline() : null,
								form.newDeadline())
						.row("coordination.extend.reason", (now.lead() != null) ? now.lead().extensionReason() : null,
								form.reason())
						.build());
		}
		Flash.notice(redirect, "coordination.extend.done");
		return "redirect:" + BASE + "/" + id;
	}

	private void checkReferences(ProposalForm form, BindingResult binding) {
		if (form.sessionId() != null && !binding.hasFieldErrors("sessionId")
				&& this.congress.sessions().stream().noneMatch((s) -> s.id().equals(form.sessionId()))) {
			FormErrors.reject(binding, "sessionId", "coordination.proposal.sessionId.unknown");
		}
		if (form.leadDeputyId() != null && !binding.hasFieldErrors("leadDeputyId")
				&& this.congress.findDeputy(form.leadDeputyId()).isEmpty()) {
			FormErrors.reject(binding, "leadDeputyId", "coordination.proposal.leadDeputyId.unknown");
		}
		if (!binding.hasFieldErrors("cosignerIds")) {
			Set<Long> cosigners = form.cosigners();
			if (cosigners.stream().anyMatch((c) -> c == null || this.congress.findDeputy(c).isEmpty())) {
				FormErrors.reject(binding, "cosignerIds", "coordination.proposal.cosignerIds.unknown");
			}
			else if (form.leadDeputyId() != null && cosigners.contains(form.leadDeputyId())) {
				FormErrors.reject(binding, "cosignerIds", "coordination.proposal.cosignerIds.lead");
			}
		}
		if (form.topicCategoryId() != null && !binding.hasFieldErrors("topicCategoryId")
				&& this.proposals.topics().stream().noneMatch((t) -> t.id().equals(form.topicCategoryId()))) {
			FormErrors.reject(binding, "topicCategoryId", "coordination.proposal.topicCategoryId.invalid");
		}
	}

	private void checkAssignment(AssignForm form, BindingResult binding) {
		if (form.leadUnitId() != null && !binding.hasFieldErrors("leadUnitId")
				&& this.units.findUnit(form.leadUnitId()).filter((u) -> u.active()).isEmpty()) {
			FormErrors.reject(binding, "leadUnitId", "coordination.assign.leadUnitId.unknown");
		}
		if (!binding.hasFieldErrors("coUnitIds")) {
			if (form.coUnits()
				.stream()
				.anyMatch((u) -> u == null || this.units.findUnit(u).filter((v) -> v.active()).isEmpty())) {
				FormErrors.reject(binding, "coUnitIds", "coordination.assign.coUnitIds.unknown");
			}
			else if (form.leadUnitId() != null && form.coUnits().contains(form.leadUnitId())) {
				FormErrors.reject(binding, "coUnitIds", "coordination.assign.coUnitIds.lead");
			}
		}
		if (form.assignedOn() != null && form.deadline() != null && !binding.hasFieldErrors("deadline")
				&& form.deadline().isBefore(form.assignedOn())) {
			FormErrors.reject(binding, "deadline", "coordination.assign.deadline.beforeAssignment");
		}
		if (form.assignedOn() != null && form.deadline() != null && !binding.hasFieldErrors("deadline")
				&& form.deadline().isAfter(form.assignedOn().plusMonths(6))) {
			FormErrors.reject(binding, "deadline", "coordination.assign.deadline.tooLate");
		}
	}

	private Conflict conflict(ProposalView stored, ProposalForm submitted) {
		return Conflict.of("coordination.conflict.proposal", BASE + "/" + stored.id() + "/edit")
			.row("coordination.proposal.title", stored.title(), submitted.title())
			.row("coordination.proposal.body", stored.body(), submitted.body())
			.row("coordination.proposal.leadDeputyId", deputyName(stored.leadDeputyId()),
					deputyName(submitted.leadDeputyId()))
			.row("coordination.proposal.cosignerIds", deputyNames(stored.cosignerIds()),
					deputyNames(submitted.cosigners()))
			.row("coordination.proposal.topicCategoryId", topicName(stored.topicCategoryId()),
					topicName(submitted.topicCategoryId()))
			.row("coordination.proposal.submittedOn", stored.submittedOn(), submitted.submittedOn())
			.row("coordination.proposal.keyProposal", stored.keyProposal(), submitted.isKey(), "coordination.yesNo.")
			.build();
	}

	private String deputyName(Long id) {
		return (id != null) ? this.congress.findDeputy(id).map((d) -> d.name()).orElse(null) : null;
	}

	private String deputyNames(Set<Long> ids) {
		return String.join("、", ids.stream().sorted().map(this::deputyName).filter((n) -> n != null).toList());
	}

	private String unitName(Long id) {
		return (id != null) ? this.units.findUnit(id).map((u) -> u.name()).orElse(null) : null;
	}

	private String topicName(Long id) {
		return (id != null) ? this.proposals.topics()
			.stream()
			.filter((t) -> t.id().equals(id))
			.map((t) -> t.name())
			.findFirst()
			.orElse(null) : null;
	}

	private static ProposalStatus parseStatus(String status) {
		for (ProposalStatus s : ProposalStatus.values()) {
			if (s.name().equals(status)) {
				return s;
			}
		}
		return null;
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

	private String detail(Model model, ProposalView proposal, AssignForm assignForm, ExtendForm extendForm,
			Map<String, String> errors) {
		model.addAttribute("proposal", proposal);
		model.addAttribute("sessionName", this.congress.session(proposal.sessionId()).name());
		model.addAttribute("leadDeputy", deputyName(proposal.leadDeputyId()));
		model.addAttribute("cosigners", deputyNames(proposal.cosignerIds()));
		model.addAttribute("topic", topicName(proposal.topicCategoryId()));
		model.addAttribute("unitNames",
				this.units.units().stream().collect(Collectors.toMap((u) -> u.id(), (u) -> u.name())));
		model.addAttribute("activeUnits", this.units.units().stream().filter((u) -> u.active()).toList());
		model.addAttribute("extensions", this.proposals.extensionsOf(proposal.id()));
		model.addAttribute("replies", this.replies.readable(this.access.currentViewer(), proposal.id()));
		model.addAttribute("revisions", this.history.revisions(ProposalDesk.HISTORY_TYPE, proposal.id()));
		model.addAttribute("today", this.queries.today());
		model.addAttribute("assignForm", assignForm);
		model.addAttribute("extendForm", extendForm);
		model.addAttribute("errors", errors);
		return DETAIL_VIEW;
	}

}
