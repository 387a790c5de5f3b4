package org.dafu.stats.web;

import org.dafu.stats.Statistics;
import org.dafu.stats.StatisticsService;
import org.dafu.stats.StatisticsWorkbook;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.dafu.platform.web.Xlsx;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The statistics of a session as an Excel workbook: the same numbers as the page and the
 * JSON, with the same small-number rule (404 for an unknown session, as the page).
 */
@Controller
class StatisticsSpreadsheetController {

	private final StatisticsService statistics;

	private final MessageSource messages;

	StatisticsSpreadsheetController(StatisticsService statistics, MessageSource messages) {
		this.statistics = statistics;
		this.messages = messages;
	}

	@GetMapping("/statistics/sessions/{id:[0-9]{1,18}}.xlsx")
	void session(@PathVariable long id, Locale locale, HttpServletResponse response) throws IOException {
		Statistics stats = this.statistics.ofSession(id);
		try (Xlsx xlsx = new Xlsx()) {
			StatisticsWorkbook.write(xlsx, stats, this.messages, locale);
			xlsx.send(response, "statistics-session-" + id + ".xlsx",
					this.messages.getMessage("stats.xlsx.file", new Object[] { stats.sessionName() }, locale));
		}
	}

}
