package org.dafu.notify;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dafu.access.Viewer;
import org.dafu.platform.web.NotFoundException;
import org.dafu.platform.web.PageView;
import org.dafu.platform.web.Paging;
import org.dafu.reply.ReplyReads;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A signed-in person's notices: those addressed to their account, to the deputy they are,
 * to their unit, or to coordinators if they are one. Read marks are per account.
 */
@Service
@Transactional(readOnly = true)
public class NotificationInbox {

	private final NamedParameterJdbcTemplate jdbc;

	private final ReplyReads replies;

	NotificationInbox(NamedParameterJdbcTemplate jdbc, ReplyReads replies) {
		this.jdbc = jdbc;
		this.replies = replies;
	}

	public PageView<NoticeView> notices(Viewer viewer, Paging paging) {
		if (viewer.username() == null) {
			return PageView.of(List.of(), paging, 0);
		}
		Map<String, Object> params = params(viewer);
		params.put("limit", paging.size());
		params.put("offset", paging.offset());
		List<NoticeView> rows = this.jdbc.query("""
				select n.id, n.kind, n.subject_text, n.detail_text, n.link, n.created_at,
				       (nr.notification_id is not null) as read
				from notification n
				left join notification_read nr on nr.notification_id = n.id and nr.username = :username
				where\s""" + addressedTo(viewer) + " order by n.id desc limit :limit offset :offset", params,
				(rs, row) -> new NoticeView(rs.getLong("id"), NotificationKind.valueOf(rs.getString("kind")),
						rs.getString("subject_text"), rs.getString("detail_text"), rs.getString("link"),
						rs.getTimestamp("created_at").toInstant(), rs.getBoolean("read")));
		Long total = this.jdbc.queryForObject("select count(*) from notification n where " + addressedTo(viewer),
				params, Long.class);
		return PageView.of(rows, paging, (total != null) ? total : 0);
	}

	public long unreadCount(Viewer viewer) {
		if (viewer.username() == null) {
			return 0;
		}
		Long count = this.jdbc.queryForObject("select count(*) from notification n where " + addressedTo(viewer)
				+ " and not exists (select 1 from notification_read nr where nr.notification_id = n.id"
				+ " and nr.username = :username)", params(viewer), Long.class);
		return (count != null) ? count : 0;
	}

	/** Marks one of the viewer's notices read; someone else's is "not found". */
	@Transactional
	public void markRead(Viewer viewer, long id) {
		Map<String, Object> params = params(viewer);
		params.put("id", id);
		int inserted = this.jdbc.update("""
				insert into notification_read (notification_id, username)
				select n.id, :username from notification n where n.id = :id and\s""" + addressedTo(viewer) + """
				on conflict do nothing""", params);
		if (inserted == 0) {
			Long mine = this.jdbc.queryForObject(
					"select count(*) from notification n where n.id = :id and " + addressedTo(viewer), params,
					Long.class);
			if (mine == null || mine == 0) {
				throw new NotFoundException("notification", id);
			}
		}
	}

	@Transactional
	public int markAllRead(Viewer viewer) {
		if (viewer.username() == null) {
			return 0;
		}
		return this.jdbc.update("""
				insert into notification_read (notification_id, username)
				select n.id, :username from notification n where\s""" + addressedTo(viewer) + """
				on conflict do nothing""", params(viewer));
	}

	/**
	 * Notices addressed to the viewer, and only while the reply they name is still
	 * readable by the viewer (a withdrawn disclosure withdraws the notice too).
	 */
	private String addressedTo(Viewer viewer) {
		return recipients(viewer) + " and (n.reply_id is null or "
				+ this.replies.readableReplyExists(viewer, "n.reply_id").sql() + ")";
	}

	private static String recipients(Viewer viewer) {
		StringBuilder sql = new StringBuilder("(n.recipient_username = :username");
		if (viewer.isDeputy()) {
			sql.append(" or n.recipient_deputy_id = :deputy");
		}
		if (viewer.isOfficial()) {
			sql.append(" or n.recipient_unit_id = :unit");
		}
		if (viewer.isCoordinator()) {
			sql.append(" or n.recipient_role = 'COORDINATOR'");
		}
		return sql.append(")").toString();
	}

	private Map<String, Object> params(Viewer viewer) {
		Map<String, Object> params = new HashMap<>(this.replies.readableReplyExists(viewer, "n.reply_id").params());
		params.put("username", viewer.username());
		if (viewer.isDeputy()) {
			params.put("deputy", viewer.deputyId());
		}
		if (viewer.isOfficial()) {
			params.put("unit", viewer.unitId());
		}
		return params;
	}

	public record NoticeView(long id, NotificationKind kind, String subject, String detail, String link,
			Instant createdAt, boolean read) {
	}

}
