package org.dafu.history;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Revisions of proposals and replies: who changed what, when, with readable snapshots of
 * the text before and after. A revision is written in the transaction of the change, so
 * the two commit (or roll back) together. History is never public: its page checks the
 * viewer (see {@link HistoryReaders}).
 */
@Service
public class HistoryService {

	private final JdbcClient jdbc;

	HistoryService(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records one change. {@code before} and {@code after} are readable text snapshots
	 * (either may be null for creation or deletion).
	 * @return the revision's ordinal (1 for the first change of that entity)
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public int record(String entityType, long entityId, String actor, String kind, String before, String after) {
		return record(entityType, entityId, actor, kind, before, after, null);
	}

	/**
	 * As {@link #record(String, long, String, String, String, String)}, with a reason.
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public int record(String entityType, long entityId, String actor, String kind, String before, String after,
			String summary) {
		// Serialises writers of the same entity's history so ordinals stay distinct.
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext(:type), cast(:id % 2147483647 as integer))")
			.param("type", entityType)
			.param("id", entityId)
			.query()
			.listOfRows();
		int ordinal = this.jdbc
			.sql("select coalesce(max(ordinal), 0) + 1 from revision where entity_type = :type and entity_id = :id")
			.param("type", entityType)
			.param("id", entityId)
			.query(Integer.class)
			.single();
		this.jdbc
			.sql("insert into revision (entity_type, entity_id, ordinal, changed_by, change_kind, before_text, "
					+ "after_text, summary) values (:type, :id, :ordinal, :actor, :kind, :before, :after, :summary)")
			.param("type", entityType)
			.param("id", entityId)
			.param("ordinal", ordinal)
			.param("actor", (actor != null) ? cut(actor, 100) : "system")
			.param("kind", cut(kind, 30))
			.param("before", before)
			.param("after", after)
			.param("summary", (summary != null) ? cut(summary, 500) : null)
			.update();
		return ordinal;
	}

	/** Every revision of one entity, oldest first. Callers check who may see them. */
	@Transactional(readOnly = true)
	public List<RevisionView> revisions(String entityType, long entityId) {
		return this.jdbc
			.sql("select id, entity_type, entity_id, ordinal, changed_by, changed_at, change_kind, before_text, "
					+ "after_text, summary from revision where entity_type = :type and entity_id = :id order by ordinal")
			.param("type", entityType)
			.param("id", entityId)
			.query((rs, n) -> new RevisionView(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getInt(4),
					rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getString(8), rs.getString(9),
					rs.getString(10)))
			.list();
	}

	/** The text after the latest revision, or null when there is none yet. */
	@Transactional(readOnly = true)
	public String latestSnapshot(String entityType, long entityId) {
		return this.jdbc
			.sql("select after_text from revision where entity_type = :type and entity_id = :id "
					+ "order by ordinal desc limit 1")
			.param("type", entityType)
			.param("id", entityId)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private static String cut(String value, int max) {
		return (value.length() <= max) ? value : value.substring(0, max);
	}

}
