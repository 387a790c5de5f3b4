package org.dafu.reply;

import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
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
import org.hibernate.search.mapper.orm.Search;
import org.dafu.proposal.ProposalProjections;
import org.hibernate.search.mapper.orm.work.SearchIndexingPlan;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.dafu.proposal.ProposalProjections.ASSIGNMENTS;
import static org.dafu.proposal.ProposalProjections.PROPOSALS;

/**
 * A reply's document also holds what it refers to by id (ReplyIndexBinder): the
 * proposal's number, title, topic and deputies, the deputies' and units' names, the
 * session. When one of them changes through JPA, the replies it concerns are re-indexed
 * with the change's transaction.
 */
@Component
class ReplyIndexFreshness implements PostUpdateEventListener, PostInsertEventListener,
		PostCollectionUpdateEventListener, PostCollectionRecreateEventListener {

	/** Entity name → the replies a change of that entity concerns. */
	private static final Map<String, String> CONCERNED = Map.of("org.dafu.proposal.Proposal",
			"select r.id from reply r where r.proposal_id = :id", "org.dafu.proposal.Assignment",
			"select r.id from reply r join " + ASSIGNMENTS + " a on a.proposal_id = r.proposal_id where a.id = :id",
			"org.dafu.proposal.TopicCategory",
			"select r.id from reply r join " + PROPOSALS + " p on p.id = r.proposal_id where p.topic_category_id = :id",
			"org.dafu.congress.CongressSession",
			"select r.id from reply r join " + PROPOSALS + " p on p.id = r.proposal_id where p.session_id = :id",
			"org.dafu.congress.Deputy",
			"select r.id from reply r where r.proposal_id in (" + ProposalProjections.ofDeputy("id") + ")",
			"org.dafu.unit.HandlingUnit",
			"select r.id from reply r where r.unit_id = :id" + " union select r.id from reply r join " + ASSIGNMENTS
					+ " a on a.proposal_id = r.proposal_id where a.unit_id = :id");

	private final EntityManagerFactory entityManagerFactory;

	private final NamedParameterJdbcTemplate jdbc;

	ReplyIndexFreshness(EntityManagerFactory entityManagerFactory, NamedParameterJdbcTemplate jdbc) {
		this.entityManagerFactory = entityManagerFactory;
		this.jdbc = jdbc;
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
		changed(event.getSession(), event.getPersister().getEntityName(), event.getId());
	}

	@Override
	public void onPostInsert(PostInsertEvent event) {
		changed(event.getSession(), event.getPersister().getEntityName(), event.getId());
	}

	@Override
	public void onPostUpdateCollection(PostCollectionUpdateEvent event) {
		changed(event.getSession(), event.getAffectedOwnerEntityName(), event.getAffectedOwnerIdOrNull());
	}

	@Override
	public void onPostRecreateCollection(PostCollectionRecreateEvent event) {
		changed(event.getSession(), event.getAffectedOwnerEntityName(), event.getAffectedOwnerIdOrNull());
	}

	@Override
	public boolean requiresPostCommitHandling(EntityPersister persister) {
		return false;
	}

	/**
	 * Adds the concerned replies to the session's indexing plan, in the same transaction
	 * and on its connection: they are indexed when it commits (through the outbox, on
	 * OpenSearch), and no second connection is taken while the first is held (fifty
	 * parallel issues would otherwise drain the pool).
	 */
	private void changed(SharedSessionContractImplementor source, String entityName, Object id) {
		String concerned = CONCERNED.get(entityName);
		if (concerned == null || id == null || !(source instanceof Session session)
				|| !TransactionSynchronizationManager.isActualTransactionActive()) {
			return;
		}
		List<Long> ids = this.jdbc.queryForList(concerned, Map.of("id", id), Long.class);
		if (ids.isEmpty()) {
			return;
		}
		SearchIndexingPlan plan = Search.session(session).indexingPlan();
		for (Long replyId : ids) {
			plan.addOrUpdate(session.getReference(Reply.class, replyId));
		}
	}

}
