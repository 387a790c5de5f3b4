package org.dafu.letter;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The text of a {@code .docx}, read as a stream: the zip is read entry by entry up to
 * {@code word/document.xml}, which is parsed with StAX, never loaded whole. Everything
 * read is bounded while it is read, so that a small file that inflates hugely (a zip
 * bomb, or just millions of repeated paragraphs) is refused after little work:
 * <ul>
 * <li>the bytes inflated from the zip (all entries up to the document, the document
 * included) stop at {@link #maxInflatedBytes(long) 16 times} the text limit;</li>
 * <li>the text collected stops at the text limit (counted as UTF-8 bytes).</li>
 * </ul>
 * Paragraphs become lines; a table row becomes one line of its cells joined by
 * {@code " | "} (a cell's own lines joined by a space), as the header table of published
 * letters reads. Like Apache POI's {@code XWPFDocument.getBodyElements()}, it reads the
 * body's paragraphs and tables, runs' text ({@code w:t}), tabs and line breaks; not
 * deleted text, field codes, text boxes, headers or footnotes.
 */
final class DocxText {

	static final String DOCUMENT = "word/document.xml";

	private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

	private static final String MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";

	/** A Word document has a dozen parts before its body; no more are looked at. */
	private static final int MAX_ENTRIES = 1_000;

	private static final XMLInputFactory XML = xmlInputFactory();

	private DocxText() {
	}

	/** The most inflated from the zip for a text limit: XML markup is verbose. */
	static long maxInflatedBytes(long maxTextBytes) {
		return maxTextBytes * 16;
	}

	/**
	 * Reads the text of a Word document.
	 * @param zip the file's bytes as a stream
	 * @param maxTextBytes the most text (as UTF-8) accepted
	 * @param inflated counts the bytes inflated from the zip (what reading cost)
	 * @return the text, lines joined by {@code \n}
	 * @throws LetterFormatException NOT_DOCX when it is not a Word document,
	 * TEXT_TOO_LARGE when its text or markup passes the limits (reading stops there)
	 */
	static String read(InputStream zip, long maxTextBytes, AtomicLong inflated) {
		Limited limited = null;
		try (ZipInputStream entries = new ZipInputStream(zip)) {
			limited = new Limited(entries, maxInflatedBytes(maxTextBytes), inflated);
			ZipEntry entry;
			int count = 0;
			while ((entry = entries.getNextEntry()) != null) {
				if (++count > MAX_ENTRIES || unsafe(entry.getName())) {
					throw notDocx(null);
				}
				if (entry.getName().equals(DOCUMENT)) {
					return body(limited, maxTextBytes);
				}
				// inflated (and counted) to reach the next entry
				limited.skipToEnd();
			}
			throw notDocx(null);
		}
		catch (LetterFormatException ex) {
			throw ex;
		}
		catch (IOException | XMLStreamException | RuntimeException ex) {
			if (limited != null && limited.exceeded()) {
				throw tooLarge();
			}
			throw notDocx(ex);
		}
	}

	private static String body(InputStream document, long maxTextBytes) throws XMLStreamException {
		XMLStreamReader xml = XML.createXMLStreamReader(document);
		try {
			return new Body(xml, maxTextBytes).read();
		}
		finally {
			xml.close();
		}
	}

	/** An entry name that leaves the archive, as POI refuses it. */
	private static boolean unsafe(String name) {
		return name.startsWith("/") || name.startsWith("\\") || name.contains("../") || name.contains("..\\")
				|| name.indexOf('\0') >= 0;
	}

	private static XMLInputFactory xmlInputFactory() {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_COALESCING, false);
		return factory;
	}

	static LetterFormatException tooLarge() {
		return new LetterFormatException(LetterFormatException.TEXT_TOO_LARGE, "文件解压后的文字超过上限，未继续读取");
	}

	private static LetterFormatException notDocx(Exception cause) {
		return new LetterFormatException(LetterFormatException.NOT_DOCX, "文件不是有效的 .docx 文档", cause);
	}

	/** The walk through {@code w:body}, collecting lines. */
	private static final class Body {

		private final XMLStreamReader xml;

		private final long maxTextBytes;

		private final List<String> lines = new ArrayList<>();

		private long textBytes;

		/** How deep in tables: only the outermost table makes rows. */
		private int tableDepth;

		private List<String> row;

		/** The text of the current cell (outermost table), its lines. */
		private List<String> cell;

		private StringBuilder paragraph;

		/** Inside an element whose content is not read (text box, fallback, …). */
		private int skipped;

		private boolean inText;

		Body(XMLStreamReader xml, long maxTextBytes) {
			this.xml = xml;
			this.maxTextBytes = maxTextBytes;
		}

		String read() throws XMLStreamException {
			boolean inBody = false;
			while (this.xml.hasNext()) {
				int event = this.xml.next();
				if (event == XMLStreamConstants.START_ELEMENT) {
					if (!inBody) {
						inBody = W.equals(this.xml.getNamespaceURI()) && this.xml.getLocalName().equals("body");
					}
					else {
						start();
					}
				}
				else if (event == XMLStreamConstants.END_ELEMENT && inBody) {
					if (W.equals(this.xml.getNamespaceURI()) && this.xml.getLocalName().equals("body")
							&& this.skipped == 0) {
						break;
					}
					end();
				}
				else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) && this.inText
						&& this.skipped == 0 && this.paragraph != null) {
					append(this.xml.getText());
				}
			}
			return String.join("\n", this.lines);
		}

		private void start() {
			String ns = this.xml.getNamespaceURI();
			String name = this.xml.getLocalName();
			if (this.skipped > 0 || isSkipped(ns, name)) {
				this.skipped++;
				return;
			}
			if (!W.equals(ns)) {
				return;
			}
			switch (name) {
				case "tbl" -> {
					this.tableDepth++;
				}
				case "tr" -> {
					if (this.tableDepth == 1) {
						this.row = new ArrayList<>();
					}
				}
				case "tc" -> {
					if (this.tableDepth == 1) {
						this.cell = new ArrayList<>();
					}
				}
				case "p" -> {
					if (this.paragraph == null) {
						this.paragraph = new StringBuilder();
					}
				}
				case "t" -> this.inText = true;
				case "tab" -> {
					if (this.paragraph != null) {
						append("\t");
					}
				}
				case "br", "cr" -> {
					if (this.paragraph != null) {
						append("\n");
					}
				}
				default -> {
				}
			}
		}

		private void end() {
			if (this.skipped > 0) {
				this.skipped--;
				return;
			}
			if (!W.equals(this.xml.getNamespaceURI())) {
				return;
			}
			switch (this.xml.getLocalName()) {
				case "t" -> this.inText = false;
				case "p" -> {
					if (this.paragraph != null) {
						String text = this.paragraph.toString();
						this.paragraph = null;
						if (this.cell != null) {
							this.cell.add(text);
						}
						else if (this.tableDepth == 0) {
							line(text);
						}
					}
				}
				case "tc" -> {
					if (this.tableDepth == 1 && this.cell != null && this.row != null) {
						this.row.add(String.join("\n", this.cell).replaceAll("\\s*\\R\\s*", " ").strip());
						this.cell = null;
					}
				}
				case "tr" -> {
					if (this.tableDepth == 1 && this.row != null) {
						line(String.join(" | ", this.row));
						this.row = null;
					}
				}
				case "tbl" -> this.tableDepth--;
				default -> {
				}
			}
		}

		/**
		 * Content that POI's body elements do not read: the fallback copy of alternate
		 * content, text boxes, deleted text, field codes.
		 */
		private static boolean isSkipped(String ns, String name) {
			return (MC.equals(ns) && name.equals("Fallback"))
					|| (W.equals(ns) && (name.equals("txbxContent") || name.equals("del") || name.equals("instrText")));
		}

		private void line(String text) {
			this.lines.add(text);
			count(1);
		}

		private void append(String text) {
			count(utf8Length(text));
			this.paragraph.append(text);
		}

		private void count(long bytes) {
			this.textBytes += bytes;
			if (this.textBytes > this.maxTextBytes) {
				throw tooLarge();
			}
		}

		private static long utf8Length(String text) {
			long bytes = 0;
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				bytes += (c < 0x80) ? 1 : (c < 0x800) ? 2 : Character.isSurrogate(c) ? 2 : 3;
			}
			return bytes;
		}

	}

	/**
	 * Counts what is read from the zip's current entry (inflated bytes) into a running
	 * total for the whole file, and fails once it passes the limit. Closing it does not
	 * close the zip.
	 */
	static final class Limited extends FilterInputStream {

		private final long limit;

		private final AtomicLong read;

		private boolean exceeded;

		Limited(InputStream in, long limit, AtomicLong read) {
			super(in);
			this.limit = limit;
			this.read = read;
		}

		boolean exceeded() {
			return this.exceeded;
		}

		@Override
		public int read() throws IOException {
			check(0);
			int b = super.read();
			if (b >= 0) {
				check(1);
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			check(0);
			int n = super.read(b, off, (int) Math.min(len, this.limit - this.read.get() + 1));
			if (n > 0) {
				check(n);
			}
			return n;
		}

		@Override
		public long skip(long n) throws IOException {
			byte[] buffer = new byte[(int) Math.min(Math.max(n, 1), 8192)];
			int read = read(buffer, 0, buffer.length);
			return Math.max(read, 0);
		}

		/** Reads the rest of the entry, counted. */
		void skipToEnd() throws IOException {
			byte[] buffer = new byte[8192];
			while (read(buffer, 0, buffer.length) >= 0) {
				// counted by read
			}
		}

		@Override
		public void close() {
			// the zip is closed by its owner
		}

		@Override
		public boolean markSupported() {
			return false;
		}

		private void check(long n) throws IOException {
			if (this.read.addAndGet(n) > this.limit) {
				this.exceeded = true;
				throw new IOException("more than " + this.limit + " bytes inflated");
			}
		}

	}

}
