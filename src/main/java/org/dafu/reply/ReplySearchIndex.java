package org.dafu.reply;

import java.util.Collection;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The search index of replies as a whole (docs/search.md): Hibernate Search keeps it
 * current as replies change through JPA; this re-indexes what changes around them, counts
 * it and rebuilds it with the mass indexer.
 */
@Component
public class ReplySearchIndex {

	private static final Logger log = LoggerFactory.getLogger(ReplySearchIndex.class);

	private static final int BATCH = 200;

	private final EntityManager entityManager;

	private final EntityManagerFactory entityManagerFactory;

	ReplySearchIndex(EntityManager entityManager, EntityManagerFactory entityManagerFactory) {
		this.entityManager = entityManager;
		this.entityManagerFactory = entityManagerFactory;
	}

	/**
	 * Every change of a reply is indexed with its transaction, also when only its parts
	 * changed (a correction that keeps the text).
	 */
	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(ReplyChanged event) {
		if (this.entityManager.isJoinedToTransaction()) {
			this.entityManager.flush();
			Reply reply = this.entityManager.find(Reply.class, event.replyId());
			if (reply != null) {
				Search.session(this.entityManager).indexingPlan().addOrUpdate(reply);
			}
		}
	}

	/** Re-indexes these replies (those that no longer exist are skipped), in batches. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void reindex(Collection<Long> ids) {
		SearchSession search = Search.session(this.entityManager);
		List<Long> list = List.copyOf(ids);
		for (int from = 0; from < list.size(); from += BATCH) {
			List<Reply> replies = this.entityManager
				.createQuery("select r from Reply r where r.id in :ids", Reply.class)
				.setParameter("ids", list.subList(from, Math.min(list.size(), from + BATCH)))
				.getResultList();
			replies.forEach((reply) -> search.indexingPlan().addOrUpdate(reply));
			search.indexingPlan().execute();
			this.entityManager.clear();
		}
	}

	/** How many replies the index holds. */
	@Transactional(readOnly = true)
	public long size() {
		SearchSession search = Search.session(this.entityManager);
		return search.search(search.scope(Object.class, List.of(ReplyIndex.ENTITY)))
			.where((f) -> f.matchAll())
			.fetchTotalHitCount();
	}

	/** How many replies the database holds. */
	@Transactional(readOnly = true)
	public long replies() {
		return this.entityManager.createQuery("select count(r) from Reply r", Long.class).getSingleResult();
	}

	/**
	 * Empties the index and indexes every reply again with the mass indexer (its progress
	 * is logged).
	 */
	public void rebuild() throws InterruptedException {
		long started = System.nanoTime();
		Search.mapping(this.entityManagerFactory)
			.scope(Reply.class)
			.massIndexer()
			.purgeAllOnStart(true)
			.threadsToLoadObjects(2)
			.batchSizeToLoadObjects(100)
			.startAndWait();
		log.info("search: index rebuilt in {} ms", (System.nanoTime() - started) / 1_000_000);
	}

}
