package org.dafu.stats;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The statistics of a session as JSON: the same numbers as the page. */
@RestController
class StatisticsApiController {

	private final StatisticsService statistics;

	StatisticsApiController(StatisticsService statistics) {
		this.statistics = statistics;
	}

	@GetMapping("/api/v1/sessions/{id:[0-9]{1,18}}/statistics")
	Statistics session(@PathVariable long id) {
		return this.statistics.ofSession(id);
	}

}
