package org.dafu.reply;

/**
 * The search index of replies (Hibernate Search, docs/search.md): one document per reply,
 * mapped on {@link Reply}, {@link ReplyIndexBinder} and {@link ReplyLetterBinder}. The
 * names of its fields, for the search and the access policy.
 */
public final class ReplyIndex {

	/** The index of replies. */
	public static final String NAME = "reply";

	/** The entity name to search by (entities stay in their feature). */
	public static final String ENTITY = "Reply";

	/** The analyzer of every text field: CJK bigrams (search/LuceneChineseAnalysis). */
	public static final String CHINESE = "chinese";

	// texts searched, with their highlightable copies

	public static final String TITLE = "title";

	public static final String HEADINGS = "headings";

	public static final String BODY = "body";

	public static final String SUBJECTS = "subjects";

	/** Deputies' names (lead and co-signers) and the names of the units handling it. */
	public static final String NAMES = "names";

	/** 第4号: the proposal's number as it is written. */
	public static final String NUMBER_TEXT = "numberText";

	public static final String INDEX_NUMBER_TEXT = "indexNumberText";

	// keys, filters, facets, sorting, projections

	public static final String ID = "rid";

	public static final String INDEX_NUMBER = "indexNumber";

	public static final String STATUS = "status";

	public static final String DISCLOSURE_MODE = "disclosureMode";

	public static final String UNIT_ID = "unitId";

	public static final String UNIT_NAME = "unitName";

	/** {@code <unit id>␟<unit name>}: the unit facet with its label. */
	public static final String UNIT_FACET = "unitFacet";

	public static final String DEPUTY_IDS = "deputyIds";

	public static final String PROPOSAL_NUMBER = "proposalNumber";

	public static final String SESSION_ID = "sessionId";

	public static final String SESSION_NAME = "sessionName";

	/** {@code <year>␟<session id>␟<session name>}: the session facet with its label. */
	public static final String SESSION_FACET = "sessionFacet";

	public static final String YEAR = "year";

	public static final String TOPIC_ID = "topicId";

	public static final String TOPIC_NAME = "topicName";

	/** {@code <topic id>␟<topic name>}: the topic facet with its label. */
	public static final String TOPIC_FACET = "topicFacet";

	public static final String RESULT_CLASS = "resultClass";

	public static final String REGIONS = "regions";

	/** The letter's date: signed on, else the day it was issued (Asia/Shanghai). */
	public static final String DATE = "date";

	public static final String ISSUED_AT = "issuedAt";

	/** What a 索引号 looks like (a query that is one also matches {@link #INDEX_NUMBER}). */
	public static final java.util.regex.Pattern INDEX_NUMBER_PATTERN = Reply.INDEX_NUMBER;

	/** Separates the parts of the facet keys. */
	public static final char SEPARATOR = '\u001f';

	private ReplyIndex() {
	}

}
