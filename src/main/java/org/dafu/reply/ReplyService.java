package org.dafu.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.dafu.access.AccessPolicy;
import org.dafu.access.ReplyFacts;
import org.dafu.access.Viewer;
import org.dafu.platform.web.NotFoundException;
import org.dafu.proposal.ProposalService;
import org.dafu.proposal.ProposalView;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading replies, for the reply pages and for other features: one reply, the replies of
 * a proposal, the facts the access policy needs, and what the viewer may do with a reply.
 * Every read goes through the {@link AccessPolicy}: a reply the viewer may not see is
 * "not found". Writing is {@link ReplyDrafting} (drafts), {@link ReplyReview} (the review
 * workflow and 签发) and {@link ReplyCorrections} (corrections and disclosure).
 */
@Service
@Transactional(readOnly = true)
public class ReplyService {

	private final ReplyRepository replies;

	private final ProposalService proposals;

	private final AccessPolicy access;

	private final JdbcClient jdbc;

	private final ReplyLoader loader;

	ReplyService(ReplyRepository replies, ProposalService proposals, AccessPolicy access, JdbcClient jdbc,
			ReplyLoader loader) {
		this.replies = replies;
		this.proposals = proposals;
		this.access = access;
		this.jdbc = jdbc;
		this.loader = loader;
	}

	/**
	 * The reply if the viewer may read it; otherwise 404, exactly as if it did not exist.
	 */
	public ReplyView readable(Viewer viewer, long id) {
		Reply reply = this.replies.findWithSectionsById(id).orElseThrow(() -> new NotFoundException("reply", id));
		ProposalView proposal = this.proposals.proposal(reply.getProposalId());
		if (!this.access.canRead(viewer, facts(reply, proposal))) {
			throw new NotFoundException("reply", id);
		}
		return view(reply, proposal);
	}

	public ReplyView readableByIndexNumber(Viewer viewer, String indexNumber) {
		Reply reply = this.replies.findByIndexNumber(indexNumber)
			.orElseThrow(() -> new NotFoundException("reply", indexNumber));
		return readable(viewer, reply.getId());
	}

	/** Replies to a proposal that the viewer may read, oldest first. */
	public List<ReplyView> readableOfProposal(Viewer viewer, long proposalId) {
		ProposalView proposal = this.proposals.proposal(proposalId);
		List<ReplyView> result = new ArrayList<>();
		for (Reply reply : this.replies.findByProposalIdOrderByIdAsc(proposalId)) {
			if (this.access.canRead(viewer, facts(reply, proposal))) {
				result.add(view(reply, proposal));
			}
		}
		return result;
	}

	/** What the access policy needs about a reply (for other features' own checks). */
	public ReplyFacts facts(long id) {
		Reply reply = this.replies.findById(id).orElseThrow(() -> new NotFoundException("reply", id));
		return facts(reply, this.proposals.proposal(reply.getProposalId()));
	}

	public Optional<Long> idOfIndexNumber(String indexNumber) {
		return this.replies.findByIndexNumber(indexNumber).map(Reply::getId);
	}

	/**
	 * A reply as its unit's officials see it in their workspace (draft or issued); for
	 * anyone else, including officials of other units, it does not exist.
	 */
	public ReplyView ofOwnUnit(Viewer viewer, long id) {
		Reply reply = this.replies.findWithSectionsById(id).orElseThrow(() -> new NotFoundException("reply", id));
		if (!this.access.canWriteFor(viewer, reply.getUnitId())) {
			throw new NotFoundException("reply", id);
		}
		return view(reply, this.proposals.proposal(reply.getProposalId()));
	}

	/**
	 * The status of a reply of the viewer's own unit, as {@link #ofOwnUnit} decides who
	 * sees it (anyone else: 404), read alone: for a save, which needs only to know
	 * whether the reply is still a draft before {@link ReplyDrafting#editDraft} checks
	 * everything again under the row's lock.
	 */
	public ReplyStatus statusOfOwnUnit(Viewer viewer, long id) {
		record UnitAndStatus(Long unitId, ReplyStatus status) {
		}
		// a plain row mapper: mapping a record by reflection and conversion costs more
		// than the statement
		UnitAndStatus row = this.jdbc.sql("select unit_id, status from reply where id = :id")
			.param("id", id)
			.query((rs, n) -> new UnitAndStatus(rs.getLong(1), ReplyStatus.valueOf(rs.getString(2))))
			.optional()
			.orElseThrow(() -> new NotFoundException("reply", id));
		if (!this.access.canWriteFor(viewer, row.unitId())) {
			throw new NotFoundException("reply", id);
		}
		return row.status();
	}

	/**
	 * Whether the viewer may issue or return this reply: a 签发人 of the proposal's lead
	 * unit, on a reply of that unit not yet issued.
	 */
	public boolean canSign(Viewer viewer, long id) {
		Reply reply = this.replies.findById(id).orElseThrow(() -> new NotFoundException("reply", id));
		ProposalView proposal = this.proposals.proposal(reply.getProposalId());
		return this.access.canSign(viewer, facts(reply, proposal), ReplyLoader.leadUnitId(proposal));
	}

	/**
	 * Locks the reply's row until the caller's transaction ends, so that what another
	 * feature adds to a reply (the versions of its original) is numbered one after
	 * another.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void lock(long id) {
		this.jdbc.sql("select id from reply where id = :id for no key update").param("id", id).query().listOfRows();
	}

	/**
	 * Whether the viewer may withdraw this reply from public view on the disclosure page
	 * ({@link AccessPolicy#canWithdraw}): the pages link to it by this rule.
	 */
	public boolean canWithdraw(Viewer viewer, long id) {
		return this.access.canWithdraw(viewer, facts(id));
	}

	/** The 签发人 name this account signed with last, if it has signed. */
	public Optional<String> lastSignerName(Viewer viewer) {
		if (viewer.username() == null) {
			return Optional.empty();
		}
		return this.jdbc
			.sql("select signer_name from reply where signed_by = :who and signer_name is not null"
					+ " order by issued_at desc, id desc limit 1")
			.param("who", viewer.username())
			.query(String.class)
			.optional();
	}

	private ReplyFacts facts(Reply reply, ProposalView proposal) {
		return this.loader.facts(reply, proposal);
	}

	private ReplyView view(Reply reply, ProposalView proposal) {
		return this.loader.view(reply, proposal);
	}

}
