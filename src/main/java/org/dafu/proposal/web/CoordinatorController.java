package org.dafu.proposal.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The coordinator's dashboard and the deadline board. */
@Controller
class CoordinatorController {

	static final String DASHBOARD_VIEW = "proposal/dashboard";

	static final String DEADLINES_VIEW = "proposal/deadlines";

	static final int DEFAULT_DAYS = 14;

	static final int MAX_DAYS = 366;

	private final CoordinationQueries queries;

	CoordinatorController(CoordinationQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/workspace/coordinator")
	String dashboard(Model model) {
		model.addAttribute("dashboard", this.queries.dashboard());
		return DASHBOARD_VIEW;
	}

	/** {@code days}: anything but a number from 0 to 366 falls back to the default. */
	@GetMapping("/workspace/coordinator/deadlines")
	String deadlines(@RequestParam(required = false) String days, Model model) {
		int window = parseDays(days);
		model.addAttribute("days", window);
		model.addAttribute("today", this.queries.today());
		model.addAttribute("groups", this.queries.deadlineBoard(window));
		return DEADLINES_VIEW;
	}

	static int parseDays(String days) {
		if (days == null || !days.matches("[0-9]{1,3}")) {
			return DEFAULT_DAYS;
		}
		int value = Integer.parseInt(days);
		return (value > MAX_DAYS) ? DEFAULT_DAYS : value;
	}

}
