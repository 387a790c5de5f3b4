package org.dafu.proposal.web;

import java.util.List;

import org.dafu.congress.CongressService;
import org.dafu.congress.SessionView;
import org.dafu.platform.web.Paging;
import org.dafu.platform.web.forms.Views;
import org.dafu.proposal.ProposalStatus;
import org.dafu.unit.UnitService;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The proposals of a session in the coordinator workspace (the latest session unless one
 * is asked for), filtered by status, lead unit and 重点建议, a page at a time.
 */
@Controller
class ProposalListController {

	static final String LIST_VIEW = "proposal/proposals";

	private final CoordinationQueries queries;

	private final CongressService congress;

	private final UnitService units;

	ProposalListController(CoordinationQueries queries, CongressService congress, UnitService units) {
		this.queries = queries;
		this.congress = congress;
		this.units = units;
	}

	/** Unknown or malformed filter values are ignored, never an error. */
	@GetMapping(ProposalFormController.BASE)
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

	private static ProposalStatus parseStatus(String status) {
		for (ProposalStatus s : ProposalStatus.values()) {
			if (s.name().equals(status)) {
				return s;
			}
		}
		return null;
	}

}
