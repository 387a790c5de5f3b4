package org.dafu.original;

import java.io.IOException;
import java.util.Enumeration;
import java.util.Optional;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.tika.Tika;

/**
 * What a signed original is, told from its bytes only (never from its name): a PDF
 * (Apache Tika's magic, {@code %PDF-}) or an OFD (GB/T 33190: a ZIP container whose root
 * holds {@code OFD.xml}, read from the ZIP's central directory without inflating
 * anything). Anything else is none of them.
 */
public enum OriginalFileType {

	PDF("application/pdf", "pdf"), OFD("application/ofd", "ofd");

	private static final Tika TIKA = new Tika();

	/** Central directories with more entries than this are not an OFD worth reading. */
	private static final int MAX_ENTRIES = 10_000;

	private final String mediaType;

	private final String extension;

	OriginalFileType(String mediaType, String extension) {
		this.mediaType = mediaType;
		this.extension = extension;
	}

	public String mediaType() {
		return this.mediaType;
	}

	public String extension() {
		return this.extension;
	}

	public static Optional<OriginalFileType> ofMediaType(String mediaType) {
		for (OriginalFileType type : values()) {
			if (type.mediaType.equals(mediaType)) {
				return Optional.of(type);
			}
		}
		return Optional.empty();
	}

	/** The type of these bytes, or empty when they are neither a PDF nor an OFD. */
	public static Optional<OriginalFileType> detect(byte[] bytes) {
		if (bytes == null || bytes.length == 0) {
			return Optional.empty();
		}
		if ("application/pdf".equals(TIKA.detect(bytes)) && startsWith(bytes, "%PDF-")) {
			return Optional.of(PDF);
		}
		if (startsWith(bytes, "PK\u0003\u0004") && isOfdContainer(bytes)) {
			return Optional.of(OFD);
		}
		return Optional.empty();
	}

	private static boolean startsWith(byte[] bytes, String prefix) {
		if (bytes.length < prefix.length()) {
			return false;
		}
		for (int i = 0; i < prefix.length(); i++) {
			if (bytes[i] != (byte) prefix.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private static boolean isOfdContainer(byte[] bytes) {
		try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get()) {
			Enumeration<ZipArchiveEntry> entries = zip.getEntries();
			int seen = 0;
			while (entries.hasMoreElements() && seen++ < MAX_ENTRIES) {
				ZipArchiveEntry entry = entries.nextElement();
				if (!entry.isDirectory() && "OFD.xml".equalsIgnoreCase(entry.getName())) {
					return true;
				}
			}
			return false;
		}
		catch (IOException | RuntimeException ex) {
			// not a readable ZIP
			return false;
		}
	}

}
