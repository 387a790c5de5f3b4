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

	// the texts searched and shown

	/**
	 * Every text a search looks in but the title, in one field (CJK bigrams with
	 * positions, searched once per word): the body, the headings, the figures' subjects,
	 * the proposal's number as written (第4号), the deputies' and units' names and the 索引号.
	 * Stored, with term vectors: the passage shown under a hit is the index's fast vector
	 * highlighter's over this field.
	 */
	public static final String TEXT = "text";

	/** Searched beside {@link #TEXT} (a hit here ranks first) and stored. */
	public static final String TITLE = "title";

	/** Searched again (a hit here ranks first); also in {@link #TEXT}. */
	public static final String HEADINGS = "headings";

	/**
	 * The version of what the mapping cannot tell by its fields: the analyzers' chains,
	 * what goes into {@link #TEXT} and whether it keeps term vectors. Raise it when one
	 * of them changes: an index built with another version is rebuilt at start
	 * (ReplySearchIndex.mappingFingerprint).
	 */
	public static final int CONTENT_VERSION = 4;

	// keys, filters, facets, sorting, projections

	public static final String ID = "rid";

	public static final String INDEX_NUMBER = "indexNumber";

	public static final String STATUS = "status";

	public static final String DISCLOSURE_MODE = "disclosureMode";

	public static final String UNIT_ID = "unitId";

	public static final String UNIT_NAME = "unitName";

	/** {@code <unit id>␟<unit name>}: the unit facet with its label. */
	public static final String UNIT_FACET = "unitFacet";

	/**
	 * The proposal's lead deputy and co-signers: the access predicate, the filter and the
	 * deputy facet (counted by id: a facet of names would map thousands of distinct terms
	 * across the index's segments for every search).
	 */
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
