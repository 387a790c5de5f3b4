package org.dafu.stats.web;

import org.dafu.stats.Statistics;
import org.dafu.stats.StatisticsService;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.dafu.platform.web.JsonApi;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The statistics of a session as JSON: the same numbers as the page. */
@RestController
@JsonApi
@Tag(name = "statistics", description = "办理统计 (handling statistics)")
class StatisticsApiController {

	private final StatisticsService statistics;

	StatisticsApiController(StatisticsService statistics) {
		this.statistics = statistics;
	}

	@Operation(operationId = "getSessionStatistics",
			summary = "Handling statistics of a session, as the statistics page shows them",
			description = "Counts include issued replies of every disclosure mode, never their text. "
					+ "Satisfaction (rates and the split by result) is null below 3 evaluations, for the session "
					+ "and for each unit, with satisfactionWithheld giving the reason "
					+ "(NO_EVALUATIONS or FEWER_THAN_3_EVALUATIONS), so that no deputy's own rating can be read.")
	@GetMapping(path = "/api/v1/sessions/{id}/statistics", produces = MediaType.APPLICATION_JSON_VALUE)
	Statistics session(@PathVariable long id) {
		return this.statistics.ofSession(id);
	}

}
