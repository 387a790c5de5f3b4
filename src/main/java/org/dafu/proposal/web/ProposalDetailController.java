package org.dafu.proposal.web;

import org.dafu.proposal.ProposalService;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A proposal in the coordinator workspace: its facts, assignments, extensions, replies
 * and history, with the forms to assign and to extend (posted to
 * {@link AssignmentController}).
 */
@Controller
class ProposalDetailController {

	private final ProposalService proposals;

	private final ProposalPage page;

	ProposalDetailController(ProposalService proposals, ProposalPage page) {
		this.proposals = proposals;
		this.page = page;
	}

	@GetMapping(ProposalFormController.BASE + "/{id:[0-9]{1,18}}")
	String detail(@PathVariable long id, Model model) {
		return this.page.show(model, this.proposals.proposal(id));
	}

}
