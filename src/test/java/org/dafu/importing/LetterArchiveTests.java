package org.dafu.importing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.dafu.importing.LetterArchive.ArchiveRefusal;
import org.dafu.importing.LetterArchive.Entry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading an archive safely: hostile names, sizes that lie, nested archives, links. */
class LetterArchiveTests {

	@TempDir
	Path dir;

	@Test
	void namesThatLeaveTheArchiveAreUnsafe() {
		for (String name : new String[] { "../evil.txt", "a/../../evil.txt", "..\\evil.txt", "a\\..\\b.txt",
				"/etc/passwd.txt", "\\share\\x.txt", "C:/Windows/x.txt", "c:x.txt", "a\0.txt", "" }) {
			assertThat(LetterArchive.unsafe(name)).as(name).isTrue();
		}
		for (String name : new String[] { "letters/2022/a.txt", "a..b.txt", "..a.txt", "二〇二二/答复.docx" }) {
			assertThat(LetterArchive.unsafe(name)).as(name).isFalse();
		}
	}

	@Test
	void aZipEntryLargerThanItDeclaresIsCutAtTheLimit() throws IOException {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		entries.put("small.txt", "字".repeat(10).getBytes(StandardCharsets.UTF_8));
		Path zip = this.dir.resolve("a.zip");
		Files.write(zip, BulkImportTests.zip(entries));
		try (LetterArchive archive = LetterArchive.open(zip, 100, 1000)) {
			Entry entry = archive.entries().get(0);
			assertThat(entry.refusal()).isNull();
			assertThat(archive.read(entry)).hasSize(30);
		}
		try (LetterArchive archive = LetterArchive.open(zip, 20, 1000)) {
			assertThat(archive.entries().get(0).refusal()).isEqualTo(ArchiveRefusal.TOO_LARGE);
			// an entry whose declared size lies (here: 0) is still read no further than
			// the
			// limit
			assertThatThrownBy(() -> archive.read(new Entry("small.txt", 0, null)))
				.isInstanceOfSatisfying(ArchiveRefusal.class, (ex) -> assertThat(ex.code()).isEqualTo("TOO_LARGE"));
		}
	}

	@Test
	void aZipEntryThatInflatesHugelyUnderAFalseSizeIsReadNoFurtherThanTheLimit() throws IOException {
		long huge = 64L * 1024 * 1024;
		Path zip = this.dir.resolve("bomb.zip");
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
			out.setLevel(Deflater.BEST_COMPRESSION);
			out.putNextEntry(new ZipEntry("bomb.txt"));
			byte[] zeros = new byte[1024 * 1024];
			for (long i = 0; i < huge; i += zeros.length) {
				out.write(zeros);
			}
			out.closeEntry();
		}
		byte[] bytes = Files.readAllBytes(zip);
		assertThat(bytes.length).isLessThan(1024 * 1024);
		// the central directory's uncompressed size (offset 24 of its header) says 10
		int central = lastIndexOf(bytes, new byte[] { 0x50, 0x4b, 0x01, 0x02 });
		ByteBuffer.wrap(bytes, central + 24, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(10);
		Files.write(zip, bytes);

		int limit = 2 * 1024 * 1024;
		try (LetterArchive archive = LetterArchive.open(zip, limit, 8L * limit)) {
			Entry entry = archive.entries().get(0);
			assertThat(entry.size()).isEqualTo(10);
			assertThat(entry.refusal()).isNull();
			assertThatThrownBy(() -> archive.read(entry)).isInstanceOfSatisfying(ArchiveRefusal.class,
					(ex) -> assertThat(ex.code()).isEqualTo("TOO_LARGE"));
			assertThat(archive.bytesRead()).isLessThanOrEqualTo(limit + 1).isLessThan(huge);
		}
	}

	private static int lastIndexOf(byte[] bytes, byte[] pattern) {
		for (int i = bytes.length - pattern.length; i >= 0; i--) {
			if (java.util.Arrays.equals(bytes, i, i + pattern.length, pattern, 0, pattern.length)) {
				return i;
			}
		}
		throw new IllegalArgumentException("not found");
	}

	@Test
	void aFolderIsWalkedInNameOrderWithoutFollowingLinks() throws IOException {
		Files.createDirectories(this.dir.resolve("b"));
		Files.writeString(this.dir.resolve("b/2.txt"), "二");
		Files.writeString(this.dir.resolve("a.docx"), "x");
		Files.writeString(this.dir.resolve("c.ZIP"), "x");
		Files.writeString(this.dir.resolve("d.doc"), "x");
		Path outside = Files.createTempFile("outside", ".txt");
		Files.createSymbolicLink(this.dir.resolve("e.txt"), outside);
		try (LetterArchive archive = LetterArchive.open(this.dir, 100, 1000)) {
			assertThat(archive.entries()).extracting(Entry::name, Entry::refusal)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("a.docx", null),
						org.assertj.core.groups.Tuple.tuple("b/2.txt", null),
						org.assertj.core.groups.Tuple.tuple("c.ZIP", ArchiveRefusal.NESTED_ARCHIVE),
						org.assertj.core.groups.Tuple.tuple("d.doc", ArchiveRefusal.NOT_A_LETTER),
						org.assertj.core.groups.Tuple.tuple("e.txt", ArchiveRefusal.NOT_A_FILE));
			assertThat(archive.letterCount()).isEqualTo(3);
		}
		finally {
			Files.delete(outside);
		}
	}

	@Test
	void somethingThatIsNeitherAFolderNorAZipCannotBeOpened() throws IOException {
		Path text = Files.writeString(this.dir.resolve("x.txt"), "not a zip");
		assertThatThrownBy(() -> LetterArchive.open(text, 100, 1000)).isInstanceOf(IOException.class);
		assertThatThrownBy(() -> LetterArchive.open(this.dir.resolve("missing"), 100, 1000))
			.isInstanceOf(IOException.class);
	}

}
