package org.dafu.platform.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import org.springframework.http.HttpHeaders;

/**
 * An Excel workbook (.xlsx) written with Apache POI's streaming SXSSF: only the last
 * {@value #WINDOW} rows of a sheet are kept in memory, the rest go to a compressed
 * temporary file, so 100,000 rows cost no more memory than 100. Every sheet starts with a
 * bold, frozen header row; text is always a text cell (never a formula), and text that a
 * spreadsheet would take for a formula on editing ({@link #looksLikeFormula}) is also
 * marked quote-prefixed; numbers are number cells, dates are date cells, percentages are
 * fractions formatted as percentages.
 */
public final class Xlsx implements AutoCloseable {

	public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	/** Rows of a sheet kept in memory; older rows are flushed to the temporary file. */
	static final int WINDOW = 100;

	private static final int MAX_TEXT = 32_767;

	private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);

	private final CellStyle header;

	private final CellStyle quoted;

	private final CellStyle date;

	private final CellStyle percent;

	private final CellStyle decimal;

	private final CellStyle wrapped;

	public Xlsx() {
		this.workbook.setCompressTempFiles(true);
		// no Zip64 records: a workbook of 100,000 rows is a few megabytes, far from the
		// 4 GB that needs them, and streaming zip readers (java.util.zip) reject POI's
		// Zip64 local headers of unknown size
		this.workbook.setZip64Mode(Zip64Mode.Never);
		Font bold = this.workbook.createFont();
		bold.setBold(true);
		this.header = this.workbook.createCellStyle();
		this.header.setFont(bold);
		this.quoted = this.workbook.createCellStyle();
		this.quoted.setQuotePrefixed(true);
		DataFormat formats = this.workbook.createDataFormat();
		this.date = this.workbook.createCellStyle();
		this.date.setDataFormat(formats.getFormat("yyyy-mm-dd"));
		this.percent = this.workbook.createCellStyle();
		this.percent.setDataFormat(formats.getFormat("0.0%"));
		this.decimal = this.workbook.createCellStyle();
		this.decimal.setDataFormat(formats.getFormat("0.0"));
		this.wrapped = this.workbook.createCellStyle();
		this.wrapped.setWrapText(true);
	}

	/**
	 * Whether a spreadsheet would read this text as a formula (or a command) when it is
	 * typed or pasted: it starts with {@code = + - @}, a tab or a carriage return. The
	 * CSV export prefixes such cells with an apostrophe; this workbook keeps the text as
	 * it is in a text cell marked quote-prefixed, which is Excel's own way of saying the
	 * same.
	 */
	public static boolean looksLikeFormula(String text) {
		if (text == null || text.isEmpty()) {
			return false;
		}
		char first = text.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
	}

	/**
	 * A new sheet named {@code name} (made safe for Excel: at most 31 characters, none of
	 * {@code []:*?/\}) with the header row in bold, frozen, and the columns' widths in
	 * characters (a Chinese character counts two).
	 */
	public Sheet sheet(String name, List<String> columns, int... widths) {
		SXSSFSheet sheet = this.workbook.createSheet(WorkbookUtil.createSafeSheetName(name));
		for (int i = 0; i < widths.length; i++) {
			sheet.setColumnWidth(i, Math.min(255, widths[i]) * 256);
		}
		Sheet result = new Sheet(sheet);
		if (!columns.isEmpty()) {
			Row row = result.row();
			for (String column : columns) {
				row.cell(column).setCellStyle(this.header);
			}
			sheet.createFreezePane(0, 1);
		}
		return result;
	}

	/** Writes the workbook: the whole file is assembled from the temporary files. */
	public void write(OutputStream out) throws IOException {
		this.workbook.write(out);
	}

	/**
	 * Sends the workbook as a download named {@code fileName} (RFC 6266: the exact UTF-8
	 * name in {@code filename*}, {@code asciiName} in {@code filename} for old clients).
	 */
	public void send(HttpServletResponse response, String asciiName, String fileName) throws IOException {
		response.setContentType(CONTENT_TYPE);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment(asciiName, fileName));
		write(response.getOutputStream());
		response.getOutputStream().flush();
	}

	/**
	 * {@code Content-Disposition: attachment} with both names stripped of path
	 * separators, quotes and control characters, the ASCII one also of anything else.
	 */
	public static String attachment(String asciiName, String fileName) {
		String ascii = clean(asciiName).replaceAll("[^A-Za-z0-9._-]", "_");
		String exact = clean(fileName);
		StringBuilder encoded = new StringBuilder();
		for (byte b : exact.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xFF);
			if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
					|| "!#$&+-.^_`|~".indexOf(c) >= 0) {
				encoded.append(c);
			}
			else {
				encoded.append('%').append(String.format("%02X", b & 0xFF));
			}
		}
		return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
	}

	private static String clean(String name) {
		return name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
	}

	/** Deletes the temporary files. */
	@Override
	public void close() {
		try {
			this.workbook.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			this.workbook.dispose();
		}
	}

	/** A sheet, filled row after row. */
	public final class Sheet {

		private final SXSSFSheet sheet;

		private int next;

		Sheet(SXSSFSheet sheet) {
			this.sheet = sheet;
		}

		public Row row() {
			return new Row(this.sheet.createRow(this.next++));
		}

		/** Leaves a row empty. */
		public void skip() {
			this.next++;
		}

		/** Rows written so far, header included. */
		public int rows() {
			return this.next;
		}

		SXSSFSheet poi() {
			return this.sheet;
		}

	}

	/** A row, filled cell after cell from the left. */
	public final class Row {

		private final SXSSFRow row;

		private int next;

		Row(SXSSFRow row) {
			this.row = row;
		}

		/** A text cell; nothing (a blank cell) for null. */
		public Row text(String text) {
			Cell cell = cell(text);
			if (looksLikeFormula(text)) {
				cell.setCellStyle(Xlsx.this.quoted);
			}
			return this;
		}

		/** A long text that wraps in its cell (notes and rules under a table). */
		public Row paragraph(String text) {
			cell(text).setCellStyle(Xlsx.this.wrapped);
			return this;
		}

		public Row number(long value) {
			this.row.createCell(this.next++).setCellValue(value);
			return this;
		}

		/** A decimal with one place, e.g. average days; blank for null. */
		public Row decimal(BigDecimal value) {
			Cell cell = this.row.createCell(this.next++);
			if (value != null) {
				cell.setCellValue(value.doubleValue());
				cell.setCellStyle(Xlsx.this.decimal);
			}
			return this;
		}

		/**
		 * A percentage given in percent (29.7), stored as the fraction 0.297 shown as
		 * 29.7%; blank for null.
		 */
		public Row percent(BigDecimal value) {
			Cell cell = this.row.createCell(this.next++);
			if (value != null) {
				cell.setCellValue(value.movePointLeft(2).doubleValue());
				cell.setCellStyle(Xlsx.this.percent);
			}
			return this;
		}

		/** A date cell (yyyy-mm-dd); blank for null. */
		public Row date(LocalDate value) {
			Cell cell = this.row.createCell(this.next++);
			if (value != null) {
				cell.setCellValue(value);
				cell.setCellStyle(Xlsx.this.date);
			}
			return this;
		}

		private Cell cell(String text) {
			Cell cell = this.row.createCell(this.next++);
			if (text != null && !text.isEmpty()) {
				// Excel's limit for one cell
				cell.setCellValue((text.length() > MAX_TEXT) ? text.substring(0, MAX_TEXT) : text);
			}
			return cell;
		}

	}

}
