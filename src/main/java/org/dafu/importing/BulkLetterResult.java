package org.dafu.importing;

/**
 * What the bulk import did with one file of the archive.
 *
 * @param file its path inside the archive
 * @param indexNumber the 索引号 it carries, when it could be read
 * @param outcome what happened
 * @param code why (a stable code), {@code null} when imported
 * @param reason the localized reason, empty when imported
 * @param replyId the issued reply, when imported
 */
public record BulkLetterResult(String file, String indexNumber, Outcome outcome, String code, String reason,
		Long replyId) {

	/** What happened to a file. */
	public enum Outcome {

		/** Recorded as an issued reply. */
		IMPORTED,
		/** Its 索引号 is already in the portal (a rerun): left alone, not an error. */
		SKIPPED,
		/** Not recorded, for the reason given; nothing of it was written. */
		FAILED,
		/** Not a letter (not .txt or .docx): not read, not an error. */
		IGNORED

	}

}
