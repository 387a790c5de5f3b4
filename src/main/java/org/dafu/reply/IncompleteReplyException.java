package org.dafu.reply;

import java.util.List;

/**
 * A reply that is not complete cannot be issued (nor kept issued through a correction):
 * it lacks a result class or a section. {@link #missing()} names the missing fields; the
 * editor asks for each with {@link #fieldKey(String)}, the 签发 pages say
 * {@link #MESSAGE_KEY}. Nothing was changed.
 */
public class IncompleteReplyException extends IllegalStateException {

	/** Says what a reply needs before it is issued. */
	public static final String MESSAGE_KEY = "drafting.issue.incomplete";

	/** The result class (办理结果分类) field. */
	public static final String RESULT_CLASS = "resultClass";

	/** The sections (正文) field. */
	public static final String SECTIONS = "sections";

	private final List<String> missing;

	public IncompleteReplyException(List<String> missing) {
		super("an issued reply has a result class and at least one section; missing " + missing);
		this.missing = List.copyOf(missing);
	}

	/** The missing fields, {@link #RESULT_CLASS} and/or {@link #SECTIONS}. */
	public List<String> missing() {
		return this.missing;
	}

	/** The message key that asks for a missing field in the editor. */
	public static String fieldKey(String field) {
		return SECTIONS.equals(field) ? "drafting.correction.sectionsRequired" : "drafting.validation.required";
	}

}
