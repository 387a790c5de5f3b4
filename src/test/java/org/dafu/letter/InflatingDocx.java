package org.dafu.letter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Small {@code .docx} files that inflate hugely, made in the test: their document is
 * written to the zip piece by piece, never held whole. They are real Word documents
 * (Apache POI opens them), only large.
 */
public final class InflatingDocx {

	private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

	private InflatingDocx() {
	}

	/**
	 * A Word document of paragraphs holding more than {@code textBytes} of Chinese text
	 * (as UTF-8): twenty different sentences in random order, so that it compresses about
	 * 1:25, below the 1:100 where Apache POI's zip-bomb guard would trip.
	 */
	public static byte[] paragraphs(long textBytes) {
		Random random = new Random(7);
		List<byte[]> sentences = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			StringBuilder sentence = new StringBuilder("<w:p><w:r><w:t>");
			for (int c = 0; c < 100; c++) {
				sentence.append((char) (0x4E00 + random.nextInt(3000)));
			}
			sentences.add(sentence.append("</w:t></w:r></w:p>").toString().getBytes(StandardCharsets.UTF_8));
		}
		return docx((zip) -> {
			for (long written = 0; written <= textBytes; written += 300) {
				zip.write(sentences.get(random.nextInt(sentences.size())));
			}
		});
	}

	/** A Word document of {@code bytes} of markup without any text or paragraph. */
	public static byte[] markup(long bytes) {
		byte[] chunk = ("<w:bookmarkStart w:id=\"1\" w:name=\"" + "x".repeat(60) + "\"/>").repeat(1000)
			.getBytes(StandardCharsets.UTF_8);
		return docx((zip) -> {
			for (long written = 0; written <= bytes; written += chunk.length) {
				zip.write(chunk);
			}
		});
	}

	private static byte[] docx(Body body) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.setLevel(Deflater.BEST_COMPRESSION);
			entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
					+ "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
					+ "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
					+ "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
					+ "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
					+ "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
			entry(zip, "_rels/.rels",
					"<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
							+ "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
							+ "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
							+ "relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
			zip.putNextEntry(new ZipEntry("word/document.xml"));
			zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"" + W + "\"><w:body>")
				.getBytes(StandardCharsets.UTF_8));
			body.write(zip);
			zip.write("</w:body></w:document>".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private interface Body {

		void write(ZipOutputStream zip) throws IOException;

	}

	private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(content.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

	/** Counts the bytes read from a stream. */
	public static final class Counting extends java.io.FilterInputStream {

		private final AtomicLong read = new AtomicLong();

		public Counting(InputStream in) {
			super(in);
		}

		public long bytesRead() {
			return this.read.get();
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				this.read.incrementAndGet();
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = super.read(b, off, len);
			if (n > 0) {
				this.read.addAndGet(n);
			}
			return n;
		}

	}

}
