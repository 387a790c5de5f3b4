package org.dafu.proposal.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.dafu.access.AccessPolicy;
import org.dafu.congress.CongressService;
import org.dafu.history.HistoryService;
import org.dafu.proposal.ProposalReplies;
import org.dafu.proposal.ProposalService;
import org.dafu.proposal.ProposalView;
import org.dafu.unit.UnitService;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The coordinator's page of one proposal: its facts, assignments, extensions, replies and
 * history, with the forms to assign (交办) and to extend the deadline (延期), fresh or as
 * refused.
 */
@Component
class ProposalPage {

	static final String VIEW = "proposal/proposal";

	private final ProposalService proposals;

	private final CongressService congress;

	private final UnitService units;

	private final ProposalReplies replies;

	private final HistoryService history;

	private final AccessPolicy access;

	private final ProposalNames names;

	private final Clock clock;

	ProposalPage(ProposalService proposals, CongressService congress, UnitService units, ProposalReplies replies,
			HistoryService history, AccessPolicy access, ProposalNames names, Clock clock) {
		this.proposals = proposals;
		this.congress = congress;
		this.units = units;
		this.replies = replies;
		this.history = history;
		this.access = access;
		this.names = names;
		this.clock = clock;
	}

	/** The page with empty forms. */
	String show(Model model, ProposalView proposal) {
		return show(model, proposal, assignForm(proposal), extendForm(proposal), Map.of());
	}

	/** The page with a refused form and its errors (field to message key). */
	String show(Model model, ProposalView proposal, AssignForm assignForm, ExtendForm extendForm,
			Map<String, String> errors) {
		model.addAttribute("proposal", proposal);
		model.addAttribute("sessionName", this.congress.session(proposal.sessionId()).name());
		model.addAttribute("leadDeputy", this.names.deputy(proposal.leadDeputyId()));
		model.addAttribute("cosigners", this.names.deputies(proposal.cosignerIds()));
		model.addAttribute("topic", this.names.topic(proposal.topicCategoryId()));
		model.addAttribute("unitNames", this.names.units());
		model.addAttribute("activeUnits", this.units.units().stream().filter((u) -> u.active()).toList());
		model.addAttribute("extensions", this.proposals.extensionsOf(proposal.id()));
		model.addAttribute("replies", this.replies.readable(this.access.currentViewer(), proposal.id()));
		model.addAttribute("revisions", this.history.revisions(ProposalDesk.HISTORY_TYPE, proposal.id()));
		model.addAttribute("today", today());
		model.addAttribute("assignForm", assignForm);
		model.addAttribute("extendForm", extendForm);
		model.addAttribute("errors", errors);
		return VIEW;
	}

	/** 交办 today, with the statutory default deadline. */
	AssignForm assignForm(ProposalView proposal) {
		LocalDate today = today();
		return new AssignForm(null, List.of(), today, this.proposals.defaultDeadline(today), proposal.version());
	}

	ExtendForm extendForm(ProposalView proposal) {
		return new ExtendForm(null, null, proposal.version());
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

}
