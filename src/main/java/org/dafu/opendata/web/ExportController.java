package org.dafu.opendata.web;

import org.dafu.opendata.AtomFeed;
import org.dafu.opendata.AtomIds;
import org.dafu.opendata.CsvExport;
import org.dafu.opendata.OpenDataLinks;
import org.dafu.opendata.OpenDataSearches;
import org.dafu.opendata.PublicChanges;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.dafu.access.AccessPolicy;
import org.dafu.search.SearchCriteria;
import org.dafu.search.SearchForm;
import org.dafu.search.SearchHit;
import org.dafu.search.SearchService;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Any search as a CSV file or an Atom feed: the same parameters as the search page, only
 * what the viewer may read.
 */
@Controller
public class ExportController {

	/** Rows of one CSV export; narrower searches give the rest. */
	static final int MAX_CSV_ROWS = 10_000;

	public static final int FEED_ENTRIES = 50;

	static final String[] CSV_COLUMNS = { "indexNumber", "title", "session", "number", "unit", "topic", "resultClass",
			"date", "url" };

	private final SearchService search;

	private final AccessPolicy access;

	private final MessageSource messages;

	private final AtomIds ids;

	private final PublicChanges changes;

	ExportController(SearchService search, AccessPolicy access, MessageSource messages, AtomIds ids,
			PublicChanges changes) {
		this.search = search;
		this.access = access;
		this.messages = messages;
		this.ids = ids;
		this.changes = changes;
	}

	@GetMapping("/replies.csv")
	void csv(@ModelAttribute SearchForm form, Locale locale, HttpServletResponse response) throws IOException {
		SearchForm.Request request = OpenDataSearches.check(form);
		var hits = this.search.first(this.access.currentViewer(), request.criteria(), MAX_CSV_ROWS);
		List<String> header = java.util.Arrays.stream(CSV_COLUMNS)
			.map((c) -> this.messages.getMessage("opendata.csv." + c, null, locale))
			.toList();
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename("replies.csv").build().toString());
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		out.write('\uFEFF');
		CsvExport.write(out, header, hits);
		out.flush();
	}

	@GetMapping("/replies.atom")
	ResponseEntity<String> atom(@ModelAttribute SearchForm form, Locale locale) {
		SearchForm.Request request = OpenDataSearches.check(form);
		SearchCriteria criteria = request.criteria();
		// issued replies only: a draft is not news, whoever may read it (docs/search.md)
		var hits = this.search.firstIssued(this.access.currentViewer(),
				new SearchCriteria(criteria.query(), criteria.sessionId(), criteria.year(), criteria.unitId(),
						criteria.topicId(), criteria.resultClass(), criteria.region(), SearchCriteria.Sort.DATE,
						criteria.since(), criteria.deputyId()),
				FEED_ENTRIES);
		String title = criteria.hasQuery()
				? this.messages.getMessage("opendata.feed.titleQuery", new Object[] { criteria.query().text() }, locale)
				: this.messages.getMessage("opendata.feed.title", null, locale);
		String self = criteria.link("/replies.atom", null);
		String xml = AtomFeed.write(title, this.ids.feed(self), OpenDataLinks.absolute(self),
				OpenDataLinks.absolute(criteria.link("/search", null)),
				this.messages.getMessage("opendata.feed.author", null, locale), hits, this.ids,
				this.changes.of(hits.stream().map(SearchHit::id).toList()));
		return ResponseEntity.ok()
			.contentType(new MediaType("application", "atom+xml", StandardCharsets.UTF_8))
			.body(xml);
	}

}
