package org.dafu.proposal;

import java.util.List;

import org.dafu.access.Viewer;

/**
 * The replies of a proposal, as the proposal's own pages list them. Implemented by the
 * reply feature (which depends on proposals, not the other way round), so that proposal
 * screens show replies without knowing the reply's storage or rules.
 */
public interface ProposalReplies {

	/** The replies of the proposal that the viewer may read, oldest first. */
	List<ReplyLink> readable(Viewer viewer, long proposalId);

	/**
	 * One reply as a line on a proposal's page.
	 *
	 * @param status the reply's status name (a message key suffix under
	 * {@code reply.status.})
	 * @param disclosureMode its disclosure mode name ({@code reply.disclosure.})
	 */
	record ReplyLink(long id, String indexNumber, String unitName, String status, String disclosureMode,
			boolean issued) {
	}

}
