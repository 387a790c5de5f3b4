package org.dafu.opinion;

import java.util.Arrays;
import java.util.List;

import org.dafu.access.AccessPolicy;
import org.dafu.access.Viewer;
import org.dafu.platform.cache.ResultCache;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The signed co-handling opinions that a letter page or a proposal's record shows its
 * viewer; templates call {@code @visibleOpinions.now(proposalId)}. What each viewer may
 * read is {@link OpinionService#opinionsVisibleTo}'s, under the access policy.
 * <p>
 * Most proposals have no signed opinion. For the public, the proposals that have one are
 * kept in the {@link ResultCache} until a public change, so a public page whose proposal
 * has none costs no statement and no transaction. The shortcut is the public's only: what
 * the public may read of an opinion changes only with a change that the public change log
 * records (an opinion signed or changed on a proposal with an issued reply, a reply
 * issued, corrected or withdrawn). A deputy or an official may read an opinion signed
 * before any reply is issued, which the log does not record.
 */
@Component
public class VisibleOpinions {

	private static final String KEY = "opinion:proposals-with-signed";

	private final OpinionService opinions;

	private final AccessPolicy access;

	private final ResultCache cache;

	private final JdbcTemplate jdbc;

	VisibleOpinions(OpinionService opinions, AccessPolicy access, ResultCache cache, JdbcTemplate jdbc) {
		this.opinions = opinions;
		this.access = access;
		this.cache = cache;
		this.jdbc = jdbc;
	}

	/** The signed opinions on the proposal that the current request's viewer may read. */
	public List<OpinionView> now(long proposalId) {
		Viewer viewer = this.access.currentViewer();
		if (viewer.isAnonymous() && !hasSigned(proposalId)) {
			return List.of();
		}
		return this.opinions.opinionsVisibleTo(viewer, proposalId);
	}

	/** Whether the proposal had a signed opinion at the last public change. */
	private boolean hasSigned(long proposalId) {
		long[] proposals = this.cache.getWithinInterval(KEY,
				() -> this.jdbc
					.queryForList("select distinct proposal_id from co_opinion where status = ? order by proposal_id",
							Long.class, OpinionStatus.SIGNED.name())
					.stream()
					.mapToLong(Long::longValue)
					.toArray());
		return Arrays.binarySearch(proposals, proposalId) >= 0;
	}

}
