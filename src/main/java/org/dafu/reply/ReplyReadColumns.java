package org.dafu.reply;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import static org.dafu.congress.CongressProjections.SESSIONS;
import static org.dafu.proposal.ProposalProjections.PROPOSALS;
import static org.dafu.unit.UnitProjections.UNITS;

/**
 * What the reads of replies ({@link LetterReads}, {@link ReplyListReads},
 * {@link ReplyRowReads}, {@link PublicReplyReads}) share: the lists' order, the joins of
 * a reply to its proposal, session and unit, and the column readers.
 */
final class ReplyReadColumns {

	/** The public list's order (served by index {@code ix_reply_public_latest}). */
	static final String LATEST_ORDER = " order by r.issued_at desc nulls last, r.id desc";

	/** A reply's proposal p, session s and unit u, joined to the reply r. */
	static final String JOINS = " join " + PROPOSALS + " p on p.id = r.proposal_id join " + SESSIONS
			+ " s on s.id = p.session_id join " + UNITS + " u on u.id = r.unit_id ";

	private ReplyReadColumns() {
	}

	static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	static LocalDate date(ResultSet rs, String column) throws SQLException {
		java.sql.Date date = rs.getDate(column);
		return (date != null) ? date.toLocalDate() : null;
	}

}
