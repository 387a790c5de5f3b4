package org.dafu.search;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.dafu.access.AccessPolicy;
import org.dafu.access.Viewer;
import org.dafu.congress.CongressService;
import org.dafu.platform.web.LogSafe;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The search page: a form, the results with highlighted passages, and facet counts. */
@Controller
class SearchController {

	static final String SEARCH_VIEW = "search/search";

	private static final Logger log = LoggerFactory.getLogger(SearchController.class);

	private final SearchService search;

	private final AccessPolicy access;

	private final CongressService congress;

	SearchController(SearchService search, AccessPolicy access, CongressService congress) {
		this.search = search;
		this.access = access;
		this.congress = congress;
	}

	@GetMapping("/search")
	String search(@ModelAttribute("form") SearchForm form, Model model) {
		SearchForm.Request request = form.toRequest();
		if (!request.problems().isEmpty()) {
			log.info("search: problems {} with q={}", request.problems(), LogSafe.of(form.q()));
		}
		Viewer viewer = this.access.currentViewer();
		SearchCriteria criteria = request.criteria();
		model.addAttribute("criteria", criteria);
		model.addAttribute("selected", criteria.selected());
		model.addAttribute("problems", request.problems());
		// 代表: replies to proposals a deputy led or co-signed (names are public data)
		model.addAttribute("deputies", this.congress.deputies());
		boolean prompt = form.isBlank();
		model.addAttribute("prompt", prompt);
		if (!prompt && !request.queryRejected()) {
			SearchService.Results results = this.search.searchWithFacets(viewer, criteria, request.paging());
			model.addAttribute("page", results.page());
			model.addAttribute("facets", results.facets());
		}
		else {
			model.addAttribute("facets", this.search.facets(viewer, criteria));
		}
		return SEARCH_VIEW;
	}

}
