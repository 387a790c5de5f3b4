package org.dafu.access;

import org.dafu.reply.ReplyVisibility;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one place that decides who may see and change replies. Pages, the API, search,
 * statistics, feeds and exports all ask here: either per reply ({@link #canRead}) or, for
 * lists and counts, by adding {@code ReplyVisibility.filter} to their SQL, or
 * {@code ReplyVisibility.predicate} to their search in the index of replies.
 *
 * <ul>
 * <li>public: issued replies whose disclosure mode is 主动公开;</li>
 * <li>deputy: those, plus issued replies to proposals they led or co-signed;</li>
 * <li>official: public replies, plus every reply (drafts too) of their own unit;</li>
 * <li>coordinator: everything.</li>
 * </ul>
 * Co-handling opinions (协办意见) are read by {@link #canReadOpinion}.
 * <p>
 * Templates ask it by name ({@code @accessPolicy}), also in test slices that import it.
 */
@Component("accessPolicy")
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

	/**
	 * Submitting a draft for review (提交审核), or recalling a submitted one: officials of
	 * the unit that writes it, drafters (经办人) and signers alike.
	 */
	public boolean canSubmit(Viewer viewer, ReplyFacts reply) {
		return canEditDraft(viewer, reply);
	}

	/**
	 * Issuing (签发) a reply, or returning it for changes (退回修改): a signer (签发人) of the
	 * unit that writes it, when that unit is the proposal's lead unit. Drafters,
	 * officials of other units, coordinators, deputies and the public never do.
	 * @param leadUnitId the proposal's lead unit (主办单位), null when it has none
	 */
	public boolean canSign(Viewer viewer, ReplyFacts reply, Long leadUnitId) {
		return !reply.issued() && viewer.isOfficial() && viewer.isSigner() && viewer.unitId().equals(reply.unitId())
				&& viewer.unitId().equals(leadUnitId);
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
	 * Changing who may read a reply (公开方式 and its reason), issued or not: its unit's
	 * officials (drafters and signers alike) and coordinators.
	 */
	public boolean canChangeDisclosure(Viewer viewer, ReplyFacts reply) {
		return viewer.isCoordinator() || (viewer.isOfficial() && viewer.unitId().equals(reply.unitId()));
	}

	/**
	 * Withdrawing an issued reply from public view (or changing why it is not public), on
	 * the disclosure page: whoever may change its disclosure
	 * ({@link #canChangeDisclosure}), once it is issued. The links to that page show by
	 * this rule too.
	 */
	public boolean canWithdraw(Viewer viewer, ReplyFacts reply) {
		return reply.issued() && canChangeDisclosure(viewer, reply);
	}

	/**
	 * Attaching the signed and sealed original (答复原件) of an issued reply, or a new
	 * version of it: an official of the unit that wrote the reply.
	 */
	public boolean canAttachOriginal(Viewer viewer, ReplyFacts reply) {
		return reply.issued() && viewer.isOfficial() && viewer.unitId().equals(reply.unitId());
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
	 * Reading a co-handling opinion's text: coordinators; the co-unit that writes it;
	 * once signed, the lead unit and the proposal's deputies; and everyone (officials of
	 * other units alike) only when {@link OpinionFacts#isPublic() public}.
	 */
	public boolean canReadOpinion(Viewer viewer, OpinionFacts opinion) {
		return switch (viewer.role()) {
			case COORDINATOR -> true;
			case OFFICIAL -> opinion.isPublic() || viewer.unitId().equals(opinion.coUnitId())
					|| (opinion.signed() && viewer.unitId().equals(opinion.leadUnitId()));
			case DEPUTY -> opinion.isPublic() || (opinion.signed() && opinion.concernsDeputy(viewer.deputyId()));
			case PUBLIC -> opinion.isPublic();
		};
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
	 * Following an opinion's progress (its status and due date, before it is signed):
	 * coordinators, the co-unit and the lead unit.
	 */
	public boolean canFollowOpinion(Viewer viewer, OpinionFacts opinion) {
		return viewer.isCoordinator() || (viewer.isOfficial()
				&& (viewer.unitId().equals(opinion.coUnitId()) || viewer.unitId().equals(opinion.leadUnitId())));
	}

	/** Writing and submitting a co-unit's opinion: that unit's officials. */
	public boolean canWriteOpinion(Viewer viewer, Long coUnitId) {
		return viewer.isOfficial() && viewer.unitId().equals(coUnitId);
	}

	/** Signing a co-unit's opinion, or returning it: that unit's signers (签发人) only. */
	public boolean canSignOpinion(Viewer viewer, Long coUnitId) {
		return canWriteOpinion(viewer, coUnitId) && viewer.isSigner();
	}

	/** Letting the lead unit issue without an outstanding opinion: coordinators. */
	public boolean canWaiveOpinion(Viewer viewer) {
		return viewer.isCoordinator();
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

}
