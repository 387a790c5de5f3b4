package org.dafu.access;

import java.util.Map;

import org.dafu.reply.ReplyIndex;
import org.dafu.reply.ReplyReads;
import org.hibernate.search.engine.search.common.ValueModel;
import org.hibernate.search.engine.search.predicate.SearchPredicate;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one place that decides who may see and change replies. Pages, the API, search,
 * statistics, feeds and exports all ask here: either per reply ({@link #canRead}) or, for
 * lists and counts, by adding {@link #replyFilter} to their SQL, or
 * {@link #replyPredicate} to their search in the index of replies.
 *
 * <ul>
 * <li>public: issued replies whose disclosure mode is 主动公开;</li>
 * <li>deputy: those, plus issued replies to proposals they led or co-signed;</li>
 * <li>official: public replies, plus every reply (drafts too) of their own unit;</li>
 * <li>coordinator: everything.</li>
 * </ul>
 */
@Component
public class AccessPolicy {

	/** The viewer of the current request (anonymous when nobody is signed in). */
	public Viewer currentViewer() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.isAuthenticated()
				&& authentication.getPrincipal() instanceof ViewerPrincipal principal) {
			return principal.viewer();
		}
		return Viewer.anonymous();
	}

	public boolean canRead(Viewer viewer, ReplyFacts reply) {
		return switch (viewer.role()) {
			case COORDINATOR -> true;
			case OFFICIAL -> reply.isPublic() || viewer.unitId().equals(reply.unitId());
			case DEPUTY -> reply.isPublic() || (reply.issued() && reply.concernsDeputy(viewer.deputyId()));
			case PUBLIC -> reply.isPublic();
		};
	}

	/** Drafts are edited by officials of the unit that writes them. */
	public boolean canEditDraft(Viewer viewer, ReplyFacts reply) {
		return !reply.issued() && viewer.isOfficial() && viewer.unitId().equals(reply.unitId());
	}

	/** Writing replies for a unit: its officials. */
	public boolean canWriteFor(Viewer viewer, Long unitId) {
		return viewer.isOfficial() && viewer.unitId().equals(unitId);
	}

	/**
	 * Issued replies change only by a recorded correction: by their unit or a
	 * coordinator.
	 */
	public boolean canCorrect(Viewer viewer, ReplyFacts reply) {
		return reply.issued()
				&& (viewer.isCoordinator() || (viewer.isOfficial() && viewer.unitId().equals(reply.unitId())));
	}

	/**
	 * Withdrawing an issued reply from public view (or changing why it is not public):
	 * its unit's officials and coordinators.
	 */
	public boolean canWithdraw(Viewer viewer, ReplyFacts reply) {
		return reply.issued()
				&& (viewer.isCoordinator() || (viewer.isOfficial() && viewer.unitId().equals(reply.unitId())));
	}

	/** Making a withdrawn reply public again (主动公开): coordinators only. */
	public boolean canRedisclose(Viewer viewer, ReplyFacts reply) {
		return reply.issued() && viewer.isCoordinator();
	}

	/** Only the lead deputy rates a reply. */
	public boolean canEvaluate(Viewer viewer, ReplyFacts reply) {
		return reply.issued() && viewer.isDeputy() && viewer.deputyId().equals(reply.leadDeputyId());
	}

	/**
	 * The text of a proposal, on its public record: disclosed with its replies, so shown
	 * to whoever may read one of its issued replies (for the public: a 主动公开 one), and
	 * always to its deputies, the officials of the units it was assigned to and
	 * coordinators. The title, deputies, session, number and units are public data.
	 */
	public boolean canReadProposalText(Viewer viewer, ProposalFacts proposal) {
		return switch (viewer.role()) {
			case COORDINATOR -> true;
			case OFFICIAL -> proposal.readableIssuedReply() || proposal.unitIds().contains(viewer.unitId());
			case DEPUTY -> proposal.readableIssuedReply() || proposal.concernsDeputy(viewer.deputyId());
			case PUBLIC -> proposal.readableIssuedReply();
		};
	}

	/**
	 * How the deputy rated a reply (满意/基本满意/不满意) is one identifiable person's opinion:
	 * the statistics publish satisfaction only over at least three evaluations
	 * (docs/figures.md, "Small numbers"), so one rating is shown only to the proposal's
	 * own deputies (who see it in 我的建议 too) and to coordinators. Everyone else who may
	 * read the reply learns only that it was rated.
	 */
	public boolean canReadRating(Viewer viewer, ProposalFacts proposal) {
		return viewer.isCoordinator() || (viewer.isDeputy() && proposal.concernsDeputy(viewer.deputyId()));
	}

	public void requireCoordinator(Viewer viewer) {
		if (!viewer.isCoordinator()) {
			throw new AccessDeniedException("coordinator only");
		}
	}

	/**
	 * The condition under which a row of {@code reply} (aliased {@code alias}) is visible
	 * to the viewer. Parameter names start with {@code acl_}.
	 */
	public SqlFilter replyFilter(Viewer viewer, String alias) {
		String publicRows = ReplyReads.publicRule(alias);
		return switch (viewer.role()) {
			case COORDINATOR -> new SqlFilter("true", Map.of());
			case OFFICIAL -> new SqlFilter("((" + publicRows + ") or " + alias + ".unit_id = :acl_unit)",
					Map.of("acl_unit", viewer.unitId()));
			case DEPUTY -> new SqlFilter(
					"((" + publicRows + ") or (" + alias + ".status = 'ISSUED' and " + alias
							+ ".proposal_id in (select p.id from proposal p where p.lead_deputy_id = :acl_deputy"
							+ " union select c.proposal_id from proposal_cosigner c where c.deputy_id = :acl_deputy)))",
					Map.of("acl_deputy", viewer.deputyId()));
			case PUBLIC -> new SqlFilter("(" + publicRows + ")", Map.of());
		};
	}

	/**
	 * The same condition as {@link #replyFilter} on the search index of replies
	 * ({@link ReplyIndex}): to be and-ed into every search, count and facet, so that the
	 * index never finds, counts or offers what the viewer may not read.
	 */
	public SearchPredicate replyPredicate(Viewer viewer, SearchPredicateFactory f) {
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
