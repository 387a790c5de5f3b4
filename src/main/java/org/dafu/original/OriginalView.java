package org.dafu.original;

import java.time.Instant;

/** One version of a reply's signed original, without its bytes. */
public record OriginalView(long replyId, int version, String fileName, OriginalFileType type, long sizeBytes,
		String sha256, String uploadedBy, Instant uploadedAt) {

	/**
	 * The name it is served under: the name it was attached with, its extension made to
	 * say what the bytes are.
	 */
	public String downloadName() {
		String suffix = "." + this.type.extension();
		return this.fileName.toLowerCase(java.util.Locale.ROOT).endsWith(suffix) ? this.fileName
				: this.fileName + suffix;
	}

	/** When it was attached, in Beijing time (as times are shown to people). */
	public java.time.LocalDateTime uploadedAtInBeijing() {
		return java.time.LocalDateTime.ofInstant(this.uploadedAt, org.dafu.platform.ClockConfiguration.ZONE);
	}

	/** The size in MB, one decimal, for people. */
	public String megabytes() {
		return java.math.BigDecimal.valueOf(this.sizeBytes)
			.divide(java.math.BigDecimal.valueOf(1024 * 1024), 1, java.math.RoundingMode.HALF_UP)
			.toPlainString();
	}

}
