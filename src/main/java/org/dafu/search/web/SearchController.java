package org.dafu.search.web;

import org.dafu.search.Facets;
import org.dafu.search.SearchCriteria;
import org.dafu.search.SearchForm;
import org.dafu.search.SearchService;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.dafu.access.AccessPolicy;
import org.dafu.access.Viewer;
import org.dafu.reply.ReplyListOptions;
import org.dafu.platform.web.LogSafe;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/** The search page: a form, the results with highlighted passages, and facet counts. */
@Controller
class SearchController {

	static final String SEARCH_VIEW = "search/search";

	private static final Logger log = LoggerFactory.getLogger(SearchController.class);

	private final SearchService search;

	private final AccessPolicy access;

	private final ReplyListOptions options;

	SearchController(SearchService search, AccessPolicy access, ReplyListOptions options) {
		this.search = search;
		this.access = access;
		this.options = options;
	}

	private ReplyListOptions.Option selectedDeputy(Long deputyId, Facets facets) {
		if (deputyId == null || facets.deputies().stream().anyMatch((c) -> c.value().equals(deputyId.toString()))) {
			return null;
		}
		return this.options.options()
			.deputy(deputyId)
			.orElse(new ReplyListOptions.Option(deputyId, deputyId.toString()));
	}

	@GetMapping("/search")
	String search(@ModelAttribute("form") SearchForm form,
			@RequestParam(name = "deputy", required = false) String deputy, Model model) {
		SearchForm.Request request = form.toRequest();
		// 代表 (the page's filter only): a deputy id, else ignored with the filters'
		// message
		Long deputyId = null;
		List<String> problems = new ArrayList<>(request.problems());
		if (deputy != null && !deputy.isBlank()) {
			String d = deputy.strip();
			if (d.matches("[0-9]{1,18}") && Long.parseLong(d) > 0) {
				deputyId = Long.valueOf(d);
			}
			else if (!problems.contains("search.problem.filter")) {
				problems.add("search.problem.filter");
			}
		}
		request = new SearchForm.Request(request.criteria().withDeputy(deputyId), request.paging(), problems,
				request.queryRejected());
		if (!request.problems().isEmpty()) {
			log.info("search: problems {} with q={}", request.problems(), LogSafe.of(form.q()));
		}
		Viewer viewer = this.access.currentViewer();
		SearchCriteria criteria = request.criteria();
		model.addAttribute("criteria", criteria);
		model.addAttribute("selected", criteria.selected());
		model.addAttribute("problems", request.problems());
		boolean prompt = form.isBlank() && deputyId == null;
		model.addAttribute("prompt", prompt);
		if (!prompt && !request.queryRejected()) {
			SearchService.Results results = this.search.searchWithFacets(viewer, criteria, request.paging());
			model.addAttribute("page", results.page());
			model.addAttribute("exactUpTo", this.search.exactUpTo());
			model.addAttribute("facets", results.facets());
		}
		else {
			model.addAttribute("facets", this.search.facets(viewer, criteria));
		}
		// 代表: the deputies most often among the results (their facet); the one chosen
		// stays offered even when it is not among them (names are public data)
		model.addAttribute("selectedDeputy", selectedDeputy(deputyId, (Facets) model.getAttribute("facets")));
		return SEARCH_VIEW;
	}

}
