package org.dafu.opendata;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.dafu.platform.web.Xlsx;
import org.dafu.search.SearchHit;

/**
 * Writes search results as CSV (RFC 4180) for spreadsheets: the caller writes the UTF-8
 * byte order mark first so that Excel reads the Chinese right. A cell that a spreadsheet
 * would take for a formula (starting with = + - @, a tab or a carriage return) is
 * prefixed with an apostrophe.
 */
public final class CsvExport {

	private CsvExport() {
	}

	public static void write(Writer out, List<String> header, List<SearchHit> hits) throws IOException {
		CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().get());
		printer.printRecord(header);
		for (SearchHit h : hits) {
			printer.printRecord(safe(h.indexNumber()), safe(h.proposalTitle()), safe(h.sessionName()),
					h.proposalNumber(), safe(h.unitName()), safe(h.topicName()), safe(h.resultClass()),
					(h.date() != null) ? h.date().toString() : "", OpenDataLinks.reply(h.id(), h.indexNumber()));
		}
		printer.flush();
	}

	static String safe(String cell) {
		if (cell == null || cell.isEmpty()) {
			return "";
		}
		return Xlsx.looksLikeFormula(cell) ? "'" + cell : cell;
	}

}
