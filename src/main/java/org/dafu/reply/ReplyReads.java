package org.dafu.reply;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.dafu.access.AccessPolicy;
import org.dafu.access.Role;
import org.dafu.access.SqlFilter;
import org.dafu.access.Viewer;
import org.dafu.platform.cache.ResultCache;
import org.dafu.platform.web.NotFoundException;
import org.dafu.platform.web.PageView;
import org.dafu.platform.web.Paging;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import static org.dafu.congress.CongressProjections.DEPUTIES;
import static org.dafu.congress.CongressProjections.SESSIONS;
import static org.dafu.proposal.ProposalProjections.COSIGNERS;
import static org.dafu.proposal.ProposalProjections.PROPOSALS;
import static org.dafu.unit.UnitProjections.UNITS;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one read API for replies: other features read replies through it instead of writing
 * their own SQL against {@code reply}. It carries the reply's date rule ({@link #dateOf})
 * and the is-public rule ({@link #publicRule}) once, and every query adds the
 * {@link AccessPolicy}'s filter, so rows and counts never include what the viewer may not
 * see.
 * <p>
 * Statements per call (docs/benchmarks.md, "SQL statements per page"): a letter is two
 * statements (the reply with its proposal, session, lead deputy, unit and corrections;
 * its sections with their figures); a public list page is one statement plus the
 * {@link ResultCache}'s, at any depth (keyset pagination from cached page boundaries).
 */
@Service
@Transactional(readOnly = true)
public class ReplyReads {

	/** The public list's order (served by index {@code ix_reply_public_latest}). */
	static final String LATEST_ORDER = " order by r.issued_at desc nulls last, r.id desc";

	private final NamedParameterJdbcTemplate jdbc;

	private final AccessPolicy access;

	private final ResultCache cache;

	private final LatestOriginals originals;

	ReplyReads(NamedParameterJdbcTemplate jdbc, AccessPolicy access, ResultCache cache, LatestOriginals originals) {
		this.jdbc = jdbc;
		this.access = access;
		this.cache = cache;
		this.originals = originals;
	}

	/**
	 * The condition under which a row of {@code reply} (aliased {@code alias}) is public:
	 * issued and 主动公开. The access policy builds on it.
	 */
	public static String publicRule(String alias) {
		return alias + ".status = 'ISSUED' and " + alias + ".disclosure_mode = 'PROACTIVE'";
	}

	/** The same rule in Java. */
	public static boolean isPublic(ReplyStatus status, DisclosureMode mode) {
		return status == ReplyStatus.ISSUED && mode == DisclosureMode.PROACTIVE;
	}

	/**
	 * The reply's date as SQL (the signing date, else the day it was issued in China's
	 * time zone), for a row of {@code reply} aliased {@code alias}.
	 */
	public static String dateOf(String alias) {
		return "coalesce(" + alias + ".signed_on, (" + alias + ".issued_at at time zone 'Asia/Shanghai')::date)";
	}

	/**
	 * The issued replies whose public side changed (V73, kept by triggers) or that were
	 * first published here (a letter imported with an earlier issue date) at or after
	 * {@code since}; read by its index ({@code ix_reply_public_changed}).
	 */
	public List<Long> issuedChangedSince(Instant since) {
		return this.jdbc.queryForList("""
				select r.id from reply r where r.status = 'ISSUED'
				   and (r.public_changed_at >= :since or r.created_at >= :since)""",
				Map.of("since", Timestamp.from(since)), Long.class);
	}

	/**
	 * Whether the unit has a public reply to the proposal (for its co-units' opinions).
	 */
	public boolean hasPublicReply(long proposalId, long unitId) {
		Boolean exists = this.jdbc.queryForObject("select exists (select 1 from reply r where r.proposal_id = :p"
				+ " and r.unit_id = :u and " + publicRule("r") + ")", Map.of("p", proposalId, "u", unitId),
				Boolean.class);
		return Boolean.TRUE.equals(exists);
	}

	// ---- one letter

	/**
	 * The reply if the viewer may read it; otherwise 404, exactly as if it did not exist.
	 * Two statements.
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
		List<ReplyView> found = this.jdbc.query("""
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
				+ "where " + condition + " and " + acl.sql(), params, (rs, i) -> letterRow(rs));
		if (found.isEmpty()) {
			return Optional.empty();
		}
		ReplyView head = found.get(0);
		List<ReplyView.SectionView> sections = sections(head.id());
		return Optional.of(new ReplyView(head.id(), head.status(), head.kind(), head.indexNumber(), head.writtenOn(),
				head.signedOn(), head.disclosureMode(), head.disclosureReason(), head.catalogCategory(),
				head.addressee(), head.opening(), head.closing(), head.issuer(), head.resultClass(), head.issuedAt(),
				head.version(), head.updatedAt(), head.proposal(), head.unit(), sections, head.corrections(),
				head.signerName(), List.of(), head.original()));
	}

	private List<ReplyView.SectionView> sections(long replyId) {
		Map<Long, SectionRow> sections = new LinkedHashMap<>();
		this.jdbc.query(
				"""
						select s.id, s.ordinal, s.kind, s.heading, s.body,
						       f.id as figure_id, f.ordinal as figure_ordinal, f.subject, f.value, f.unit, f.kind as figure_kind,
						       f.comparator, f.period, f.deadline_year, f.region, f.growth_rate, f.rank, f.task_share,
						       f.source_sentence
						from reply_section s
						left join figure f on f.section_id = s.id
						where s.reply_id = :reply
						order by s.ordinal, f.ordinal, f.id""",
				Map.of("reply", replyId), (ResultSet rs) -> {
					long sectionId = rs.getLong("id");
					SectionRow section = sections.get(sectionId);
					if (section == null) {
						section = new SectionRow(sectionId, rs.getInt("ordinal"),
								SectionKind.valueOf(rs.getString("kind")), rs.getString("heading"),
								rs.getString("body"), new ArrayList<>());
						sections.put(sectionId, section);
					}
					long figureId = rs.getLong("figure_id");
					if (!rs.wasNull()) {
						section.figures()
							.add(new ReplyView.FigureView(figureId, rs.getInt("figure_ordinal"), section.ordinal(),
									new FigureContent(rs.getString("subject"), rs.getBigDecimal("value"),
											rs.getString("unit"), FigureKind.valueOf(rs.getString("figure_kind")),
											rs.getString("comparator"), rs.getString("period"),
											integer(rs, "deadline_year"), rs.getString("region"),
											rs.getBigDecimal("growth_rate"), rs.getString("rank"),
											rs.getBigDecimal("task_share"), rs.getString("source_sentence"))));
					}
				});
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

	// ---- lists

	/**
	 * Replies the viewer may read, newest first. For the public (the page everyone sees)
	 * any page is one seek from its first row's key, kept with the number of public
	 * replies in the {@link ResultCache} until the data changes, so a deep page costs
	 * what page 1 costs. Signed-in viewers, who see more rows, get the offset query and a
	 * count.
	 */
	public PageView<ReplySummary> latest(Viewer viewer, Paging paging) {
		if (viewer.role() != Role.PUBLIC) {
			return latestByOffset(viewer, paging);
		}
		PublicPages pages = publicPages(paging.page() == 1 ? Paging.DEFAULT_SIZE : paging.size());
		Map<String, Object> params = new HashMap<>();
		params.put("limit", paging.size());
		String seek = "";
		if (paging.page() > 1) {
			if (paging.page() > pages.count()) {
				return PageView.of(List.of(), paging, pages.total());
			}
			seek = " and (r.issued_at, r.id) <= (:at, :id)";
			params.put("at", OffsetDateTime.ofInstant(pages.firstIssuedAt()[paging.page() - 1], ZoneOffset.UTC));
			params.put("id", pages.firstIds()[paging.page() - 1]);
		}
		List<ReplySummary> rows = this.jdbc.query(
				SUMMARY_COLUMNS + " where " + publicRule("r") + seek + LATEST_ORDER + " limit :limit", params,
				ReplyReads::summary);
		return PageView.of(rows, paging, pages.total());
	}

	/** The number of public replies (kept until the data changes). */
	public long publicCount() {
		return publicPages(Paging.DEFAULT_SIZE).total();
	}

	private PublicPages publicPages(int size) {
		return this.cache.get("reply.public-pages." + size, () -> {
			List<Instant> at = new ArrayList<>();
			List<Long> ids = new ArrayList<>();
			long[] total = { 0 };
			// The first key of every page, from the index alone (ix_reply_public_latest).
			this.jdbc.query("""
					select issued_at, id, total from (
					    select r.issued_at, r.id, row_number() over (%s) as n, count(*) over () as total
					    from reply r where %s) k
					where (n - 1) %% :size = 0 order by n""".formatted(LATEST_ORDER.strip(), publicRule("r")),
					Map.of("size", size), (ResultSet rs) -> {
						at.add(instant(rs.getTimestamp("issued_at")));
						ids.add(rs.getLong("id"));
						total[0] = rs.getLong("total");
					});
			return new PublicPages(total[0], at.toArray(Instant[]::new),
					ids.stream().mapToLong(Long::longValue).toArray());
		});
	}

	/** Where each page of the public list starts, and how many rows it has in all. */
	private record PublicPages(long total, Instant[] firstIssuedAt, long[] firstIds) {

		int count() {
			return this.firstIds.length;
		}

	}

	PageView<ReplySummary> latestByOffset(Viewer viewer, Paging paging) {
		SqlFilter filter = ReplyVisibility.filter(viewer, "r");
		Map<String, Object> params = new HashMap<>(filter.params());
		params.put("limit", paging.size());
		params.put("offset", paging.offset());
		List<ReplySummary> rows = this.jdbc.query(
				SUMMARY_COLUMNS + " where " + filter.sql() + LATEST_ORDER + " limit :limit offset :offset", params,
				ReplyReads::summary);
		Long total = this.jdbc.queryForObject("select count(*) from reply r where " + filter.sql(), params, Long.class);
		return PageView.of(rows, paging, (total != null) ? total : 0);
	}

	/** A reply's proposal p, session s and unit u, joined to the reply r. */
	private static final String JOINS = " join " + PROPOSALS + " p on p.id = r.proposal_id join " + SESSIONS
			+ " s on s.id = p.session_id join " + UNITS + " u on u.id = r.unit_id ";

	private static final String SUMMARY_COLUMNS = """
			select r.id, r.index_number, p.title, p.number, s.name as session_name, u.name as unit_name,
			       r.result_class, r.disclosure_mode, r.status, r.issued_at
			from reply r
			""" + JOINS;

	static ReplySummary summary(ResultSet rs, int row) throws SQLException {
		String resultClass = rs.getString("result_class");
		return new ReplySummary(rs.getLong("id"), rs.getString("index_number"), rs.getString("title"),
				rs.getInt("number"), rs.getString("session_name"), rs.getString("unit_name"),
				(resultClass != null) ? ResultClass.valueOf(resultClass) : null,
				DisclosureMode.valueOf(rs.getString("disclosure_mode")), ReplyStatus.valueOf(rs.getString("status")),
				instant(rs.getTimestamp("issued_at")));
	}

	// ---- replies as links, for other features' lists

	private static final String ROW_COLUMNS = """
			select r.id, r.proposal_id, r.index_number, r.kind, r.status, r.result_class, r.disclosure_mode,
			       %s as reply_date,
			       p.number, p.title, s.id as session_id, s.name as session_name, u.id as unit_id, u.name as unit_name
			from reply r
			""".formatted(dateOf("r")) + JOINS;

	/** Replies of a unit the viewer may read, newest first. */
	public PageView<ReplyRow> ofUnit(Viewer viewer, long unitId, Paging paging) {
		SqlFilter acl = ReplyVisibility.filter(viewer, "r");
		Map<String, Object> params = new HashMap<>(acl.params());
		params.put("unit", unitId);
		params.put("limit", paging.size());
		params.put("offset", paging.offset());
		String where = " where r.unit_id = :unit and " + acl.sql();
		List<ReplyRow> rows = this.jdbc.query(ROW_COLUMNS + where + LATEST_ORDER + " limit :limit offset :offset",
				params, ReplyReads::row);
		Long total = this.jdbc.queryForObject("select count(*) from reply r" + where, params, Long.class);
		return PageView.of(rows, paging, (total != null) ? total : 0);
	}

	/**
	 * The replies the viewer may read of each of these proposals, oldest first (one
	 * statement).
	 */
	public Map<Long, List<ReplyRow>> ofProposals(Viewer viewer, Collection<Long> proposalIds) {
		if (proposalIds.isEmpty()) {
			return Map.of();
		}
		SqlFilter acl = ReplyVisibility.filter(viewer, "r");
		Map<String, Object> params = new HashMap<>(acl.params());
		params.put("ids", proposalIds);
		return this.jdbc
			.query(ROW_COLUMNS + " where r.proposal_id in (:ids) and " + acl.sql() + " order by r.id", params,
					ReplyReads::row)
			.stream()
			.collect(Collectors.groupingBy(ReplyRow::proposalId, LinkedHashMap::new, Collectors.toList()));
	}

	private static ReplyRow row(ResultSet rs, int i) throws SQLException {
		return new ReplyRow(rs.getLong("id"), rs.getLong("proposal_id"), rs.getString("index_number"),
				rs.getString("kind"), rs.getString("status"), rs.getString("result_class"),
				rs.getString("disclosure_mode"), date(rs, "reply_date"), rs.getInt("number"), rs.getString("title"),
				rs.getLong("session_id"), rs.getString("session_name"), rs.getLong("unit_id"),
				rs.getString("unit_name"));
	}

	/**
	 * The replies of these proposals: those the viewer may read, oldest first, and, for
	 * each proposal, the disclosure modes of its issued replies the viewer may not read
	 * (nothing else of them: no id, 索引号, date, unit or number), so that a page can say
	 * why an answered proposal shows no reply (依申请公开, 不予公开). Drafts the viewer may not
	 * read are not there at all. One statement.
	 */
	public ProposalReplies ofProposalsWithReasons(Viewer viewer, Collection<Long> proposalIds) {
		if (proposalIds.isEmpty()) {
			return new ProposalReplies(Map.of(), Map.of());
		}
		SqlFilter acl = ReplyVisibility.filter(viewer, "r");
		Map<String, Object> params = new HashMap<>(acl.params());
		params.put("ids", proposalIds);
		Map<Long, List<ReplyRow>> readable = new LinkedHashMap<>();
		Map<Long, java.util.Set<DisclosureMode>> withheld = new LinkedHashMap<>();
		String sql = ROW_COLUMNS.replace("from reply r", ", " + acl.sql() + " as readable\nfrom reply r")
				+ " where r.proposal_id in (:ids) and (r.status = 'ISSUED' or " + acl.sql() + ") order by r.id";
		this.jdbc.query(sql, params, (ResultSet rs) -> {
			if (rs.getBoolean("readable")) {
				ReplyRow row = row(rs, 0);
				readable.computeIfAbsent(row.proposalId(), (k) -> new ArrayList<>()).add(row);
			}
			else {
				withheld
					.computeIfAbsent(rs.getLong("proposal_id"), (k) -> java.util.EnumSet.noneOf(DisclosureMode.class))
					.add(DisclosureMode.valueOf(rs.getString("disclosure_mode")));
			}
		});
		return new ProposalReplies(readable, withheld);
	}

	/**
	 * The replies of proposals as a viewer sees them.
	 *
	 * @param readable the replies the viewer may read, by proposal, oldest first
	 * @param withheld by proposal, the disclosure modes of issued replies the viewer may
	 * not read
	 */
	public record ProposalReplies(Map<Long, List<ReplyRow>> readable,
			Map<Long, java.util.Set<DisclosureMode>> withheld) {

		public List<ReplyRow> readable(long proposalId) {
			return this.readable.getOrDefault(proposalId, List.of());
		}

		/**
		 * Why the viewer reads no reply of an answered proposal: the modes of its issued
		 * replies; empty when the viewer reads one of them, or when none is issued.
		 */
		public java.util.Set<DisclosureMode> reasons(long proposalId) {
			return readable(proposalId).isEmpty() ? this.withheld.getOrDefault(proposalId, java.util.Set.of())
					: java.util.Set.of();
		}

	}

	// ---- filtered lists and counts for the browse pages

	/**
	 * Replies the viewer may read that match the list's filters, newest first; without
	 * filters, {@link #latest(Viewer, Paging)}. Two statements (the page, the count).
	 */
	public PageView<ReplySummary> latest(Viewer viewer, ReplyListFilter filter, Paging paging) {
		if (filter == null || filter.isEmpty()) {
			return latest(viewer, paging);
		}
		SqlFilter acl = ReplyVisibility.filter(viewer, "r");
		Map<String, Object> params = new HashMap<>(acl.params());
		StringBuilder where = new StringBuilder(" where ").append(acl.sql());
		if (filter.sessionId() != null) {
			where.append(" and p.session_id = :f_session");
			params.put("f_session", filter.sessionId());
		}
		if (filter.unitId() != null) {
			where.append(" and r.unit_id = :f_unit");
			params.put("f_unit", filter.unitId());
		}
		if (filter.deputyId() != null) {
			where.append(" and (p.lead_deputy_id = :f_deputy or exists (select 1 from " + COSIGNERS + " c")
				.append(" where c.proposal_id = p.id and c.deputy_id = :f_deputy))");
			params.put("f_deputy", filter.deputyId());
		}
		if (filter.year() != null) {
			where.append(" and s.year = :f_year");
			params.put("f_year", filter.year());
		}
		if (filter.resultClass() != null) {
			where.append(" and r.result_class = :f_result");
			params.put("f_result", filter.resultClass().name());
		}
		params.put("limit", paging.size());
		params.put("offset", paging.offset());
		List<ReplySummary> rows = this.jdbc.query(
				SUMMARY_COLUMNS + where + LATEST_ORDER + " limit :limit offset :offset", params, ReplyReads::summary);
		Long total = this.jdbc.queryForObject("select count(*) from reply r join " + PROPOSALS
				+ " p on p.id = r.proposal_id join " + SESSIONS + " s on s.id = p.session_id" + where, params,
				Long.class);
		return PageView.of(rows, paging, (total != null) ? total : 0);
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

	// ---- conditions for other features' SQL

	/**
	 * A condition for another feature's query: the reply whose id is the SQL expression
	 * {@code replyId} exists and the viewer may read it.
	 */
	public SqlFilter readableReplyExists(Viewer viewer, String replyId) {
		SqlFilter acl = ReplyVisibility.filter(viewer, "r");
		return new SqlFilter("exists (select 1 from reply r where r.id = " + replyId + " and " + acl.sql() + ")",
				acl.params());
	}

	/**
	 * A condition for another feature's query: the proposal whose id is the SQL
	 * expression {@code proposalId} has an issued reply.
	 */
	public static String issuedReplyExists(String proposalId) {
		return "exists (select 1 from reply r where r.proposal_id = " + proposalId + " and r.status = 'ISSUED')";
	}

	// ---- column helpers

	private static Object[] array(Array array) throws SQLException {
		return (array != null) ? (Object[]) array.getArray() : new Object[0];
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static LocalDate date(ResultSet rs, String column) throws SQLException {
		java.sql.Date date = rs.getDate(column);
		return (date != null) ? date.toLocalDate() : null;
	}

	private static Integer integer(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

}
