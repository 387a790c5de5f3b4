package org.dafu.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.dafu.reply.ReplyChanged;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code reply_search} current: every change of a reply re-indexes it in the same
 * transaction, just before it commits (so the index never disagrees with what was
 * committed), and at start-up every reply without an index row (bulk-loaded data) is
 * indexed in batches. The texts are read with three queries per batch, not reply by
 * reply, so that a bulk load of many thousands is indexed in seconds.
 */
@Component
class SearchIndexer {

	private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);

	private static final int BATCH = 500;

	private final NamedParameterJdbcTemplate jdbc;

	private final EntityManager entityManager;

	private final TransactionTemplate transactions;

	SearchIndexer(NamedParameterJdbcTemplate jdbc, EntityManager entityManager, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.entityManager = entityManager;
		this.transactions = transactions;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(ReplyChanged event) {
		if (this.entityManager.isJoinedToTransaction()) {
			// the JPA changes of this transaction must be visible to the JDBC reads
			this.entityManager.flush();
		}
		this.transactions.executeWithoutResult((status) -> index(List.of(event.replyId())));
	}

	/** Indexes every reply that has no index row yet. */
	@EventListener(ApplicationReadyEvent.class)
	void sweep() {
		int total = 0;
		while (true) {
			Integer done = this.transactions.execute((status) -> indexMissing());
			if (done == null || done == 0) {
				break;
			}
			total += done;
		}
		if (total > 0) {
			log.info("search: indexed {} replies that had no index row", total);
		}
	}

	private int indexMissing() {
		List<Long> ids = this.jdbc.queryForList("""
				select r.id from reply r where not exists (select 1 from reply_search rs where rs.reply_id = r.id)
				order by r.id limit :batch""", Map.of("batch", BATCH), Long.class);
		if (!ids.isEmpty()) {
			index(ids);
		}
		return ids.size();
	}

	/** (Re-)indexes the replies; ids of replies that no longer exist lose their row. */
	void index(Collection<Long> ids) {
		Map<Long, Texts> texts = new LinkedHashMap<>();
		this.jdbc.query("""
				select r.id, p.title, r.opening, r.closing from reply r join proposal p on p.id = r.proposal_id
				where r.id in (:ids)""", Map.of("ids", ids),
				(RowCallbackHandler) (rs) -> texts.put(rs.getLong("id"),
						new Texts(Objects.toString(rs.getString("title"), ""),
								Objects.toString(rs.getString("opening"), ""),
								Objects.toString(rs.getString("closing"), ""))));
		this.jdbc.query(
				"select reply_id, heading, body from reply_section where reply_id in (:ids) order by reply_id, ordinal",
				Map.of("ids", ids), (RowCallbackHandler) (rs) -> {
					Texts t = texts.get(rs.getLong("reply_id"));
					if (t != null) {
						t.headings.add(Objects.toString(rs.getString("heading"), ""));
						t.bodies.add(Objects.toString(rs.getString("body"), ""));
					}
				});
		this.jdbc.query("""
				select f.reply_id, f.subject from figure f join reply_section s on s.id = f.section_id
				where f.reply_id in (:ids) order by f.reply_id, s.ordinal, f.ordinal, f.id""", Map.of("ids", ids),
				(RowCallbackHandler) (rs) -> {
					Texts t = texts.get(rs.getLong("reply_id"));
					if (t != null && !t.subjects.contains(rs.getString("subject"))) {
						t.subjects.add(rs.getString("subject"));
					}
				});
		List<Long> gone = ids.stream().filter((id) -> !texts.containsKey(id)).toList();
		if (!gone.isEmpty()) {
			this.jdbc.update("delete from reply_search where reply_id in (:ids)", Map.of("ids", gone));
		}
		SqlParameterSource[] rows = texts.entrySet()
			.stream()
			.map((e) -> e.getValue().row(e.getKey()))
			.toArray(SqlParameterSource[]::new);
		this.jdbc.batchUpdate("""
				insert into reply_search (reply_id, document, title, headings, body, subjects, indexed_at)
				values (:id, cast(:document as tsvector), :title, :headings, :body, :subjects, now())
				on conflict (reply_id) do update set document = excluded.document, title = excluded.title,
				    headings = excluded.headings, body = excluded.body, subjects = excluded.subjects,
				    indexed_at = excluded.indexed_at""", rows);
	}

	/**
	 * What is indexed of a reply, with weights A (title, headings), B (texts), C
	 * (subjects).
	 */
	private static final class Texts {

		final String title;

		final String opening;

		final String closing;

		final List<String> headings = new ArrayList<>();

		final List<String> bodies = new ArrayList<>();

		final List<String> subjects = new ArrayList<>();

		Texts(String title, String opening, String closing) {
			this.title = title;
			this.opening = opening;
			this.closing = closing;
		}

		SqlParameterSource row(long id) {
			List<String> texts = new ArrayList<>();
			texts.add(this.opening);
			texts.addAll(this.bodies);
			texts.add(this.closing);
			SearchDocument document = new SearchDocument().add(this.title, 'A');
			this.headings.forEach((h) -> document.add(h, 'A'));
			texts.forEach((b) -> document.add(b, 'B'));
			this.subjects.forEach((s) -> document.add(s, 'C'));
			Map<String, Object> values = new HashMap<>();
			values.put("id", id);
			values.put("document", document.tsvector());
			values.put("title", this.title);
			values.put("headings", String.join("\n", this.headings));
			values.put("body", texts.stream().filter((b) -> !b.isBlank()).collect(Collectors.joining("\n")));
			values.put("subjects", String.join("\n", this.subjects));
			return new MapSqlParameterSource(values);
		}

	}

}
