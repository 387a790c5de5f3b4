package org.dafu.reply;

import java.util.Map;

import org.dafu.access.AccessPolicy;
import org.dafu.access.SqlFilter;
import org.dafu.proposal.ProposalProjections;
import org.dafu.access.Viewer;
import org.hibernate.search.engine.search.common.ValueModel;
import org.hibernate.search.engine.search.predicate.SearchPredicate;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;

/**
 * {@link AccessPolicy#canRead(Viewer, org.dafu.access.ReplyFacts)} translated into the
 * reply's storage: a SQL condition on the {@code reply} table and a predicate on the
 * search index of replies. Lists, counts, facets, feeds and exports and-ed with these
 * never return what the policy hides; the route walk and {@code SqlFilterTests} hold the
 * translations to the policy.
 */
public final class ReplyVisibility {

	private ReplyVisibility() {
	}

	/**
	 * The condition under which a row of {@code reply} (aliased {@code alias}) is visible
	 * to the viewer. Parameter names start with {@code acl_}.
	 */
	public static SqlFilter filter(Viewer viewer, String alias) {
		String publicRows = ReplyReads.publicRule(alias);
		return switch (viewer.role()) {
			case COORDINATOR -> new SqlFilter("true", Map.of());
			case OFFICIAL -> new SqlFilter("((" + publicRows + ") or " + alias + ".unit_id = :acl_unit)",
					Map.of("acl_unit", viewer.unitId()));
			case DEPUTY -> new SqlFilter(
					"((" + publicRows + ") or (" + alias + ".status = 'ISSUED' and " + alias + ".proposal_id in ("
							+ ProposalProjections.ofDeputy("acl_deputy") + ")))",
					Map.of("acl_deputy", viewer.deputyId()));
			case PUBLIC -> new SqlFilter("(" + publicRows + ")", Map.of());
		};
	}

	/**
	 * The same condition as {@link #filter} on the search index of replies
	 * ({@link ReplyIndex}): to be and-ed into every search, count and facet, so that the
	 * index never finds, counts or offers what the viewer may not read.
	 */
	public static SearchPredicate predicate(Viewer viewer, SearchPredicateFactory f) {
		SearchPredicate issued = f.match().field(ReplyIndex.STATUS).matching("ISSUED", ValueModel.INDEX).toPredicate();
		SearchPredicate publicReplies = f
			.and(issued,
					f.match().field(ReplyIndex.DISCLOSURE_MODE).matching("PROACTIVE", ValueModel.INDEX).toPredicate())
			.toPredicate();
		return switch (viewer.role()) {
			case COORDINATOR -> f.matchAll().toPredicate();
			case OFFICIAL ->
				f.or(publicReplies, f.match().field(ReplyIndex.UNIT_ID).matching(viewer.unitId()).toPredicate())
					.toPredicate();
			case DEPUTY -> f
				.or(publicReplies,
						f.and(issued, f.match().field(ReplyIndex.DEPUTY_IDS).matching(viewer.deputyId()).toPredicate())
							.toPredicate())
				.toPredicate();
			case PUBLIC -> publicReplies;
		};
	}

}
