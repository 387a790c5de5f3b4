package org.dafu.platform.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.dafu.testing.TestData;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Upgrading a database that holds rows, as a deployment does: a new database on the test
 * JVM's embedded PostgreSQL brought by Flyway to an older version, filled with thousands
 * of rows by SQL (sessions, units, deputies, proposals with co-signers, assignments with
 * extensions and 重新办理, issued replies and drafts with their sections), then migrated to
 * the latest version by the application's own migration strategy
 * ({@link OutOfOrderFixes}).
 *
 * <p>
 * V94 updates every assignment, and at its commit the change log's deferred triggers call
 * {@code note_public_change} once per row and reply. That each call costs one index
 * lookup, not a read of the rows already logged, is shown by PostgreSQL's own counters of
 * the tuples read from {@code public_change} in the migration's transaction, never by
 * time. A statement timeout only keeps a quadratic run from hanging the build.
 */
class UpgradeTests {

	/** Before V94 and its fix, V93_1. */
	private static final String BEFORE = "93";

	private static final Path MIGRATIONS = Path.of("db/migration");

	private static final LocalDate FIRST_ASSIGNED = LocalDate.of(2024, 3, 1);

	private final EmbeddedPostgresServer server = EmbeddedPostgres.ephemeral();

	private final JdbcTemplate admin = new JdbcTemplate(new SimpleDriverDataSource(new org.postgresql.Driver(),
			this.server.jdbcUrl(), this.server.username(), this.server.password()));

	private String database;

	private DataSource target;

	private JdbcTemplate jdbc;

	@TempDir
	Path dir;

	@BeforeEach
	void emptyDatabase() {
		this.database = "upgrade_" + TestData.unique();
		this.admin.execute("create database " + this.database);
		this.target = new SimpleDriverDataSource(new org.postgresql.Driver(),
				this.server.jdbcUrl().replaceFirst("/[^/?]+$", "/" + this.database), this.server.username(),
				this.server.password());
		this.jdbc = new JdbcTemplate(this.target);
	}

	@AfterEach
	void dropDatabase() {
		this.admin.execute("drop database if exists " + this.database + " with (force)");
	}

	@Test
	void aDatabaseWithThousandsOfRowsUpgradesWithOneLookupPerChangeAndKeepsItsRows() throws Exception {
		flyway("filesystem:" + MIGRATIONS).target(BEFORE).load().migrate();
		List<Plan> plans = seed(2400);
		Map<String, Long> countsBefore = counts();
		String deadlinesBefore = this.jdbc
			.queryForObject("select string_agg(id || ':' || deadline, ',' order by id) from assignment", String.class);
		long logBefore = this.jdbc.queryForObject("select max(id) from public_change", Long.class);
		int assignments = this.jdbc.queryForObject("select count(*) from assignment", Integer.class);
		assertThat(assignments).isGreaterThan(3000);

		LogReads v94 = new LogReads("94");
		new OutOfOrderFixes().migrate(flyway("filesystem:" + MIGRATIONS).callbacks(v94).load());

		// one index lookup per call: no scan of the log, at most one row found per call
		// (one call per assignment for the aggregates, one per issued reply)
		assertThat(v94.sequentialScans).as("sequential scans of public_change in V94's transaction").isZero();
		assertThat(v94.tuplesRead).as("rows of public_change read in V94's transaction")
			.isLessThanOrEqualTo(2L * assignments);

		// the fix came before V94, then everything after it
		List<String> applied = this.jdbc
			.queryForList("select version from flyway_schema_history where version is not null and installed_rank > "
					+ "(select installed_rank from flyway_schema_history where version = ?) order by installed_rank",
					String.class, BEFORE);
		assertThat(applied).startsWith("93.1", "94").contains(latestVersion());
		assertThat(this.jdbc.queryForObject("select bool_and(success) from flyway_schema_history", Boolean.class))
			.isTrue();

		// the rows are kept, the deadlines in force unchanged, the deadline assigned set
		assertThat(counts()).isEqualTo(countsBefore);
		assertThat(this.jdbc.queryForObject("select string_agg(id || ':' || deadline, ',' order by id) from assignment",
				String.class))
			.isEqualTo(deadlinesBefore);
		Map<String, LocalDate> assigned = new HashMap<>();
		this.jdbc.query("""
				select p.number, a.role, a.assigned_deadline from assignment a join proposal p on p.id = a.proposal_id
				""", (ResultSet rs) -> {
			assigned.put(rs.getInt(1) + "/" + rs.getString(2), rs.getObject(3, LocalDate.class));
		});
		Map<String, LocalDate> expected = new HashMap<>();
		for (Plan plan : plans) {
			if (plan.lead != null) {
				expected.put(plan.number + "/LEAD", plan.lead.assignedDeadline);
			}
			if (plan.co != null) {
				expected.put(plan.number + "/CO", plan.co.assignedDeadline);
			}
		}
		assertThat(assigned).isEqualTo(expected);
		assertThat(expected).containsValue(null);

		// V94's transaction logged each issued reply it touched once, and the aggregates
		// once
		Set<Long> touched = new HashSet<>();
		for (Plan plan : plans) {
			if (plan.lead != null && plan.replyIssued) {
				touched.add(plan.replyId);
			}
		}
		assertThat(touched).hasSizeGreaterThan(1500);
		assertThat(new HashSet<>(this.jdbc.queryForList(
				"select reply_id from public_change where tx = ? and kind = 'REPLY'", Long.class, v94.transaction)))
			.isEqualTo(touched);
		assertThat(this.jdbc.queryForList("select kind from public_change where tx = ? and kind <> 'REPLY'",
				String.class, v94.transaction))
			.containsExactly("LISTS");
		assertThat(this.jdbc.queryForObject("select count(*) from public_change where tx = ? and id > ?", Long.class,
				v94.transaction, logBefore))
			.isEqualTo(touched.size() + 1L);
		assertThat(this.jdbc.queryForObject("""
				select count(*) from (select 1 from public_change group by tx, kind, reply_id having count(*) > 1) d
				""", Long.class)).isZero();
	}

	/**
	 * A database already at the latest version when a fix below it was written applies it
	 * then, out of order, and any whole version still missing below the latest stops the
	 * start as Flyway's validation would. Every point version also runs a second time
	 * without error or change (idempotent).
	 */
	@Test
	void aDatabasePastAFixAppliesItOutOfOrderAndNoOtherMissingMigration() throws Exception {
		Path wholeVersions = Files.createDirectories(this.dir.resolve("whole"));
		List<Path> fixes = new ArrayList<>();
		try (Stream<Path> files = Files.list(MIGRATIONS)) {
			for (Path file : (Iterable<Path>) files::iterator) {
				if (file.getFileName().toString().matches("V[0-9]+_[0-9]+__.*\\.sql")) {
					fixes.add(file);
				}
				else {
					Files.copy(file, wholeVersions.resolve(file.getFileName()));
				}
			}
		}
		assertThat(fixes).isNotEmpty();
		flyway("filesystem:" + wholeVersions).load().migrate();
		seed(400);
		String latest = latestVersion();
		assertThat(this.jdbc.queryForObject("select max(installed_rank) from flyway_schema_history", Integer.class))
			.isEqualTo(rankOf(latest));

		// the same index made by hand before, under another name, gives way
		this.jdbc.execute("create unique index ux_by_hand on public_change (tx, kind, (coalesce(reply_id, 0)))");

		new OutOfOrderFixes().migrate(flyway("filesystem:" + MIGRATIONS).load());

		assertThat(this.jdbc.queryForList("select indexname from pg_indexes where tablename = 'public_change'",
				String.class))
			.containsExactlyInAnyOrder("public_change_pkey", "uq_public_change_once");
		for (Path fix : fixes) {
			String version = fix.getFileName().toString().replaceFirst("^V([0-9]+)_([0-9]+)__.*", "$1.$2");
			assertThat(rankOf(version)).as(version + " applied after the latest").isGreaterThan(rankOf(latest));
		}
		assertThat(this.jdbc.queryForObject("select bool_and(success) from flyway_schema_history", Boolean.class))
			.isTrue();
		// the next start finds nothing to do and nothing to refuse
		int rows = this.jdbc.queryForObject("select count(*) from flyway_schema_history", Integer.class);
		new OutOfOrderFixes().migrate(flyway("filesystem:" + MIGRATIONS).load());
		assertThat(this.jdbc.queryForObject("select count(*) from flyway_schema_history", Integer.class))
			.isEqualTo(rows);

		// a large transaction is now one lookup per change here too
		int assignments = this.jdbc.queryForObject("select count(*) from assignment", Integer.class);
		LogReads reads = largeTransaction();
		assertThat(reads.sequentialScans).isZero();
		assertThat(reads.tuplesRead).isLessThanOrEqualTo(2L * assignments);

		// idempotent: each fix again changes nothing
		String schema = changeLogSchema();
		for (Path fix : fixes) {
			try (Connection c = this.target.getConnection(); Statement st = c.createStatement()) {
				st.execute(Files.readString(fix));
			}
		}
		assertThat(changeLogSchema()).isEqualTo(schema);

		// a whole version added below the latest is not applied out of order
		int free = 2;
		while (rankOrNull(String.valueOf(free)) != null) {
			free++;
		}
		assertThat(free).isLessThan(Integer.parseInt(latest));
		Path below = Files.createDirectories(this.dir.resolve("below"));
		Files.writeString(below.resolve("V" + free + "__added_below_the_latest.sql"),
				"create table added_below (id int);\n");
		assertThatThrownBy(
				() -> new OutOfOrderFixes().migrate(flyway("filesystem:" + MIGRATIONS, "filesystem:" + below).load()))
			.isInstanceOf(FlywayException.class)
			.hasMessageContaining("not applied to database: " + free);
		assertThat(this.jdbc.queryForObject("select to_regclass('added_below') is null", Boolean.class)).isTrue();
	}

	private FluentConfiguration flyway(String... locations) {
		// a guard, not the assertion: a quadratic run fails here instead of hanging the
		// build
		return Flyway.configure()
			.dataSource(this.target)
			.locations(locations)
			.initSql("set statement_timeout = '120s'");
	}

	private String latestVersion() throws IOException {
		try (Stream<Path> files = Files.list(MIGRATIONS)) {
			return String.valueOf(files.map((f) -> f.getFileName().toString())
				.filter((name) -> name.matches("V[0-9]+__.*\\.sql"))
				.mapToInt((name) -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
				.max()
				.orElseThrow());
		}
	}

	private Integer rankOrNull(String version) {
		List<Integer> ranks = this.jdbc
			.queryForList("select installed_rank from flyway_schema_history where version = ?", Integer.class, version);
		return ranks.isEmpty() ? null : ranks.get(0);
	}

	private int rankOf(String version) {
		return this.jdbc.queryForObject("select installed_rank from flyway_schema_history where version = ?",
				Integer.class, version);
	}

	private Map<String, Long> counts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String table : List.of("congress_session", "handling_unit", "deputy", "proposal", "proposal_cosigner",
				"assignment", "deadline_extension", "rehandling", "reply", "reply_section")) {
			counts.put(table, this.jdbc.queryForObject("select count(*) from " + table, Long.class));
		}
		return counts;
	}

	private String changeLogSchema() {
		return this.jdbc.queryForObject("""
				select string_agg(indexdef, '; ' order by indexname)
				       || ' / ' || (select pg_get_functiondef('note_public_change(text, bigint)'::regprocedure))
				from pg_indexes where tablename = 'public_change'
				""", String.class);
	}

	/**
	 * Every assignment updated in one transaction, its deferred triggers run, rolled
	 * back.
	 */
	private LogReads largeTransaction() throws SQLException {
		try (Connection c = this.target.getConnection()) {
			c.setAutoCommit(false);
			try (Statement st = c.createStatement()) {
				st.execute("set local statement_timeout = '120s'");
				long[] before = LogReads.read(c);
				st.executeUpdate("update assignment set deadline = deadline");
				st.execute("set constraints all immediate");
				long[] after = LogReads.read(c);
				return new LogReads(after[0] - before[0], after[1] - before[1], 0);
			}
			finally {
				c.rollback();
			}
		}
	}

	/**
	 * Reads of public_change in one migration's transaction: its deferred triggers are
	 * run at its end (as at its commit), and PostgreSQL's counters of the transaction
	 * compared with those at its start.
	 */
	static final class LogReads implements Callback {

		private final String version;

		private long[] start;

		long sequentialScans;

		long tuplesRead;

		long transaction;

		LogReads(String version) {
			this.version = version;
		}

		LogReads(long sequentialScans, long tuplesRead, long transaction) {
			this(null);
			this.sequentialScans = sequentialScans;
			this.tuplesRead = tuplesRead;
			this.transaction = transaction;
		}

		@Override
		public boolean supports(Event event, Context context) {
			return (event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE)
					&& context.getMigrationInfo() != null
					&& this.version.equals(String.valueOf(context.getMigrationInfo().getVersion()));
		}

		@Override
		public boolean canHandleInTransaction(Event event, Context context) {
			return true;
		}

		@Override
		public void handle(Event event, Context context) {
			try {
				Connection c = context.getConnection();
				if (event == Event.BEFORE_EACH_MIGRATE) {
					this.start = read(c);
					return;
				}
				try (Statement st = c.createStatement()) {
					st.execute("set constraints all immediate");
				}
				long[] end = read(c);
				this.sequentialScans = end[0] - this.start[0];
				this.tuplesRead = end[1] - this.start[1];
				try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select txid_current()")) {
					rs.next();
					this.transaction = rs.getLong(1);
				}
			}
			catch (SQLException ex) {
				throw new FlywayException(ex);
			}
		}

		@Override
		public String getCallbackName() {
			return "reads of the change log";
		}

		/** Sequential scans, and tuples read by them and through indexes. */
		static long[] read(Connection c) throws SQLException {
			try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
					select seq_scan, seq_tup_read + coalesce(idx_tup_fetch, 0)
					from pg_stat_xact_user_tables where relname = 'public_change'
					""")) {
				rs.next();
				return new long[] { rs.getLong(1), rs.getLong(2) };
			}
		}

	}

	// ---- the rows: what each proposal holds, and the deadline V94 must find as assigned

	record Extension(LocalDate previous, LocalDate next, OffsetDateTime at) {
	}

	static final class Assignment {

		final int unit;

		final LocalDate assignedOn;

		LocalDate deadline;

		final List<Extension> extensions = new ArrayList<>();

		LocalDate assignedDeadline;

		Assignment(int unit, LocalDate assignedOn, LocalDate deadline) {
			this.unit = unit;
			this.assignedOn = assignedOn;
			this.deadline = deadline;
			this.assignedDeadline = deadline;
		}

		Assignment extended(LocalDate next, OffsetDateTime at) {
			this.extensions.add(new Extension(this.deadline, next, at));
			this.deadline = next;
			return this;
		}

	}

	static final class Plan {

		final int number;

		Assignment lead;

		Assignment co;

		boolean replyIssued;

		OffsetDateTime rehandledAt;

		LocalDate rehandlingDeadline;

		long replyId;

		Plan(int number) {
			this.number = number;
		}

	}

	private static OffsetDateTime at(LocalDate day) {
		return day.atTime(10, 0).atOffset(ZoneOffset.UTC);
	}

	/**
	 * Most proposals: a lead unit, a co-unit for one in three, extensions for some; one
	 * in a hundred an archived letter with no assignment; one in forty 重新办理, in each of
	 * V94's cases. One in four replies is a draft.
	 */
	static List<Plan> plans(int count) {
		List<Plan> plans = new ArrayList<>();
		for (int n = 1; n <= count; n++) {
			Plan plan = new Plan(n);
			plans.add(plan);
			plan.replyIssued = n % 4 != 1;
			if (n % 100 == 7) {
				continue; // an archived letter: replied, never assigned here
			}
			LocalDate assignedOn = FIRST_ASSIGNED.plusDays(n % 60);
			LocalDate deadline = assignedOn.plusDays(90);
			plan.lead = new Assignment(n % 20, assignedOn, deadline);
			if (n % 3 == 0) {
				plan.co = new Assignment((n + 7) % 20, assignedOn, deadline.minusDays(10));
				if (n % 4 == 0) {
					plan.co.extended(deadline.plusDays(20), at(assignedOn.plusDays(70)));
				}
			}
			if (n % 40 == 0) {
				rehandled(plan, assignedOn, deadline);
			}
			else if (n % 5 == 0) {
				// the first extension's previous deadline is the one assigned
				plan.lead.extended(deadline.plusDays(30), at(assignedOn.plusDays(60)))
					.extended(deadline.plusDays(60), at(assignedOn.plusDays(100)));
			}
		}
		return plans;
	}

	private static void rehandled(Plan plan, LocalDate assignedOn, LocalDate deadline) {
		plan.replyIssued = true;
		plan.rehandledAt = at(assignedOn.plusDays(200));
		plan.rehandlingDeadline = assignedOn.plusDays(260);
		switch ((plan.number / 40) % 4) {
			case 0 -> {
				// extended before 重新办理: that extension's previous deadline
				plan.lead.extended(deadline.plusDays(30), at(assignedOn.plusDays(60)));
				plan.lead.deadline = plan.rehandlingDeadline;
			}
			case 1 -> {
				// extended only after it: the co-unit's first extension's previous
				// deadline
				plan.lead.deadline = plan.rehandlingDeadline;
				plan.lead.extended(plan.rehandlingDeadline.plusDays(30), at(assignedOn.plusDays(220)));
				plan.lead.assignedDeadline = deadline.minusDays(10);
				plan.co = new Assignment((plan.number + 7) % 20, assignedOn, deadline.minusDays(10))
					.extended(deadline.plusDays(20), at(assignedOn.plusDays(70)));
			}
			case 2 -> {
				// never extended: the co-unit's deadline
				plan.lead.deadline = plan.rehandlingDeadline;
				plan.lead.assignedDeadline = deadline.minusDays(15);
				plan.co = new Assignment((plan.number + 7) % 20, assignedOn, deadline.minusDays(15));
			}
			default -> {
				// no co-unit assigned that day: unknown
				plan.lead.deadline = plan.rehandlingDeadline;
				plan.lead.assignedDeadline = null;
				plan.co = new Assignment((plan.number + 7) % 20, assignedOn.plusDays(5), deadline.minusDays(15));
			}
		}
	}

	/** The rows of {@link #plans}, by SQL, a hundred proposals per transaction. */
	private List<Plan> seed(int count) throws SQLException {
		List<Plan> plans = plans(count);
		try (Connection c = this.target.getConnection()) {
			c.setAutoCommit(false);
			long session = insert(c, """
					insert into congress_session (body_type, level, term, session_number, year, name)
					values ('CPPCC', 'COUNTY', 99, 1, 2024, '升级测试第一次会议')""");
			long[] units = new long[20];
			for (int i = 0; i < units.length; i++) {
				units[i] = insert(c, "insert into handling_unit (name, org_code) values ('升级测试单位" + i + "', 'UPGRADE"
						+ (100 + i) + "')");
			}
			long[] deputies = new long[200];
			for (int i = 0; i < deputies.length; i++) {
				deputies[i] = insert(c, "insert into deputy (name, delegation) values ('代表" + i + "号', '升级测试代表团')");
			}
			c.commit();
			// The rows were written long ago: the change log, emptied a day after each
			// change,
			// holds none of them (as on a real database, which is one row then).
			changeLogTriggers(c, "disable");
			for (int from = 0; from < plans.size(); from += 100) {
				seed(c, plans.subList(from, Math.min(plans.size(), from + 100)), session, units, deputies);
				c.commit();
			}
			changeLogTriggers(c, "enable");
			c.commit();
		}
		return plans;
	}

	private static void changeLogTriggers(Connection c, String action) throws SQLException {
		List<String> statements = new ArrayList<>();
		try (Statement st = c.createStatement();
				ResultSet rs = st.executeQuery("select format('alter table %s " + action + " trigger %I', "
						+ "t.tgrelid::regclass, t.tgname) from pg_trigger t "
						+ "where t.tgname like '%public_change_log' and not t.tgisinternal")) {
			while (rs.next()) {
				statements.add(rs.getString(1));
			}
		}
		assertThat(statements).hasSizeGreaterThan(10);
		try (Statement st = c.createStatement()) {
			for (String statement : statements) {
				st.execute(statement);
			}
		}
	}

	private static void seed(Connection c, List<Plan> plans, long session, long[] units, long[] deputies)
			throws SQLException {
		String body = "关于推进分布式光伏发展和乡村振兴的建议。".repeat(20);
		Map<Plan, Long> proposals = new HashMap<>();
		for (Plan plan : plans) {
			proposals.put(plan, insert(c,
					"insert into proposal (session_id, number, title, body, lead_deputy_id, submitted_on, status, origin) "
							+ "values (?, ?, ?, ?, ?, ?, ?, ?)",
					session, plan.number, "关于第" + plan.number + "号事项的建议", body, deputies[plan.number % deputies.length],
					FIRST_ASSIGNED.minusDays(10),
					(plan.rehandledAt != null) ? "REHANDLING" : plan.replyIssued ? "REPLIED" : "ASSIGNED",
					(plan.lead == null) ? "IMPORTED_ARCHIVE" : "REGISTERED"));
		}
		try (PreparedStatement cosigner = c
			.prepareStatement("insert into proposal_cosigner (proposal_id, deputy_id) values (?, ?)")) {
			for (Plan plan : plans) {
				for (int k = 1; k <= 2; k++) {
					cosigner.setLong(1, proposals.get(plan));
					cosigner.setLong(2, deputies[(plan.number + 31 * k) % deputies.length]);
					cosigner.addBatch();
				}
			}
			cosigner.executeBatch();
		}
		for (Plan plan : plans) {
			long proposal = proposals.get(plan);
			if (plan.lead != null) {
				assign(c, proposal, "LEAD", plan.lead, units);
			}
			if (plan.co != null) {
				assign(c, proposal, "CO", plan.co, units);
			}
			int unit = (plan.lead != null) ? plan.lead.unit : plan.number % 20;
			plan.replyId = insert(c, """
					insert into reply (proposal_id, unit_id, status, index_number, written_on, signed_on, addressee,
					                   opening, closing, issuer, result_class, issued_at)
					values (?, ?, ?, ?, ?, ?, '代表', ?, '此复。', '升级测试单位', ?, ?)""", proposal, units[unit],
					plan.replyIssued ? "ISSUED" : "DRAFT",
					plan.replyIssued ? "UPGRADE" + (100 + unit) + "/2024-" + plan.number : null,
					FIRST_ASSIGNED.plusDays(80), plan.replyIssued ? FIRST_ASSIGNED.plusDays(85) : null, "您提出的" + body,
					plan.replyIssued ? "B" : null, plan.replyIssued ? at(FIRST_ASSIGNED.plusDays(86)) : null);
			try (PreparedStatement section = c.prepareStatement(
					"insert into reply_section (reply_id, ordinal, kind, heading, body) values (?, ?, ?, ?, ?)")) {
				for (int k = 1; k <= 3; k++) {
					section.setLong(1, plan.replyId);
					section.setInt(2, k);
					section.setString(3, (k < 3) ? "RESPONSE" : "NEXT_STEPS");
					section.setString(4, "第" + k + "部分");
					section.setString(5, body);
					section.addBatch();
				}
				section.executeBatch();
			}
			if (plan.rehandledAt != null) {
				insert(c,
						"insert into rehandling (proposal_id, reply_id, deputy_id, deadline, created_at) "
								+ "values (?, ?, ?, ?, ?) ",
						proposal, plan.replyId, deputies[plan.number % deputies.length], plan.rehandlingDeadline,
						plan.rehandledAt);
			}
		}
	}

	/** The assignment with its deadline in force, and its extensions in order. */
	private static void assign(Connection c, long proposal, String role, Assignment assignment, long[] units)
			throws SQLException {
		long id = insert(c,
				"insert into assignment (proposal_id, unit_id, role, assigned_on, deadline) values (?, ?, ?, ?, ?)",
				proposal, units[assignment.unit], role, assignment.assignedOn, assignment.deadline);
		for (Extension extension : assignment.extensions) {
			insert(c, """
					insert into deadline_extension (assignment_id, previous_deadline, new_deadline, reason, extended_by,
					                                extended_at)
					values (?, ?, ?, '调研需要更多时间', '协调员', ?)""", id, extension.previous(), extension.next(),
					extension.at());
		}
	}

	private static long insert(Connection c, String sql, Object... values) throws SQLException {
		try (PreparedStatement st = c.prepareStatement(sql, new String[] { "id" })) {
			for (int i = 0; i < values.length; i++) {
				st.setObject(i + 1, values[i]);
			}
			st.executeUpdate();
			try (ResultSet keys = st.getGeneratedKeys()) {
				return keys.next() ? keys.getLong(1) : 0;
			}
		}
	}

}
