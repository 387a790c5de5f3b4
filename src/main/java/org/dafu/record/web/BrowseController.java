package org.dafu.record.web;

import org.dafu.record.BrowseQueries;
import org.dafu.record.ProposalRecords;

import java.util.Locale;

import org.dafu.access.AccessPolicy;
import org.dafu.access.Viewer;
import org.dafu.congress.CongressService;
import org.dafu.platform.web.Paging;
import org.dafu.reply.PublicReplyReads;
import org.dafu.stats.Statistics;
import org.dafu.stats.StatisticsCharts;
import org.dafu.stats.StatisticsService;
import org.dafu.unit.UnitService;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Public pages for people: sessions, units and deputies, with their proposals and the
 * replies the viewer may read.
 */
@Controller
class BrowseController {

	static final String SESSIONS_VIEW = "record/sessions";

	static final String SESSION_VIEW = "record/session";

	static final String UNITS_VIEW = "record/units";

	static final String UNIT_VIEW = "record/unit";

	static final String DEPUTIES_VIEW = "record/deputies";

	static final String DEPUTY_VIEW = "record/deputy";

	static final String RECORD_VIEW = "record/record";

	private final BrowseQueries queries;

	private final CongressService congress;

	private final UnitService units;

	private final StatisticsService statistics;

	private final StatisticsCharts charts;

	private final AccessPolicy access;

	private final ProposalRecords records;

	private final PublicReplyReads replies;

	BrowseController(BrowseQueries queries, CongressService congress, UnitService units, StatisticsService statistics,
			StatisticsCharts charts, AccessPolicy access, ProposalRecords records, PublicReplyReads replies) {
		this.queries = queries;
		this.records = records;
		this.replies = replies;
		this.congress = congress;
		this.units = units;
		this.statistics = statistics;
		this.charts = charts;
		this.access = access;
	}

	@GetMapping("/sessions")
	String sessions(Model model) {
		model.addAttribute("sessions", this.statistics.overview());
		return SESSIONS_VIEW;
	}

	@GetMapping("/sessions/{id:[0-9]{1,18}}")
	String session(@PathVariable long id, @RequestParam(required = false) Integer page, Model model) {
		model.addAttribute("congressSession", this.congress.session(id));
		model.addAttribute("page",
				this.queries.proposalsOfSession(this.access.currentViewer(), id, Paging.of(page, 50)));
		return SESSION_VIEW;
	}

	/**
	 * The public record of a proposal (建议办理档案), by its session and number: 404 for a
	 * number the session does not have.
	 */
	@GetMapping("/sessions/{sessionId:[0-9]{1,18}}/proposals/{number:[0-9]{1,9}}")
	String proposal(@PathVariable long sessionId, @PathVariable int number, Model model) {
		model.addAttribute("record", this.records.record(this.access.currentViewer(), sessionId, number));
		return RECORD_VIEW;
	}

	@GetMapping("/units")
	String units(Model model) {
		model.addAttribute("units", this.units.units());
		model.addAttribute("counts", this.replies.publicCountsByUnit());
		return UNITS_VIEW;
	}

	@GetMapping("/units/{id:[0-9]{1,18}}")
	String unit(@PathVariable long id, @RequestParam(required = false) Integer page, Locale locale, Model model) {
		Viewer viewer = this.access.currentViewer();
		model.addAttribute("unit", this.units.unit(id));
		model.addAttribute("page", this.queries.repliesOfUnit(viewer, id, Paging.of(page, null)));
		Statistics stats = this.statistics.ofUnit(id);
		model.addAttribute("stats", stats);
		model.addAttribute("classChart", this.charts.resultClasses(stats, locale));
		return UNIT_VIEW;
	}

	@GetMapping("/deputies")
	String deputies(Model model) {
		model.addAttribute("deputies", this.congress.deputies());
		model.addAttribute("counts", this.replies.publicCountsByDeputy());
		return DEPUTIES_VIEW;
	}

	@GetMapping("/deputies/{id:[0-9]{1,18}}")
	String deputy(@PathVariable long id, Model model) {
		model.addAttribute("deputy", this.congress.deputy(id));
		model.addAttribute("proposals", this.queries.proposalsOfDeputy(this.access.currentViewer(), id));
		return DEPUTY_VIEW;
	}

}
