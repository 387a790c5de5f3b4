package org.dafu.search;

import java.util.List;

import jakarta.persistence.EntityManager;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.scope.SearchScope;
import org.hibernate.search.mapper.orm.session.SearchSession;

import org.dafu.reply.ReplyIndex;
import org.dafu.reply.ReplyIndexCatchUp;

import org.springframework.stereotype.Component;

/**
 * The Hibernate Search session of the current persistence context and the scope of the
 * index of replies, caught up with the replies' changes before each query
 * ({@link ReplyIndexCatchUp}). Opens nothing itself: the session's connection is taken
 * only if SQL runs.
 */
@Component
class ReplyIndexScope {

	private final EntityManager entityManager;

	private final ReplyIndexCatchUp catchUp;

	ReplyIndexScope(EntityManager entityManager, ReplyIndexCatchUp catchUp) {
		this.entityManager = entityManager;
		this.catchUp = catchUp;
	}

	SearchSession session() {
		return Search.session(this.entityManager);
	}

	/** The index of replies, once the changes awaiting it are in. */
	SearchScope<Object> scope() {
		this.catchUp.catchUp();
		return session().scope(Object.class, List.of(ReplyIndex.ENTITY));
	}

}
