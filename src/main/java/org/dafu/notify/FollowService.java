package org.dafu.notify;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.dafu.access.Viewer;
import org.dafu.platform.web.NotFoundException;
import org.dafu.proposal.ProposalService;
import org.dafu.reply.ReplyView;
import org.dafu.unit.UnitService;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.dafu.proposal.ProposalProjections.PROPOSALS;
import static org.dafu.unit.UnitProjections.UNITS;

/**
 * 关注: everyone with an account follows proposals, units or keywords (by username) and is
 * told once per reply when a matching reply is disclosed (issued and 主动公开).
 */
@Service
@Transactional(readOnly = true)
public class FollowService {

	public static final int MAX_FOLLOWS = 200;

	private final NamedParameterJdbcTemplate jdbc;

	private final ProposalService proposals;

	private final UnitService units;

	private final Notifier notifier;

	FollowService(NamedParameterJdbcTemplate jdbc, ProposalService proposals, UnitService units, Notifier notifier) {
		this.jdbc = jdbc;
		this.proposals = proposals;
		this.units = units;
		this.notifier = notifier;
	}

	public List<FollowView> follows(Viewer viewer) {
		String username = username(viewer);
		return this.jdbc.query("""
				select f.id, f.kind, f.proposal_id, f.unit_id, f.keyword, p.number, p.title, u.name as unit_name
				from follow f left join %s p on p.id = f.proposal_id
				left join %s u on u.id = f.unit_id
				where f.username = :username order by f.id desc""".formatted(PROPOSALS, UNITS),
				Map.of("username", username), (rs, row) -> {
					FollowKind kind = FollowKind.valueOf(rs.getString("kind"));
					String target = switch (kind) {
						case PROPOSAL -> "第" + rs.getInt("number") + "号《" + rs.getString("title") + "》";
						case UNIT -> rs.getString("unit_name");
						case KEYWORD -> rs.getString("keyword");
					};
					return new FollowView(rs.getLong("id"), kind, target);
				});
	}

	/** Follows a target; following the same thing twice changes nothing. */
	@Transactional
	public void follow(Viewer viewer, FollowKind kind, Long targetId, String keyword) {
		String username = username(viewer);
		MapSqlParameterSource params = new MapSqlParameterSource("username", username);
		params.addValue("kind", kind.name());
		params.addValue("proposal", null);
		params.addValue("unit", null);
		params.addValue("keyword", null);
		switch (kind) {
			case PROPOSAL -> params.addValue("proposal", this.proposals.proposal(require(targetId)).id());
			case UNIT -> params.addValue("unit", this.units.unit(require(targetId)).id());
			case KEYWORD -> {
				if (keyword == null || keyword.isBlank() || keyword.strip().length() > 50) {
					throw new IllegalArgumentException("keyword");
				}
				params.addValue("keyword", keyword.strip());
			}
		}
		Long count = this.jdbc.queryForObject("select count(*) from follow where username = :username", params,
				Long.class);
		if (count != null && count >= MAX_FOLLOWS) {
			throw new IllegalStateException("too many follows");
		}
		this.jdbc.update("""
				insert into follow (username, kind, proposal_id, unit_id, keyword)
				values (:username, :kind, :proposal, :unit, :keyword) on conflict do nothing""", params);
	}

	/** Stops following; only one's own follows (someone else's id is "not found"). */
	@Transactional
	public void unfollow(Viewer viewer, long id) {
		int removed = this.jdbc.update("delete from follow where id = :id and username = :username",
				Map.of("id", id, "username", username(viewer)));
		if (removed == 0) {
			throw new NotFoundException("follow", id);
		}
	}

	/** A reply became public: tell each matching follower once. */
	@Transactional
	public void disclosed(ReplyView reply, String label) {
		if (!reply.isPublic()) {
			return;
		}
		String text = Stream
			.concat(Stream.of(reply.proposal().title(), reply.opening(), reply.closing()),
					reply.sections().stream().flatMap((s) -> Stream.of(s.heading(), s.body())))
			.filter((t) -> t != null)
			.collect(Collectors.joining("\n"));
		Map<String, Object> params = new HashMap<>();
		params.put("proposal", reply.proposal().id());
		params.put("unit", reply.unit().id());
		params.put("text", text.toLowerCase(java.util.Locale.ROOT));
		params.put("reply", reply.id());
		List<String> usernames = this.jdbc.queryForList("""
				select distinct f.username from follow f
				where (f.kind = 'PROPOSAL' and f.proposal_id = :proposal)
				   or (f.kind = 'UNIT' and f.unit_id = :unit)
				   or (f.kind = 'KEYWORD' and strpos(:text, lower(f.keyword)) > 0)
				order by f.username""", params, String.class);
		for (String username : usernames) {
			params.put("username", username);
			int inserted = this.jdbc.update("""
					insert into follow_notice (username, reply_id) values (:username, :reply)
					on conflict do nothing""", params);
			if (inserted == 1) {
				this.notifier.notify(Recipient.user(username), NotificationKind.FOLLOWED_DISCLOSED, label,
						reply.unit().name(), "/replies/" + reply.id(), reply.proposal().id(), reply.id());
			}
		}
	}

	private static long require(Long id) {
		if (id == null) {
			throw new IllegalArgumentException("target");
		}
		return id;
	}

	private static String username(Viewer viewer) {
		if (viewer.username() == null || viewer.isAnonymous()) {
			throw new AccessDeniedException("sign in to follow");
		}
		return viewer.username();
	}

	public record FollowView(long id, FollowKind kind, String target) {
	}

}
