package org.dafu.importing;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The CSV report of a bulk import (RFC 4180, UTF-8 with a byte order mark so that Excel
 * reads the Chinese right): one row per file, written as the import goes, with the file,
 * its 索引号, the outcome (IMPORTED, SKIPPED, FAILED, IGNORED) and the localized reason. A
 * cell a spreadsheet would take for a formula is prefixed with an apostrophe.
 */
final class BulkReport implements Closeable {

	private final CSVPrinter printer;

	/**
	 * Starts a report.
	 * @param out where to write (its encoding must be UTF-8)
	 * @param header the four column headings
	 */
	BulkReport(Writer out, List<String> header) throws IOException {
		out.write('\uFEFF');
		this.printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().get());
		this.printer.printRecord(header);
	}

	void write(BulkLetterResult result) throws IOException {
		this.printer.printRecord(safe(result.file()), safe(result.indexNumber()), result.outcome().name(),
				safe(result.reason()));
		this.printer.flush();
	}

	@Override
	public void close() throws IOException {
		this.printer.close();
	}

	static String safe(String cell) {
		if (cell == null || cell.isEmpty()) {
			return "";
		}
		String clean = cell.replaceAll("[\\p{Cntrl}&&[^\t]]", "?");
		char first = clean.charAt(0);
		if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t') {
			return "'" + clean;
		}
		return clean;
	}

}
