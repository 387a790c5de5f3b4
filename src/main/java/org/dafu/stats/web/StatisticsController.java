package org.dafu.stats.web;

import org.dafu.stats.Statistics;
import org.dafu.stats.StatisticsCharts;
import org.dafu.stats.StatisticsService;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The public statistics pages: all sessions, and one session as the yearly report. */
@Controller
class StatisticsController {

	static final String OVERVIEW_VIEW = "stats/overview";

	static final String SESSION_VIEW = "stats/session";

	private final StatisticsService statistics;

	private final StatisticsCharts charts;

	StatisticsController(StatisticsService statistics, StatisticsCharts charts) {
		this.statistics = statistics;
		this.charts = charts;
	}

	@GetMapping("/statistics")
	String overview(Locale locale, Model model) {
		List<Statistics.SessionRow> sessions = this.statistics.overview();
		model.addAttribute("sessions", sessions);
		model.addAttribute("sessionChart", sessions.isEmpty() ? null : this.charts.sessions(sessions, locale));
		return OVERVIEW_VIEW;
	}

	@GetMapping("/statistics/sessions/{id:[0-9]{1,18}}")
	String session(@PathVariable long id, Locale locale, Model model) {
		Statistics stats = this.statistics.ofSession(id);
		model.addAttribute("stats", stats);
		model.addAttribute("classChart", this.charts.resultClasses(stats, locale));
		model.addAttribute("topicChart", this.charts.topics(stats, locale));
		return SESSION_VIEW;
	}

}
