package org.dafu.original;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small files for the tests: a PDF, an OFD, and things that only look like them. */
final class Originals {

	private Originals() {
	}

	/** A minimal PDF (the header, one empty page, the trailer). */
	static byte[] pdf(String marker) {
		String text = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
				+ "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
				+ "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n" + "% " + marker + "\n"
				+ "trailer << /Root 1 0 R >>\n%%EOF\n";
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

	/** A minimal OFD container: OFD.xml at its root and one document. */
	static byte[] ofd() {
		return zip("OFD.xml",
				"<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\" "
						+ "Version=\"1.0\" DocType=\"OFD\"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>"
						+ "</ofd:DocBody></ofd:OFD>",
				"Doc_0/Document.xml", "<ofd:Document xmlns:ofd=\"http://www.ofdspec.org/2016\"/>");
	}

	/** A ZIP of the given names and texts. */
	static byte[] zip(String... namesAndTexts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			for (int i = 0; i < namesAndTexts.length; i += 2) {
				zip.putNextEntry(new ZipEntry(namesAndTexts[i]));
				zip.write(namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	static byte[] html() {
		return "<!DOCTYPE html><html><body><script>alert(1)</script>%PDF-1.7</body></html>"
			.getBytes(StandardCharsets.UTF_8);
	}

}
