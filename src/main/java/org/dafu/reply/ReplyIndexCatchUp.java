package org.dafu.reply;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Several instances with their own Lucene index (docs/search.md): each sees the changes
 * of the others by their {@code reply.updated_at} (moved by every change of a reply, and
 * indexed by V75). Before it searches, an instance asks, at most once per
 * {@code dafu.search.catch-up-interval}, which replies changed since it last looked (with
 * a margin for transactions that committed late and clocks that differ), and re-indexes
 * those it has not seen in that state. With one instance this re-indexes only its own
 * recent changes once more. Not with the OpenSearch backend: its one index gets every
 * change, once, through the outbox (search/OpenSearchConfiguration).
 */
@Component
public class ReplyIndexCatchUp {

	/** How far back every look goes again. */
	static final Duration MARGIN = Duration.ofSeconds(30);

	private final NamedParameterJdbcTemplate jdbc;

	private final ReplySearchIndex index;

	private final long intervalNanos;

	private final boolean enabled;

	private volatile long nextLook;

	private Instant seenUpTo = Instant.now();

	private Map<Long, Instant> seen = new HashMap<>();

	ReplyIndexCatchUp(NamedParameterJdbcTemplate jdbc, ReplySearchIndex index,
			@Value("${dafu.search.catch-up-interval:${dafu.page-cache.version-check-interval:1s}}") Duration interval,
			@Value("${dafu.search.backend:lucene}") String backend) {
		this.enabled = !"opensearch".equalsIgnoreCase(backend.strip());
		this.jdbc = jdbc;
		this.index = index;
		this.intervalNanos = interval.toNanos();
		this.nextLook = System.nanoTime();
	}

	/** Re-indexes the replies another instance changed, when it is time to look. */
	public void catchUp() {
		if (!this.enabled || System.nanoTime() - this.nextLook < 0) {
			return;
		}
		synchronized (this) {
			if (System.nanoTime() - this.nextLook < 0) {
				return;
			}
			this.nextLook = System.nanoTime() + this.intervalNanos;
			Map<Long, Instant> now = new HashMap<>();
			this.jdbc.query("select id, updated_at from reply where updated_at > :from",
					Map.of("from", Timestamp.from(this.seenUpTo.minus(MARGIN))),
					(RowCallbackHandler) (rs) -> now.put(rs.getLong(1), rs.getTimestamp(2).toInstant()));
			List<Long> changed = new ArrayList<>();
			now.forEach((id, updated) -> {
				if (!updated.equals(this.seen.get(id))) {
					changed.add(id);
				}
				if (updated.isAfter(this.seenUpTo)) {
					this.seenUpTo = updated;
				}
			});
			if (!changed.isEmpty()) {
				this.index.reindex(changed);
			}
			this.seen = now;
		}
	}

}
