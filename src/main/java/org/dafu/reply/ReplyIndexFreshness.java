package org.dafu.reply;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostCollectionRecreateEvent;
import org.hibernate.event.spi.PostCollectionRecreateEventListener;
import org.hibernate.event.spi.PostCollectionUpdateEvent;
import org.hibernate.event.spi.PostCollectionUpdateEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A reply's document also holds what it refers to by id (ReplyIndexBinder): the
 * proposal's number, title, topic and deputies, the deputies' and units' names, the
 * session. When one of them changes through JPA, the replies it concerns are re-indexed
 * once the change is committed.
 */
@Component
class ReplyIndexFreshness implements PostUpdateEventListener, PostInsertEventListener,
		PostCollectionUpdateEventListener, PostCollectionRecreateEventListener {

	/** Entity name → the replies a change of that entity concerns. */
	private static final Map<String, String> CONCERNED = Map.of("org.dafu.proposal.Proposal",
			"select r.id from reply r where r.proposal_id = :id", "org.dafu.proposal.Assignment",
			"select r.id from reply r join assignment a on a.proposal_id = r.proposal_id where a.id = :id",
			"org.dafu.proposal.TopicCategory",
			"select r.id from reply r join proposal p on p.id = r.proposal_id where p.topic_category_id = :id",
			"org.dafu.congress.CongressSession",
			"select r.id from reply r join proposal p on p.id = r.proposal_id where p.session_id = :id",
			"org.dafu.congress.Deputy", """
					select r.id from reply r join proposal p on p.id = r.proposal_id where p.lead_deputy_id = :id
					union select r.id from reply r join proposal_cosigner c on c.proposal_id = r.proposal_id
					 where c.deputy_id = :id""", "org.dafu.unit.HandlingUnit", """
					select r.id from reply r where r.unit_id = :id
					union select r.id from reply r join assignment a on a.proposal_id = r.proposal_id
					 where a.unit_id = :id""");

	private final EntityManagerFactory entityManagerFactory;

	private final NamedParameterJdbcTemplate jdbc;

	private final ReplySearchIndex index;

	ReplyIndexFreshness(EntityManagerFactory entityManagerFactory, NamedParameterJdbcTemplate jdbc,
			ReplySearchIndex index) {
		this.entityManagerFactory = entityManagerFactory;
		this.jdbc = jdbc;
		this.index = index;
	}

	@PostConstruct
	void register() {
		EventListenerRegistry registry = this.entityManagerFactory.unwrap(SessionFactoryImplementor.class)
			.getServiceRegistry()
			.requireService(EventListenerRegistry.class);
		registry.appendListeners(EventType.POST_UPDATE, this);
		registry.appendListeners(EventType.POST_INSERT, this);
		registry.appendListeners(EventType.POST_COLLECTION_UPDATE, this);
		registry.appendListeners(EventType.POST_COLLECTION_RECREATE, this);
	}

	@Override
	public void onPostUpdate(PostUpdateEvent event) {
		changed(event.getPersister().getEntityName(), event.getId());
	}

	@Override
	public void onPostInsert(PostInsertEvent event) {
		changed(event.getPersister().getEntityName(), event.getId());
	}

	@Override
	public void onPostUpdateCollection(PostCollectionUpdateEvent event) {
		changed(event.getAffectedOwnerEntityName(), event.getAffectedOwnerIdOrNull());
	}

	@Override
	public void onPostRecreateCollection(PostCollectionRecreateEvent event) {
		changed(event.getAffectedOwnerEntityName(), event.getAffectedOwnerIdOrNull());
	}

	@Override
	public boolean requiresPostCommitHandling(EntityPersister persister) {
		return false;
	}

	private void changed(String entityName, Object id) {
		String concerned = CONCERNED.get(entityName);
		if (concerned == null || id == null || !TransactionSynchronizationManager.isSynchronizationActive()) {
			return;
		}
		Changes changes = (Changes) TransactionSynchronizationManager.getResource(this);
		if (changes == null) {
			changes = new Changes();
			TransactionSynchronizationManager.bindResource(this, changes);
			TransactionSynchronizationManager.registerSynchronization(changes);
		}
		changes.sql.add(new Concerned(concerned, id));
	}

	private record Concerned(String sql, Object id) {
	}

	private final class Changes implements TransactionSynchronization {

		final Set<Concerned> sql = new LinkedHashSet<>();

		@Override
		public void afterCommit() {
			Set<Long> ids = new LinkedHashSet<>();
			for (Concerned c : this.sql) {
				List<Long> found = ReplyIndexFreshness.this.jdbc.queryForList(c.sql(), Map.of("id", c.id()),
						Long.class);
				ids.addAll(found);
			}
			if (!ids.isEmpty()) {
				ReplyIndexFreshness.this.index.reindex(ids);
			}
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(ReplyIndexFreshness.this);
		}

	}

}
