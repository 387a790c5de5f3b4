package org.dafu.reply;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dafu.access.AccessPolicy;
import org.dafu.access.SqlFilter;
import org.dafu.access.Viewer;
import org.dafu.platform.web.NotFoundException;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import static org.dafu.congress.CongressProjections.DEPUTIES;
import static org.dafu.congress.CongressProjections.SESSIONS;
import static org.dafu.proposal.ProposalProjections.PROPOSALS;
import static org.dafu.reply.ReplyReadColumns.date;
import static org.dafu.reply.ReplyReadColumns.instant;
import static org.dafu.unit.UnitProjections.UNITS;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The letter page's read: one reply as the viewer may read it, with its proposal,
 * session, lead deputy, unit, corrections, newest original, sections and figures, or 404
 * when the viewer may not read it. Two statements sent together, one round trip to the
 * database (docs/benchmarks.md, "SQL statements per page"): the reply with its proposal,
 * session, lead deputy, unit and corrections; its sections with their figures. No
 * transaction is begun for them ({@code SUPPORTS}): PostgreSQL runs statements sent
 * together in one implicit transaction, and a transaction would cost a round trip of its
 * own to end. The rules it applies are {@link ReplyReads}'s and the
 * {@link AccessPolicy}'s ({@link ReplyVisibility#filter}).
 */
@Service
@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
public class LetterReads {

	private final NamedParameterJdbcTemplate jdbc;

	private final LatestOriginals originals;

	LetterReads(NamedParameterJdbcTemplate jdbc, LatestOriginals originals) {
		this.jdbc = jdbc;
		this.originals = originals;
	}

	/**
	 * The reply if the viewer may read it; otherwise 404, exactly as if it did not exist.
	 * Two statements, one round trip.
	 */
	public ReplyView letter(Viewer viewer, long id) {
		return letterWhere(viewer, "r.id = :key", id).orElseThrow(() -> new NotFoundException("reply", id));
	}

	/** As {@link #letter}, by 索引号. */
	public ReplyView letterByIndexNumber(Viewer viewer, String indexNumber) {
		return letterWhere(viewer, "r.index_number = :key", indexNumber)
			.orElseThrow(() -> new NotFoundException("reply", indexNumber));
	}

	private Optional<ReplyView> letterWhere(Viewer viewer, String condition, Object key) {
		SqlFilter acl = ReplyVisibility.filter(viewer, "r");
		Map<String, Object> params = new HashMap<>(acl.params());
		params.put("key", key);
		// the reply, then its sections, sent together: the sections' statement finds the
		// reply again by the same condition and access filter
		String readable = "select r.id from reply r where " + condition + " and " + acl.sql();
		return this.jdbc.execute("""
				select r.id, r.status, r.kind, r.index_number, r.written_on, r.signed_on, r.disclosure_mode,
				       r.disclosure_reason, r.catalog_category, r.addressee, r.opening, r.closing, r.issuer,
				       r.result_class, r.issued_at, r.version, r.updated_at, r.signer_name,
				       p.id as proposal_id, p.number, p.title, p.session_id, s.name as session_name,
				       p.lead_deputy_id, d.name as deputy_name, u.id as unit_id, u.name as unit_name,
				       array(select c.note from reply_correction c where c.reply_id = r.id
				             order by c.corrected_at, c.id) as correction_notes,
				       array(select c.corrected_at from reply_correction c where c.reply_id = r.id
				             order by c.corrected_at, c.id) as correction_times,
				       o.version as original_version, o.media_type as original_type, o.size_bytes as original_size
				from reply r
				""" + "join " + PROPOSALS + " p on p.id = r.proposal_id\n" //
				+ "join " + SESSIONS + " s on s.id = p.session_id\n" //
				+ "join " + DEPUTIES + " d on d.id = p.lead_deputy_id\n" //
				+ "join " + UNITS + " u on u.id = r.unit_id\n" //
				+ "left join lateral (" + this.originals.latestOf("r") + ") o on true\n" //
				+ "where " + condition + " and " + acl.sql() + ";\n" //
				+ """
						select s.id, s.ordinal, s.kind, s.heading, s.body,
						       f.id as figure_id, f.ordinal as figure_ordinal, f.subject, f.value, f.unit, f.kind as figure_kind,
						       f.comparator, f.period, f.deadline_year, f.region, f.growth_rate, f.rank, f.task_share,
						       f.source_sentence
						from reply_section s
						left join figure f on f.section_id = s.id
						where s.reply_id = ("""
				+ readable + """
						)
						order by s.ordinal, f.ordinal, f.id""", params, LetterReads::letterAndSections);
	}

	/** The reply's row and its sections' rows, from the two statements sent together. */
	private static Optional<ReplyView> letterAndSections(PreparedStatement statement) throws SQLException {
		statement.execute();
		ReplyView head;
		try (ResultSet rs = statement.getResultSet()) {
			if (!rs.next()) {
				return Optional.empty();
			}
			head = letterRow(rs);
		}
		statement.getMoreResults();
		List<ReplyView.SectionView> sections;
		try (ResultSet rs = statement.getResultSet()) {
			sections = sections(rs);
		}
		return Optional.of(new ReplyView(head.id(), head.status(), head.kind(), head.indexNumber(), head.writtenOn(),
				head.signedOn(), head.disclosureMode(), head.disclosureReason(), head.catalogCategory(),
				head.addressee(), head.opening(), head.closing(), head.issuer(), head.resultClass(), head.issuedAt(),
				head.version(), head.updatedAt(), head.proposal(), head.unit(), sections, head.corrections(),
				head.signerName(), List.of(), head.original()));
	}

	private static List<ReplyView.SectionView> sections(ResultSet rs) throws SQLException {
		Map<Long, SectionRow> sections = new LinkedHashMap<>();
		while (rs.next()) {
			long sectionId = rs.getLong("id");
			SectionRow section = sections.get(sectionId);
			if (section == null) {
				section = new SectionRow(sectionId, rs.getInt("ordinal"), SectionKind.valueOf(rs.getString("kind")),
						rs.getString("heading"), rs.getString("body"), new ArrayList<>());
				sections.put(sectionId, section);
			}
			long figureId = rs.getLong("figure_id");
			if (!rs.wasNull()) {
				section.figures()
					.add(new ReplyView.FigureView(figureId, rs.getInt("figure_ordinal"), section.ordinal(),
							new FigureContent(rs.getString("subject"), rs.getBigDecimal("value"), rs.getString("unit"),
									FigureKind.valueOf(rs.getString("figure_kind")), rs.getString("comparator"),
									rs.getString("period"), integer(rs, "deadline_year"), rs.getString("region"),
									rs.getBigDecimal("growth_rate"), rs.getString("rank"),
									rs.getBigDecimal("task_share"), rs.getString("source_sentence"))));
			}
		}
		return sections.values()
			.stream()
			.map((s) -> new ReplyView.SectionView(s.id(), s.ordinal(), s.kind(), s.heading(), s.body(),
					List.copyOf(s.figures())))
			.toList();
	}

	private record SectionRow(long id, int ordinal, SectionKind kind, String heading, String body,
			List<ReplyView.FigureView> figures) {
	}

	private static ReplyView letterRow(ResultSet rs) throws SQLException {
		String resultClass = rs.getString("result_class");
		List<ReplyView.CorrectionView> corrections = new ArrayList<>();
		Object[] notes = array(rs.getArray("correction_notes"));
		Object[] times = array(rs.getArray("correction_times"));
		for (int i = 0; i < notes.length; i++) {
			corrections.add(new ReplyView.CorrectionView((String) notes[i], instant((Timestamp) times[i])));
		}
		return new ReplyView(rs.getLong("id"), ReplyStatus.valueOf(rs.getString("status")),
				ReplyKind.valueOf(rs.getString("kind")), rs.getString("index_number"), date(rs, "written_on"),
				date(rs, "signed_on"), DisclosureMode.valueOf(rs.getString("disclosure_mode")),
				rs.getString("disclosure_reason"), rs.getString("catalog_category"), rs.getString("addressee"),
				rs.getString("opening"), rs.getString("closing"), rs.getString("issuer"),
				(resultClass != null) ? ResultClass.valueOf(resultClass) : null, instant(rs.getTimestamp("issued_at")),
				rs.getInt("version"), instant(rs.getTimestamp("updated_at")),
				new ReplyView.ProposalRef(rs.getLong("proposal_id"), rs.getInt("number"), rs.getString("title"),
						rs.getLong("session_id"), rs.getString("session_name"), rs.getLong("lead_deputy_id"),
						rs.getString("deputy_name")),
				new ReplyView.UnitRef(rs.getLong("unit_id"), rs.getString("unit_name")), List.of(), corrections,
				rs.getString("signer_name"), List.of(), original(rs));
	}

	private static ReplyView.OriginalRef original(ResultSet rs) throws SQLException {
		int version = rs.getInt("original_version");
		return rs.wasNull() ? null
				: new ReplyView.OriginalRef(version, rs.getString("original_type"), rs.getLong("original_size"));
	}

	private static Object[] array(Array array) throws SQLException {
		return (array != null) ? (Object[]) array.getArray() : new Object[0];
	}

	private static Integer integer(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

}
