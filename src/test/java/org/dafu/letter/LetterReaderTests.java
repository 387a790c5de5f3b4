package org.dafu.letter;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reading uploaded files: encodings, .docx, and what is refused.
 */
class LetterReaderTests {

	private static final Charset GB18030 = Charset.forName("GB18030");

	@Test
	void readsUtf8() {
		assertThat(LetterReader.read(Letters.sampleBytes(), "reply.txt")).isEqualTo(Letters.sample());
	}

	@Test
	void readsUtf8WithBom() {
		byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		String text = LetterReader.read(concat(bom, Letters.sampleBytes()), "reply.txt");
		assertThat(text).isEqualTo(Letters.sample()).startsWith("索引号");
	}

	@Test
	void readsGb18030AndGbk() {
		assertThat(LetterReader.read(Letters.sample().getBytes(GB18030), "reply.TXT")).isEqualTo(Letters.sample());
		String crafted = Letters.crafted();
		assertThat(LetterReader.read(crafted.getBytes(Charset.forName("GBK")), "reply.txt")).isEqualTo(crafted);
	}

	@Test
	void gb18030SampleParsesLikeTheOriginal() {
		ParsedLetter letter = new LetterParser().parse(LetterReader.read(Letters.sample().getBytes(GB18030), "a.txt"));
		assertThat(letter.metadata().indexNumber()).isEqualTo("11330800002618015K/2022-137066");
		assertThat(letter.figures()).hasSize(47);
	}

	@Test
	void readsUtf16WithBom() {
		byte[] bom = { (byte) 0xFF, (byte) 0xFE };
		byte[] content = concat(bom, Letters.crafted().getBytes(StandardCharsets.UTF_16LE));
		assertThat(LetterReader.read(content, "reply.txt")).isEqualTo(Letters.crafted());
	}

	@Test
	void readsADocxWithHeaderTableAndParagraphs() throws IOException {
		byte[] docx;
		try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XWPFTable table = document.createTable(2, 4);
			fill(table.getRow(0), "索引号：", "11330800002618015K/2022-137066", "成文日期：", "2022-11-01");
			fill(table.getRow(1), "公开方式：", "主动公开", "组配分类：", "人大代表建议");
			for (String line : (Letters.body() + Letters.ending()).split("\n")) {
				document.createParagraph().createRun().setText(line);
			}
			document.write(out);
			docx = out.toByteArray();
		}
		String text = LetterReader.read(docx, "答复.docx");
		assertThat(text).startsWith("索引号： | 11330800002618015K/2022-137066 | 成文日期： | 2022-11-01\n"
				+ "公开方式： | 主动公开 | 组配分类： | 人大代表建议\n王明代表：\n");
		ParsedLetter letter = new LetterParser().parse(text);
		assertThat(letter.metadata()).isEqualTo(
				new LetterMetadata("11330800002618015K/2022-137066", LocalDate.of(2022, 11, 1), "主动公开", "人大代表建议"));
		assertThat(letter.addressee()).isEqualTo("王明代表");
		assertThat(letter.sections()).extracting(ParsedSection::heading).containsExactly("关于发展乡村旅游", "关于完善旅游设施");
		assertThat(letter.signedDate()).isEqualTo(LocalDate.of(2022, 11, 6));
		assertThat(letter.figures()).hasSize(2);
		assertThat(letter.warnings()).isEmpty();
	}

	@Test
	void aSmallDocxOfTooMuchTextIsRefusedWhileItIsRead() {
		long limit = 2 * 1024 * 1024;
		byte[] docx = InflatingDocx.paragraphs(12 * 1024 * 1024);
		assertThat(docx.length).as("a small file").isLessThan(1024 * 1024);

		assertCode(() -> LetterReader.read(docx, "答复.docx", limit), "TEXT_TOO_LARGE");

		AtomicLong inflated = new AtomicLong();
		InflatingDocx.Counting file = new InflatingDocx.Counting(new ByteArrayInputStream(docx));
		assertCode(() -> DocxText.read(file, limit, inflated), "TEXT_TOO_LARGE");
		// reading stopped soon after the text limit: far less than the 12 MB of text
		// was inflated, and most of the file was never read
		assertThat(inflated.get()).isLessThan(2 * limit);
		assertThat(file.bytesRead()).isLessThan(docx.length / 2);
	}

	@Test
	void theInflatingDocxOfTheseTestsIsAWordDocumentThatReadsWhenSmall() throws IOException {
		byte[] small = InflatingDocx.paragraphs(30_000);
		// Apache POI, which read uploads before, opens it: the refusals above are about
		// size
		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(small))) {
			assertThat(document.getParagraphs()).hasSizeGreaterThan(90);
		}
		String text = LetterReader.read(small, "small.docx", 2 * 1024 * 1024);
		assertThat(text.lines().count()).isGreaterThan(90);
		assertThat(text.lines().findFirst().orElseThrow()).hasSize(100);
	}

	@Test
	void aSmallDocxOfHugeMarkupWithoutTextIsRefusedWhileItIsRead() {
		long limit = 64 * 1024;
		byte[] docx = InflatingDocx.markup(50L * 1024 * 1024);
		assertThat(docx.length).isLessThan(1024 * 1024);

		AtomicLong inflated = new AtomicLong();
		assertCode(() -> DocxText.read(new ByteArrayInputStream(docx), limit, inflated), "TEXT_TOO_LARGE");
		assertThat(inflated.get()).isLessThanOrEqualTo(DocxText.maxInflatedBytes(limit) + 1);
	}

	@Test
	void refusesEmpty() {
		assertCode(() -> LetterReader.read(new byte[0], "a.txt"), "EMPTY");
		assertCode(() -> LetterReader.read(null, "a.docx"), "EMPTY");
		assertCode(() -> LetterReader.read(" \n\u3000\n".getBytes(StandardCharsets.UTF_8), "a.txt"), "EMPTY");
	}

	@Test
	void refusesTooLarge() {
		byte[] big = new byte[LetterReader.MAX_BYTES + 1];
		java.util.Arrays.fill(big, (byte) 'a');
		assertCode(() -> LetterReader.read(big, "a.txt"), "TOO_LARGE");
		byte[] justRight = new byte[LetterReader.MAX_BYTES];
		java.util.Arrays.fill(justRight, (byte) 'a');
		assertThat(LetterReader.read(justRight, "a.txt")).hasSize(LetterReader.MAX_BYTES);
	}

	@Test
	void refusesBinaryText() {
		assertCode(() -> LetterReader.read("索引号\0\0\0abc".getBytes(StandardCharsets.UTF_8), "a.txt"), "BINARY");
		assertCode(() -> LetterReader.read("abc\u0007def".getBytes(StandardCharsets.UTF_8), "a.txt"), "BINARY");
		byte[] garbage = { (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0x80, (byte) 0xFF, (byte) 0xFE, (byte) 0xFF };
		assertCode(() -> LetterReader.read(concat(new byte[] { 'x' }, garbage), "a.txt"), "BINARY");
	}

	@Test
	void refusesOtherTypes() {
		byte[] content = "%PDF-1.7".getBytes(StandardCharsets.US_ASCII);
		assertCode(() -> LetterReader.read(content, "reply.pdf"), "UNSUPPORTED_TYPE");
		assertCode(() -> LetterReader.read(content, "reply.exe"), "UNSUPPORTED_TYPE");
		assertCode(() -> LetterReader.read(content, "reply.doc"), "UNSUPPORTED_TYPE");
		assertCode(() -> LetterReader.read(content, "reply"), "UNSUPPORTED_TYPE");
		assertCode(() -> LetterReader.read(content, null), "UNSUPPORTED_TYPE");
		assertCode(() -> LetterReader.read(content, "reply.txt\0.exe"), "UNSUPPORTED_TYPE");
	}

	@Test
	void refusesAFakeDocx() {
		assertCode(() -> LetterReader.read(Letters.sampleBytes(), "reply.docx"), "NOT_DOCX");
	}

	@Test
	void refusesAZipThatIsNoDocx() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry("hello.txt"));
			zip.write("你好".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		assertCode(() -> LetterReader.read(bytes.toByteArray(), "reply.docx"), "NOT_DOCX");
		byte[] truncated = java.util.Arrays.copyOf(bytes.toByteArray(), 20);
		assertCode(() -> LetterReader.read(truncated, "reply.docx"), "NOT_DOCX");
	}

	@Test
	void onlyTheExtensionOfTheNameMatters() {
		byte[] content = Letters.crafted().getBytes(StandardCharsets.UTF_8);
		assertThat(LetterReader.read(content, "../../etc/passwd.txt")).isEqualTo(Letters.crafted());
		assertThat(LetterReader.read(content, "/var/lib/dafu/uploads/reply.txt")).isEqualTo(Letters.crafted());
		assertThat(LetterReader.read(content, "C:\\Users\\王明\\答复.Txt")).isEqualTo(Letters.crafted());
		assertCode(() -> LetterReader.read(content, "reply.txt/../evil.sh"), "UNSUPPORTED_TYPE");
		assertThat(LetterReader.extension("..\\..\\x.DOCX")).isEqualTo("docx");
		assertThat(LetterReader.extension("dir.txt/noext")).isEmpty();
	}

	private static void assertCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
		assertThatThrownBy(call).isInstanceOfSatisfying(LetterFormatException.class, (ex) -> {
			assertThat(ex.code()).isEqualTo(code);
			assertThat(ex.getMessage()).isNotBlank();
		});
	}

	private static void fill(XWPFTableRow row, String... cells) {
		for (int i = 0; i < cells.length; i++) {
			row.getCell(i).setText(cells[i]);
		}
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] result = new byte[a.length + b.length];
		System.arraycopy(a, 0, result, 0, a.length);
		System.arraycopy(b, 0, result, a.length, b.length);
		return result;
	}

}
