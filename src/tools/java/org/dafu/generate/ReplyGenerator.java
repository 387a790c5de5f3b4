package org.dafu.generate;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.dafu.generate.GeneratedTables.ASSIGNMENT;
import static org.dafu.generate.GeneratedTables.CONGRESS_SESSION;
import static org.dafu.generate.GeneratedTables.DEPUTY;
import static org.dafu.generate.GeneratedTables.EVALUATION;
import static org.dafu.generate.GeneratedTables.FIGURE;
import static org.dafu.generate.GeneratedTables.HANDLING_UNIT;
import static org.dafu.generate.GeneratedTables.INDEX_NUMBER_COUNTER;
import static org.dafu.generate.GeneratedTables.PROPOSAL;
import static org.dafu.generate.GeneratedTables.PROPOSAL_COSIGNER;
import static org.dafu.generate.GeneratedTables.REPLY;
import static org.dafu.generate.GeneratedTables.REPLY_SECTION;
import static org.dafu.generate.GeneratedTables.TOPIC_CATEGORY;

/**
 * Writes synthetic sessions, units, deputies, proposals, assignments, replies with their
 * sections and figures, and evaluations straight into the database with PostgreSQL's
 * {@code COPY} (one transaction per chunk), for load tests on realistic volumes: 100,000
 * replies take minutes. The content depends only on the seed; ids are taken from the
 * tables' own sequences. The statements are built from {@link GeneratedTables}, which is
 * checked against the migrated schema before anything is written. A tool, not part of the
 * application: it runs from {@link Generate} (docs/benchmarks.md) and from its tests.
 */
public class ReplyGenerator {

	private static final Logger log = LoggerFactory.getLogger(ReplyGenerator.class);

	private static final int SESSIONS = 5;

	private static final int FIRST_YEAR = 2019;

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'+00'");

	private final DataSource dataSource;

	public ReplyGenerator(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	public GenerateResult generate(GenerateSettings settings) {
		long started = System.nanoTime();
		SyntheticLetters letters = new SyntheticLetters(settings.seed());
		try (Connection connection = this.dataSource.getConnection()) {
			// A chunk's COPY and commit (its rows' triggers, the change log's deferred
			// ones
			// at commit) may take longer than the pool's socket timeout on a loaded
			// machine;
			// the pool restores the timeout when the connection is returned.
			connection.setNetworkTimeout(Runnable::run, 0);
			GeneratedTables.check(connection);
			connection.setAutoCommit(false);
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			Setup setup = setUp(connection, letters, settings);
			connection.commit();
			Map<String, Integer> serials = new HashMap<>();
			int[] numbers = new int[SESSIONS];
			int sections = 0;
			int figures = 0;
			int evaluations = 0;
			for (int from = 0; from < settings.replies(); from += settings.chunk()) {
				int count = Math.min(settings.chunk(), settings.replies() - from);
				Chunk chunk = new Chunk();
				for (int i = 0; i < count; i++) {
					int session = (from + i) % SESSIONS;
					int year = FIRST_YEAR + session;
					SyntheticLetters.Proposal proposal = letters.proposal(++numbers[session], year,
							setup.deputyNames().size(), setup.unitIds().size());
					SyntheticLetters.Reply reply = letters.reply(proposal, setup.shortNames().get(session),
							setup.deputyNames().get(proposal.leadDeputy()), proposal.cosigners().size(),
							setup.unitNames().get(proposal.leadUnit()));
					chunk.add(setup.sessionIds().get(session), proposal, reply);
				}
				Ids ids = new Ids(connection, chunk);
				write(copy, setup, chunk, ids, serials);
				connection.commit();
				sections += chunk.sectionCount;
				figures += chunk.figureCount;
				evaluations += chunk.evaluationCount;
				log.info("Generated {} of {} replies", from + count, settings.replies());
			}
			updateCounters(connection, setup, serials);
			connection.commit();
			connection.setAutoCommit(true);
			// Fresh statistics, and a visibility map so that list pages and counts can be
			// answered from the indexes alone.
			try (Statement statement = connection.createStatement()) {
				statement.execute("vacuum (analyze) reply, proposal, assignment, evaluation");
				statement.execute("analyze reply_section, figure, proposal_cosigner, deputy");
			}
			Duration took = Duration.ofNanos(System.nanoTime() - started);
			return new GenerateResult(setup.sessionIds(), setup.unitIds(), settings.replies(), sections, figures,
					evaluations, took);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Generation failed: " + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Setup setUp(Connection connection, SyntheticLetters letters, GenerateSettings settings)
			throws SQLException {
		String tag = settings.scope().isEmpty() ? "" : "（" + settings.scope() + "）";
		List<Long> topicIds = new ArrayList<>();
		for (String name : SyntheticLetters.TOPIC_CATEGORIES) {
			topicIds.add(idOf(connection, TOPIC_CATEGORY.insert() + " on conflict (name) do nothing",
					"select id from topic_category where name = ?", name + tag));
		}
		List<Long> unitIds = new ArrayList<>();
		List<String> unitNames = new ArrayList<>();
		List<String> orgCodes = new ArrayList<>();
		for (int i = 0; i < SyntheticLetters.UNIT_NAMES.length; i++) {
			String name = SyntheticLetters.UNIT_NAMES[i] + tag;
			String orgCode = "G" + settings.scope() + String.format("%02d", i) + "11330800";
			unitIds.add(insertReturningId(connection, HANDLING_UNIT.insert(), name, orgCode));
			unitNames.add(SyntheticLetters.UNIT_NAMES[i]);
			orgCodes.add(orgCode);
		}
		int deputyCount = Math.max(20, Math.min(5_000, settings.replies() / 10));
		List<Long> deputyIds = new ArrayList<>();
		List<String> deputyNames = new ArrayList<>();
		for (int i = 0; i < deputyCount; i++) {
			String name = letters.personName();
			deputyNames.add(name);
			deputyIds.add(insertReturningId(connection, DEPUTY.insert(), name,
					SyntheticLetters.REGIONS[i % SyntheticLetters.REGIONS.length] + "代表团"));
		}
		// Test data uses NPC sessions: a scoped run (tests) takes CPPCC numbering, so the
		// two
		// never collide; either way the first free term is used.
		String body = settings.scope().isEmpty() ? "NPC" : "CPPCC";
		Set<String> taken = new HashSet<>();
		try (PreparedStatement select = connection
			.prepareStatement("select level, term from congress_session where body_type = ?")) {
			select.setString(1, body);
			try (ResultSet rs = select.executeQuery()) {
				while (rs.next()) {
					taken.add(rs.getString(1) + rs.getInt(2));
				}
			}
		}
		String level = null;
		int term = 0;
		for (int t = 8; t < 99 + 8 && level == null; t++) {
			for (String candidate : List.of("CITY", "COUNTY", "PROVINCE")) {
				int candidateTerm = 1 + (t - 1) % 99;
				if (!taken.contains(candidate + candidateTerm)) {
					level = candidate;
					term = candidateTerm;
					break;
				}
			}
		}
		if (level == null) {
			throw new IllegalStateException("no free session numbering left for " + body);
		}
		List<Long> sessionIds = new ArrayList<>();
		List<String> shortNames = new ArrayList<>();
		String bodyName = body.equals("NPC") ? "人大" : "政协";
		for (int s = 0; s < SESSIONS; s++) {
			String shortName = "市" + SyntheticLetters.numeral(term) + "届" + bodyName + SyntheticLetters.numeral(s + 1)
					+ "次会议";
			shortNames.add(shortName);
			sessionIds.add(insertReturningId(connection, CONGRESS_SESSION.insert(), body, level, term, s + 1,
					FIRST_YEAR + s, shortName + tag));
		}
		return new Setup(sessionIds, shortNames, unitIds, unitNames, orgCodes, deputyIds, deputyNames, topicIds);
	}

	private void write(CopyManager copy, Setup setup, Chunk chunk, Ids ids, Map<String, Integer> serials)
			throws SQLException, IOException {
		Rows proposals = new Rows(PROPOSAL);
		Rows cosigners = new Rows(PROPOSAL_COSIGNER);
		Rows assignments = new Rows(ASSIGNMENT);
		Rows replies = new Rows(REPLY);
		Rows sections = new Rows(REPLY_SECTION);
		Rows figures = new Rows(FIGURE);
		Rows evaluations = new Rows(EVALUATION);
		int section = 0;
		int figure = 0;
		for (int i = 0; i < chunk.proposals.size(); i++) {
			SyntheticLetters.Proposal p = chunk.proposals.get(i);
			SyntheticLetters.Reply r = chunk.replies.get(i);
			long proposalId = ids.proposals[i];
			long replyId = ids.replies[i];
			proposals.row(proposalId, chunk.sessionIds.get(i), p.number(), p.title(), p.body(),
					setup.deputyIds().get(p.leadDeputy()), setup.topicIds().get(p.topicCategory()), p.submittedOn(),
					p.key(), r.issued() ? "REPLIED" : "ASSIGNED");
			for (int c : p.cosigners()) {
				cosigners.row(proposalId, setup.deputyIds().get(c));
			}
			assignments.row(proposalId, setup.unitIds().get(p.leadUnit()), "LEAD", p.assignedOn(), p.deadline());
			if (p.coUnit() >= 0) {
				assignments.row(proposalId, setup.unitIds().get(p.coUnit()), "CO", p.assignedOn(), p.deadline());
			}
			String indexNumber = null;
			if (r.issued()) {
				String orgCode = setup.orgCodes().get(p.leadUnit());
				String key = orgCode + "/" + r.signedOn().getYear();
				int serial = serials.merge(key, 1, Integer::sum);
				indexNumber = key + "-" + serial;
			}
			replies.row(replyId, proposalId, setup.unitIds().get(p.leadUnit()), r.issued() ? "ISSUED" : "DRAFT",
					indexNumber, r.writtenOn(), r.signedOn(), r.disclosure(), r.disclosureReason(), r.addressee(),
					r.opening(), r.closing(), r.issuer(), r.issued() ? r.resultClass() : null,
					r.issued() ? TIMESTAMP.format(r.issuedAt().atOffset(ZoneOffset.UTC)) : null);
			int ordinal = 0;
			for (SyntheticLetters.Section s : r.sections()) {
				long sectionId = ids.sections[section++];
				sections.row(sectionId, replyId, ++ordinal, s.kind(), s.heading(), s.body());
				int figureOrdinal = 0;
				for (SyntheticLetters.Figure f : s.figures()) {
					figures.row(ids.figures[figure++], replyId, sectionId, ++figureOrdinal, f.subject(), f.value(),
							f.unit(), f.kind(), f.comparator(), f.period(), f.deadlineYear(), f.region(),
							f.growthRate(), f.rank(), f.sentence());
				}
			}
			if (r.evaluation() != null) {
				evaluations.row(replyId, setup.deputyIds().get(p.leadDeputy()), r.evaluation().attitude(),
						r.evaluation().result(), r.evaluation().comment());
			}
		}
		for (Rows rows : List.of(proposals, cosigners, assignments, replies, sections, figures, evaluations)) {
			if (rows.count > 0) {
				copy.copyIn(rows.table.copyFromStdin(), new StringReader(rows.text.toString()));
			}
		}
	}

	/** Later issuing through the portal continues after the generated serials. */
	private static void updateCounters(Connection connection, Setup setup, Map<String, Integer> serials)
			throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(INDEX_NUMBER_COUNTER.insert() + """
				 on conflict (org_code, year) do update
				set last_serial = greatest(index_number_counter.last_serial, excluded.last_serial)""")) {
			for (Map.Entry<String, Integer> entry : serials.entrySet()) {
				String[] parts = entry.getKey().split("/");
				statement.setString(1, parts[0]);
				statement.setInt(2, Integer.parseInt(parts[1]));
				statement.setInt(3, entry.getValue());
				statement.addBatch();
			}
			statement.executeBatch();
		}
	}

	private static long idOf(Connection connection, String insert, String select, String name) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(insert)) {
			statement.setString(1, name);
			statement.executeUpdate();
		}
		try (PreparedStatement statement = connection.prepareStatement(select)) {
			statement.setString(1, name);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	private static long insertReturningId(Connection connection, String sql, Object... values) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql + " returning id")) {
			for (int i = 0; i < values.length; i++) {
				statement.setObject(i + 1, values[i]);
			}
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	private record Setup(List<Long> sessionIds, List<String> shortNames, List<Long> unitIds, List<String> unitNames,
			List<String> orgCodes, List<Long> deputyIds, List<String> deputyNames, List<Long> topicIds) {
	}

	private static final class Chunk {

		final List<Long> sessionIds = new ArrayList<>();

		final List<SyntheticLetters.Proposal> proposals = new ArrayList<>();

		final List<SyntheticLetters.Reply> replies = new ArrayList<>();

		int sectionCount;

		int figureCount;

		int evaluationCount;

		void add(long sessionId, SyntheticLetters.Proposal proposal, SyntheticLetters.Reply reply) {
			this.sessionIds.add(sessionId);
			this.proposals.add(proposal);
			this.replies.add(reply);
			this.sectionCount += reply.sections().size();
			this.figureCount += reply.sections().stream().mapToInt((s) -> s.figures().size()).sum();
			this.evaluationCount += (reply.evaluation() != null) ? 1 : 0;
		}

	}

	/** Ids from the tables' own identity sequences, so the app's later inserts follow. */
	private static final class Ids {

		final long[] proposals;

		final long[] replies;

		final long[] sections;

		final long[] figures;

		Ids(Connection connection, Chunk chunk) throws SQLException {
			this.proposals = next(connection, PROPOSAL.name(), chunk.proposals.size());
			this.replies = next(connection, REPLY.name(), chunk.replies.size());
			this.sections = next(connection, REPLY_SECTION.name(), chunk.sectionCount);
			this.figures = next(connection, FIGURE.name(), chunk.figureCount);
		}

		private static long[] next(Connection connection, String table, int count) throws SQLException {
			long[] ids = new long[count];
			if (count == 0) {
				return ids;
			}
			try (PreparedStatement statement = connection
				.prepareStatement("select nextval(pg_get_serial_sequence(?, 'id')) from generate_series(1, ?)")) {
				statement.setString(1, table);
				statement.setInt(2, count);
				try (ResultSet rs = statement.executeQuery()) {
					int i = 0;
					while (rs.next()) {
						ids[i++] = rs.getLong(1);
					}
				}
			}
			return ids;
		}

	}

	/** Rows of one table in COPY's text format, one value for each of its columns. */
	private static final class Rows {

		final GeneratedTables.Table table;

		final StringBuilder text = new StringBuilder(1 << 16);

		int count;

		Rows(GeneratedTables.Table table) {
			this.table = table;
		}

		void row(Object... values) {
			if (values.length != this.table.columns().size()) {
				throw new IllegalArgumentException(values.length + " values for the " + this.table.columns().size()
						+ " columns of " + this.table.name() + " (" + this.table.columnList() + ")");
			}
			for (int i = 0; i < values.length; i++) {
				if (i > 0) {
					this.text.append('\t');
				}
				Object value = values[i];
				if (value == null) {
					this.text.append("\\N");
				}
				else if (value instanceof Boolean b) {
					this.text.append(b ? 't' : 'f');
				}
				else if (value instanceof java.math.BigDecimal d) {
					this.text.append(d.toPlainString());
				}
				else if (value instanceof LocalDate || value instanceof Number) {
					this.text.append(value);
				}
				else {
					escape(value.toString());
				}
			}
			this.text.append('\n');
			this.count++;
		}

		private void escape(String value) {
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				switch (c) {
					case '\\' -> this.text.append("\\\\");
					case '\t' -> this.text.append("\\t");
					case '\n' -> this.text.append("\\n");
					case '\r' -> this.text.append("\\r");
					default -> this.text.append(c);
				}
			}
		}

	}

}
