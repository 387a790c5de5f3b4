package org.dafu.opinion.web;

import org.dafu.opinion.OpinionRefusedException;
import org.dafu.opinion.OpinionService;

import jakarta.servlet.http.HttpServletResponse;

import org.dafu.access.AccessPolicy;
import org.dafu.access.Viewer;
import org.dafu.platform.web.LogSafe;
import org.dafu.platform.web.forms.Flash;
import org.dafu.proposal.ProposalService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coordinator's view of a proposal's co-handling opinions, where an outstanding one
 * is waived (with a required reason) so that the lead unit can issue.
 */
@Controller
class OpinionWaiverController {

	static final String VIEW = "opinion/coordinator";

	private static final Logger log = LoggerFactory.getLogger(OpinionWaiverController.class);

	private final OpinionService opinions;

	private final ProposalService proposals;

	private final AccessPolicy access;

	OpinionWaiverController(OpinionService opinions, ProposalService proposals, AccessPolicy access) {
		this.opinions = opinions;
		this.proposals = proposals;
		this.access = access;
	}

	@GetMapping("/workspace/coordinator/proposals/{proposalId:[0-9]{1,18}}/opinions")
	String opinions(@PathVariable long proposalId, Model model) {
		Viewer viewer = this.access.currentViewer();
		model.addAttribute("proposal", this.proposals.proposal(proposalId));
		model.addAttribute("opinions", this.opinions.forLeadUnit(viewer, proposalId));
		return VIEW;
	}

	@PostMapping("/workspace/coordinator/proposals/{proposalId:[0-9]{1,18}}/opinions/{unitId:[0-9]{1,18}}/waiver")
	String waive(@PathVariable long proposalId, @PathVariable long unitId,
			@RequestParam(name = "version", required = false) String version,
			@RequestParam(name = "reason", required = false) String reason, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Viewer viewer = this.access.currentViewer();
		Integer expected = (version == null || version.isBlank()) ? null
				: version.strip().matches("[0-9]{1,9}") ? Integer.valueOf(version.strip()) : -1;
		try {
			this.opinions.waive(viewer, proposalId, unitId, expected, reason);
		}
		catch (ConcurrencyFailureException | DataIntegrityViolationException ex) {
			log.info("waiver of unit {}'s opinion on proposal {}: stale", unitId, proposalId);
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("conflict", true);
			return opinions(proposalId, model);
		}
		catch (OpinionRefusedException ex) {
			log.info("waiver of unit {}'s opinion on proposal {} by {} refused: {}", unitId, proposalId,
					LogSafe.of(viewer.username()), ex.getMessage());
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			model.addAttribute("error", ex.getMessage());
			return opinions(proposalId, model);
		}
		Flash.notice(redirect, "opinion.waived");
		return "redirect:/workspace/coordinator/proposals/" + proposalId + "/opinions";
	}

}
