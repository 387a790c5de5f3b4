package org.dafu.reply;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dafu.platform.cache.ResultCache;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import static org.dafu.proposal.ProposalProjections.COSIGNERS;
import static org.dafu.proposal.ProposalProjections.PROPOSALS;
import static org.dafu.reply.ReplyReadColumns.instant;
import static org.dafu.reply.ReplyReads.publicRule;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of the public replies alone ({@link ReplyReads#publicRule}), the same for every
 * viewer: the number of public replies of each unit and of each deputy (kept in the
 * {@link ResultCache} until the data changes), and their addresses and last public
 * changes for the sitemap and the feeds.
 */
@Service
@Transactional(readOnly = true)
public class PublicReplyReads {

	private final NamedParameterJdbcTemplate jdbc;

	private final ResultCache cache;

	PublicReplyReads(NamedParameterJdbcTemplate jdbc, ResultCache cache) {
		this.jdbc = jdbc;
		this.cache = cache;
	}

	/**
	 * The number of public replies of each unit that has any (kept until the data
	 * changes).
	 */
	public Map<Long, Long> publicCountsByUnit() {
		return this.cache.get("reply.public-counts.unit", () -> {
			Map<Long, Long> counts = new HashMap<>();
			this.jdbc.query(
					"select r.unit_id, count(*) as n from reply r where " + publicRule("r") + " group by r.unit_id",
					Map.of(), (ResultSet rs) -> {
						counts.put(rs.getLong("unit_id"), rs.getLong("n"));
					});
			return Map.copyOf(counts);
		});
	}

	/**
	 * The number of public replies to proposals each deputy led or co-signed, for the
	 * deputies that have any (kept until the data changes).
	 */
	public Map<Long, Long> publicCountsByDeputy() {
		return this.cache.get("reply.public-counts.deputy", () -> {
			Map<Long, Long> counts = new HashMap<>();
			this.jdbc.query("""
					select x.deputy_id, count(distinct r.id) as n
					from reply r
					join (select p.id as proposal_id, p.lead_deputy_id as deputy_id from %s p
					      union select c.proposal_id, c.deputy_id from %s c) x
					  on x.proposal_id = r.proposal_id
					where %s
					group by x.deputy_id""".formatted(PROPOSALS, COSIGNERS, publicRule("r")), Map.of(),
					(ResultSet rs) -> {
						counts.put(rs.getLong("deputy_id"), rs.getLong("n"));
					});
			return Map.copyOf(counts);
		});
	}

	// ---- public links (sitemap, feeds)

	/** A public reply's address and its last public change (V73). */
	public record PublicLink(long id, String indexNumber, Instant changedAt) {
	}

	/** Public replies by id, at most {@code max}. */
	public List<PublicLink> publicLinks(int max) {
		return this.jdbc.query(
				"select r.id, r.index_number, r.public_changed_at from reply r where " + publicRule("r")
						+ " order by r.id limit :max",
				Map.of("max", max), (rs, i) -> new PublicLink(rs.getLong("id"), rs.getString("index_number"),
						instant(rs.getTimestamp("public_changed_at"))));
	}

	/** The last public change of each of these replies that has one. */
	public Map<Long, Instant> publicChanges(Collection<Long> replyIds) {
		Map<Long, Instant> changes = new HashMap<>();
		if (replyIds.isEmpty()) {
			return changes;
		}
		this.jdbc.query("select id, public_changed_at from reply where id in (:ids) and public_changed_at is not null",
				Map.of("ids", replyIds), (ResultSet rs) -> {
					changes.put(rs.getLong("id"), rs.getTimestamp("public_changed_at").toInstant());
				});
		return changes;
	}

}
