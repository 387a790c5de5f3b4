package org.dafu.reply;

import java.util.ArrayList;
import java.util.List;

import org.dafu.platform.RefusedException;

/**
 * The rules a reply's values follow, written once: the entity ({@link Reply}) enforces
 * them when it changes, and forms ask them first to show every problem at once.
 */
public final class ReplyRules {

	private ReplyRules() {
	}

	/**
	 * What a letter lacks to be issued, or to stay issued through a correction: a result
	 * class ({@link IncompleteReplyException#RESULT_CLASS}) and at least one section
	 * ({@link IncompleteReplyException#SECTIONS}). Empty when complete.
	 */
	public static List<String> missingForIssue(ResultClass resultClass, int sections) {
		List<String> missing = new ArrayList<>();
		if (resultClass == null) {
			missing.add(IncompleteReplyException.RESULT_CLASS);
		}
		if (sections == 0) {
			missing.add(IncompleteReplyException.SECTIONS);
		}
		return missing;
	}

	/**
	 * Refuses an incomplete letter ({@link #missingForIssue}).
	 * @throws IncompleteReplyException naming what is missing
	 */
	public static void requireComplete(LetterContent content) {
		List<String> missing = missingForIssue(content.resultClass(), content.sections().size());
		if (!missing.isEmpty()) {
			throw new IncompleteReplyException(missing);
		}
	}

	/**
	 * What is wrong with a 签发人 name (field {@code signerName}), as a message key taking
	 * {@link Reply#MAX_SIGNER_NAME}; null when it is fine.
	 */
	public static String signerNameProblem(String signerName) {
		return tooShortOrLong(signerName, Reply.MAX_SIGNER_NAME, "drafting.issue.signerRequired",
				"drafting.issue.signerTooLong");
	}

	/**
	 * What is wrong with a return's comment (退回意见, field {@code comment}), as a message
	 * key taking {@link Reply#MAX_RETURN_COMMENT}; null when it is fine.
	 */
	public static String returnCommentProblem(String comment) {
		return tooShortOrLong(comment, Reply.MAX_RETURN_COMMENT, "drafting.review.commentRequired",
				"drafting.review.commentTooLong");
	}

	/**
	 * What is wrong with a correction note (更正说明, field {@code correctionNote}), as a
	 * message key taking {@link Reply#MAX_CORRECTION_NOTE}; null when it is fine.
	 */
	public static String correctionNoteProblem(String note) {
		return tooShortOrLong(note, Reply.MAX_CORRECTION_NOTE, "drafting.correction.noteRequired",
				"drafting.correction.noteTooLong");
	}

	static void requireSignerName(String signerName) {
		require("signerName", signerNameProblem(signerName), Reply.MAX_SIGNER_NAME);
	}

	static void requireReturnComment(String comment) {
		require("comment", returnCommentProblem(comment), Reply.MAX_RETURN_COMMENT);
	}

	static void requireCorrectionNote(String note) {
		require("correctionNote", correctionNoteProblem(note), Reply.MAX_CORRECTION_NOTE);
	}

	/** A reply that is not 主动公开 states why (field {@code disclosureReason}). */
	static void requireDisclosureReason(DisclosureMode mode, String reason) {
		if (mode != DisclosureMode.PROACTIVE && (reason == null || reason.isBlank())) {
			throw new RefusedException("disclosureReason", "drafting.validation.reasonRequired");
		}
	}

	private static String tooShortOrLong(String text, int max, String requiredKey, String tooLongKey) {
		if (text == null || text.isBlank()) {
			return requiredKey;
		}
		return (text.strip().length() > max) ? tooLongKey : null;
	}

	private static void require(String field, String problem, int max) {
		if (problem != null) {
			throw new RefusedException(field, problem, max);
		}
	}

}
