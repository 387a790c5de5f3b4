package org.dafu.importing;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The files of an archive of letters: a folder (walked, symbolic links not followed) or a
 * zip file (read in memory, never extracted to disk). Only {@code .txt} and {@code .docx}
 * entries are read; entries with {@code ..} segments or absolute paths, nested archives
 * and entries over the size limits are refused without being read.
 */
final class LetterArchive implements Closeable {

	static final int MAX_DEPTH = 32;

	static final int MAX_ENTRIES = 100_000;

	private static final Set<String> LETTERS = Set.of("txt", "docx");

	private static final Set<String> ARCHIVES = Set.of("zip", "jar", "7z", "rar", "tar", "gz", "tgz", "bz2", "xz");

	private final Path folder;

	private final ZipFile zip;

	private final List<Entry> entries;

	private final long maxEntryBytes;

	private final long maxTotalBytes;

	private long totalRead;

	/** Every byte read from the entries' (inflated) streams. */
	private long bytesRead;

	private LetterArchive(Path folder, ZipFile zip, List<Entry> entries, long maxEntryBytes, long maxTotalBytes) {
		this.folder = folder;
		this.zip = zip;
		this.entries = entries;
		this.maxEntryBytes = maxEntryBytes;
		this.maxTotalBytes = maxTotalBytes;
	}

	/**
	 * Opens a folder or a zip file and lists its entries, in name order.
	 * @throws IOException when the source cannot be read, is neither a folder nor a zip,
	 * or holds more than {@link #MAX_ENTRIES} entries
	 */
	static LetterArchive open(Path source, long maxEntryBytes, long maxTotalBytes) throws IOException {
		if (Files.isDirectory(source)) {
			return new LetterArchive(source, null, folderEntries(source, maxEntryBytes), maxEntryBytes, maxTotalBytes);
		}
		if (!Files.isRegularFile(source)) {
			throw new IOException("not a folder or a file: " + source);
		}
		ZipFile zip = openZip(source);
		try {
			return new LetterArchive(null, zip, zipEntries(zip, maxEntryBytes), maxEntryBytes, maxTotalBytes);
		}
		catch (IOException | RuntimeException ex) {
			zip.close();
			throw ex;
		}
	}

	/** Zip files made on Chinese Windows name their entries in GBK, not UTF-8. */
	private static ZipFile openZip(Path source) throws IOException {
		ZipFile zip = null;
		try {
			zip = new ZipFile(source.toFile(), StandardCharsets.UTF_8);
			zip.stream().forEach(ZipEntry::getName);
			return zip;
		}
		catch (IllegalArgumentException | ZipException ex) {
			if (zip != null) {
				zip.close();
			}
			return new ZipFile(source.toFile(), Charset.forName("GB18030"));
		}
	}

	List<Entry> entries() {
		return this.entries;
	}

	/**
	 * The entries that count as letters: those to read, and those refused (unsafe,
	 * nested, too large); not the files that are not letters.
	 */
	int letterCount() {
		return (int) this.entries.stream().filter((e) -> !ignored(e)).count();
	}

	static boolean ignored(Entry entry) {
		return ArchiveRefusal.NOT_A_LETTER.equals(entry.refusal()) || ArchiveRefusal.NOT_A_FILE.equals(entry.refusal());
	}

	/**
	 * Reads a letter entry, never more than the per-entry limit (whatever size the zip
	 * declares) and never past the total limit.
	 * @throws ArchiveRefusal TOO_LARGE or TOTAL_TOO_LARGE
	 */
	byte[] read(Entry entry) throws IOException {
		if (this.totalRead + entry.size() > this.maxTotalBytes) {
			throw new ArchiveRefusal(ArchiveRefusal.TOTAL_TOO_LARGE);
		}
		byte[] content;
		try (Counting in = new Counting((this.zip != null) ? this.zip.getInputStream(this.zip.getEntry(entry.name()))
				: Files.newInputStream(this.folder.resolve(entry.name()), LinkOption.NOFOLLOW_LINKS))) {
			// an entry that inflates past what its header declares is cut here, unread
			try {
				content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, this.maxEntryBytes + 1));
			}
			finally {
				this.bytesRead += in.count;
			}
		}
		if (content.length > this.maxEntryBytes) {
			throw new ArchiveRefusal(ArchiveRefusal.TOO_LARGE);
		}
		this.totalRead += content.length;
		if (this.totalRead > this.maxTotalBytes) {
			throw new ArchiveRefusal(ArchiveRefusal.TOTAL_TOO_LARGE);
		}
		return content;
	}

	/** How many bytes were read from the entries' (inflated) streams so far. */
	long bytesRead() {
		return this.bytesRead;
	}

	@Override
	public void close() throws IOException {
		if (this.zip != null) {
			this.zip.close();
		}
	}

	private static List<Entry> folderEntries(Path root, long maxEntryBytes) throws IOException {
		List<Entry> entries = new ArrayList<>();
		try (Stream<Path> paths = Files.walk(root, MAX_DEPTH)) {
			for (Path path : (Iterable<Path>) paths.sorted()::iterator) {
				if (path.equals(root) || Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
					continue;
				}
				String name = root.relativize(path).toString().replace('\\', '/');
				if (Files.isSymbolicLink(path) || !Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
					entries.add(new Entry(name, 0, ArchiveRefusal.NOT_A_FILE));
				}
				else {
					entries.add(classify(name, Files.size(path), maxEntryBytes));
				}
				tooMany(entries);
			}
		}
		return entries;
	}

	private static List<Entry> zipEntries(ZipFile zip, long maxEntryBytes) throws IOException {
		List<Entry> entries = new ArrayList<>();
		for (ZipEntry entry : Collections.list(zip.entries())) {
			if (entry.isDirectory()) {
				continue;
			}
			String name = entry.getName();
			entries.add(unsafe(name) ? new Entry(name, 0, ArchiveRefusal.UNSAFE_PATH)
					: classify(name, Math.max(entry.getSize(), 0), maxEntryBytes));
			tooMany(entries);
		}
		entries.sort((a, b) -> a.name().compareTo(b.name()));
		return entries;
	}

	private static void tooMany(List<Entry> entries) throws IOException {
		if (entries.size() > MAX_ENTRIES) {
			throw new IOException("more than " + MAX_ENTRIES + " entries");
		}
	}

	private static Entry classify(String name, long size, long maxEntryBytes) {
		String extension = extension(name);
		if (ARCHIVES.contains(extension)) {
			return new Entry(name, size, ArchiveRefusal.NESTED_ARCHIVE);
		}
		if (!LETTERS.contains(extension)) {
			return new Entry(name, size, ArchiveRefusal.NOT_A_LETTER);
		}
		if (size > maxEntryBytes) {
			return new Entry(name, size, ArchiveRefusal.TOO_LARGE);
		}
		return new Entry(name, size, null);
	}

	/**
	 * Whether a zip entry's name tries to leave the archive: absolute, a drive letter, a
	 * {@code ..} segment (with / or \), or a NUL.
	 */
	static boolean unsafe(String name) {
		if (name.isEmpty() || name.indexOf('\0') >= 0 || name.startsWith("/") || name.startsWith("\\")
				|| name.matches("^[A-Za-z]:.*")) {
			return true;
		}
		for (String segment : name.split("[/\\\\]")) {
			if (segment.equals("..")) {
				return true;
			}
		}
		return false;
	}

	private static String extension(String name) {
		String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		int dot = last.lastIndexOf('.');
		return (dot >= 0) ? last.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
	}

	/** Counts what is read through it. */
	private static final class Counting extends FilterInputStream {

		private long count;

		Counting(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				this.count++;
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = super.read(b, off, len);
			if (n > 0) {
				this.count += n;
			}
			return n;
		}

	}

	/**
	 * One file of the archive.
	 *
	 * @param name its path inside the archive, with {@code /}
	 * @param size its size in bytes (as declared, for a zip)
	 * @param refusal why it is not read ({@link ArchiveRefusal} code), or {@code null}
	 * for a letter to read
	 */
	record Entry(String name, long size, String refusal) {
	}

	/** An entry that is not read, and why. */
	static final class ArchiveRefusal extends IOException {

		/** An absolute path or a {@code ..} segment. */
		static final String UNSAFE_PATH = "UNSAFE_PATH";

		/** A zip (or other archive) inside the archive. */
		static final String NESTED_ARCHIVE = "NESTED_ARCHIVE";

		/** Larger than the per-letter limit. */
		static final String TOO_LARGE = "TOO_LARGE";

		/** Reading it would pass the limit of the whole archive. */
		static final String TOTAL_TOO_LARGE = "TOTAL_TOO_LARGE";

		/** Neither .txt nor .docx: not read, not a failure. */
		static final String NOT_A_LETTER = "NOT_A_LETTER";

		/** A symbolic link or a special file in a folder: not read, not a failure. */
		static final String NOT_A_FILE = "NOT_A_FILE";

		private final String code;

		ArchiveRefusal(String code) {
			super(code);
			this.code = code;
		}

		String code() {
			return this.code;
		}

	}

}
