package org.dafu.original;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The type of a signed original comes from its bytes: a PDF and an OFD are recognised
 * whatever they are called; a file that only claims to be one (by its name: the detector
 * never sees the name) is neither.
 */
class OriginalFileTypeTests {

	@Test
	void aPdfIsRecognisedByItsHeader() {
		assertThat(OriginalFileType.detect(Originals.pdf("甲"))).contains(OriginalFileType.PDF);
	}

	@Test
	void anOfdIsAZipWithOfdXmlAtItsRoot() {
		assertThat(OriginalFileType.detect(Originals.ofd())).contains(OriginalFileType.OFD);
	}

	@Test
	void anotherZipRenamedOfdOrPdfIsNeither() {
		// a .docx-like container, and a ZIP whose OFD.xml is not at its root
		assertThat(
				OriginalFileType.detect(Originals.zip("[Content_Types].xml", "<Types/>", "word/document.xml", "<w/>")))
			.isEmpty();
		assertThat(OriginalFileType.detect(Originals.zip("docs/OFD.xml", "<ofd/>"))).isEmpty();
	}

	@Test
	void aFakePdfIsNotAPdf() {
		// plain text, a PNG, and a truncated ZIP header, each as if renamed to .pdf
		assertThat(OriginalFileType.detect("这是一封答复函，不是 PDF。".getBytes(StandardCharsets.UTF_8))).isEmpty();
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
		assertThat(OriginalFileType.detect(png)).isEmpty();
		assertThat(OriginalFileType.detect(Arrays.copyOf(Originals.ofd(), 40))).isEmpty();
		// "%PDF-" somewhere else than at the start
		assertThat(OriginalFileType.detect((" \n%PDF-1.7 and then nothing").getBytes(StandardCharsets.US_ASCII)))
			.isEmpty();
	}

	@Test
	void htmlRenamedPdfIsNotAPdf() {
		assertThat(OriginalFileType.detect(Originals.html())).isEmpty();
	}

	@Test
	void anEmptyFileIsNothing() {
		assertThat(OriginalFileType.detect(new byte[0])).isEmpty();
		assertThat(OriginalFileType.detect(null)).isEmpty();
	}

	@Test
	void fileNamesArePlainNamesOnly() {
		assertThat(OriginalFileName.clean("答复原件（签章）.pdf")).contains("答复原件（签章）.pdf");
		assertThat(OriginalFileName.clean("  reply.ofd ")).contains("reply.ofd");
		for (String hostile : new String[] { "../../etc/passwd.pdf", "C:\\Windows\\reply.pdf", "a/b.pdf", ".htaccess",
				"reply\r\nX-Injected: 1.pdf", "reply\u0000.pdf", "reply\u202egpj.pdf", "say \"hi\".pdf", "",
				"x".repeat(201) + ".pdf", null }) {
			assertThat(OriginalFileName.clean(hostile)).as(String.valueOf(hostile)).isEmpty();
		}
	}

}
