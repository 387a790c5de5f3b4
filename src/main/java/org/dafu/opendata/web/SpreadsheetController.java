package org.dafu.opendata.web;

import org.dafu.opendata.OpenDataLinks;
import org.dafu.opendata.OpenDataSearches;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.dafu.access.AccessPolicy;
import org.dafu.platform.web.Xlsx;
import org.dafu.search.SearchForm;
import org.dafu.search.SearchService;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Any search as an Excel workbook: the parameters, checks, query and access policy of the
 * CSV export ({@link ExportController}), the same columns, as typed cells. The rows are
 * streamed from the database into POI's streaming workbook, so memory stays bounded
 * however many rows are exported.
 */
@Controller
class SpreadsheetController {

	/** Rows of one workbook; narrower searches give the rest. */
	static final int MAX_XLSX_ROWS = 100_000;

	/**
	 * Column widths in characters, in the order of {@link ExportController#CSV_COLUMNS}.
	 */
	private static final int[] WIDTHS = { 30, 50, 30, 10, 30, 16, 10, 12, 70 };

	private final SearchService search;

	private final AccessPolicy access;

	private final MessageSource messages;

	SpreadsheetController(SearchService search, AccessPolicy access, MessageSource messages) {
		this.search = search;
		this.access = access;
		this.messages = messages;
	}

	@GetMapping("/replies.xlsx")
	void replies(@ModelAttribute SearchForm form, Locale locale, HttpServletResponse response) throws IOException {
		SearchForm.Request request = OpenDataSearches.check(form);
		List<String> header = Arrays.stream(ExportController.CSV_COLUMNS)
			.map((c) -> this.messages.getMessage("opendata.csv." + c, null, locale))
			.toList();
		try (Xlsx xlsx = new Xlsx()) {
			Xlsx.Sheet sheet = xlsx.sheet(this.messages.getMessage("opendata.xlsx.sheet", null, locale), header,
					WIDTHS);
			this.search.each(this.access.currentViewer(), request.criteria(), MAX_XLSX_ROWS,
					(h) -> sheet.row()
						.text(h.indexNumber())
						.text(h.proposalTitle())
						.text(h.sessionName())
						.number(h.proposalNumber())
						.text(h.unitName())
						.text(h.topicName())
						.text(h.resultClass())
						.date(h.date())
						.text(OpenDataLinks.reply(h.id(), h.indexNumber())));
			xlsx.send(response, "replies.xlsx", this.messages.getMessage("opendata.xlsx.file", null, locale));
		}
	}

}
