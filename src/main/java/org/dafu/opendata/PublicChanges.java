package org.dafu.opendata;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * When issued replies last changed for the public (column {@code public_changed_at}, kept
 * by triggers, migration V73): the issue, the latest correction or the latest disclosure
 * change.
 */
@Component
class PublicChanges {

	private final NamedParameterJdbcTemplate jdbc;

	PublicChanges(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The last public change of each of these replies that has one. */
	Map<Long, Instant> of(Collection<Long> replyIds) {
		Map<Long, Instant> changes = new HashMap<>();
		if (replyIds.isEmpty()) {
			return changes;
		}
		this.jdbc.query("select id, public_changed_at from reply where id in (:ids) and public_changed_at is not null",
				Map.of("ids", replyIds), (rs) -> {
					Timestamp changed = rs.getTimestamp("public_changed_at");
					changes.put(rs.getLong("id"), changed.toInstant());
				});
		return changes;
	}

}
