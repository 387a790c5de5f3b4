package org.dafu.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.dafu.access.Viewer;
import org.dafu.platform.web.NotFoundException;
import org.dafu.reply.ReplyChanged;
import org.dafu.reply.ReplyService;
import org.dafu.reply.ReplyView;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code reply_search} current: every change of a reply re-indexes it in the same
 * transaction, just before it commits (so the index never disagrees with what was
 * committed), and at start-up every reply without an index row (bulk-loaded data) is
 * indexed in batches.
 */
@Component
class SearchIndexer {

	private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);

	private static final Viewer SYSTEM = Viewer.coordinator("search-indexer");

	private static final int BATCH = 200;

	private final ReplyService replies;

	private final NamedParameterJdbcTemplate jdbc;

	private final EntityManager entityManager;

	private final TransactionTemplate transactions;

	SearchIndexer(ReplyService replies, NamedParameterJdbcTemplate jdbc, EntityManager entityManager,
			TransactionTemplate transactions) {
		this.replies = replies;
		this.jdbc = jdbc;
		this.entityManager = entityManager;
		this.transactions = transactions;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(ReplyChanged event) {
		this.entityManager.flush();
		index(event.replyId());
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
		for (Long id : ids) {
			index(id);
		}
		return ids.size();
	}

	@Transactional
	void index(long replyId) {
		ReplyView reply;
		try {
			reply = this.replies.readable(SYSTEM, replyId);
		}
		catch (NotFoundException ex) {
			this.jdbc.update("delete from reply_search where reply_id = :id", Map.of("id", replyId));
			return;
		}
		String title = Objects.toString(reply.proposal().title(), "");
		List<String> headings = reply.sections().stream().map(ReplyView.SectionView::heading).toList();
		List<String> bodies = new ArrayList<>();
		bodies.add(Objects.toString(reply.opening(), ""));
		reply.sections().forEach((s) -> bodies.add(s.body()));
		bodies.add(Objects.toString(reply.closing(), ""));
		List<String> subjects = reply.figures().stream().map((f) -> f.content().subject()).distinct().toList();
		SearchDocument document = new SearchDocument().add(title, 'A');
		headings.forEach((h) -> document.add(h, 'A'));
		bodies.forEach((b) -> document.add(b, 'B'));
		subjects.forEach((s) -> document.add(s, 'C'));
		this.jdbc.update("""
				insert into reply_search (reply_id, document, title, headings, body, subjects, indexed_at)
				values (:id, cast(:document as tsvector), :title, :headings, :body, :subjects, now())
				on conflict (reply_id) do update set document = excluded.document, title = excluded.title,
				    headings = excluded.headings, body = excluded.body, subjects = excluded.subjects,
				    indexed_at = excluded.indexed_at""",
				Map.of("id", replyId, "document", document.tsvector(), "title", title, "headings",
						String.join("\n", headings), "body",
						bodies.stream().filter((b) -> !b.isBlank()).collect(Collectors.joining("\n")), "subjects",
						String.join("\n", subjects)));
	}

}
