package org.dafu.generate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The tables and columns the generator writes, each with the kind of value it writes
 * there. {@link ReplyGenerator} builds its {@code COPY} and {@code INSERT} statements
 * from these and checks them against the migrated schema before it writes anything:
 * {@link #check(Connection)} fails naming every column that is gone, has another kind of
 * type, or is required (not null, no default) but not written. So a migration that
 * changes one of these tables fails the generator's test in the build
 * ({@code generate/ReplyGeneratorTests}), with the table and column, instead of leaving a
 * generator that writes the old schema.
 */
final class GeneratedTables {

	/** What the generator writes into a column, and the SQL types that take it. */
	enum Kind {

		/** Java {@code long}/{@code int}. */
		INTEGER("smallint", "integer", "bigint"),

		/** {@link java.math.BigDecimal}. */
		DECIMAL("numeric"),

		/** A string. */
		TEXT("text", "character varying", "character"),

		/** {@link java.time.LocalDate}. */
		DATE("date"),

		/** An instant written with its offset. */
		TIMESTAMP("timestamp with time zone"),

		/** {@code true}/{@code false}. */
		BOOLEAN("boolean");

		private final Set<String> sqlTypes;

		Kind(String... sqlTypes) {
			this.sqlTypes = Set.of(sqlTypes);
		}

		boolean accepts(String sqlType) {
			return this.sqlTypes.contains(sqlType);
		}

	}

	/** A column the generator writes. */
	record Column(String name, Kind kind) {
	}

	/**
	 * A table and the columns the generator writes into it, in the order it writes them.
	 */
	record Table(String name, List<Column> columns) {

		Table(String name, Object... nameAndKind) {
			this(name, columns(nameAndKind));
		}

		private static List<Column> columns(Object... nameAndKind) {
			List<Column> columns = new ArrayList<>();
			for (int i = 0; i < nameAndKind.length; i += 2) {
				columns.add(new Column((String) nameAndKind[i], (Kind) nameAndKind[i + 1]));
			}
			return List.copyOf(columns);
		}

		String columnList() {
			return this.columns.stream().map(Column::name).collect(Collectors.joining(", "));
		}

		/** {@code copy table (columns) from stdin}. */
		String copyFromStdin() {
			return "copy " + this.name + " (" + columnList() + ") from stdin";
		}

		/** {@code insert into table (columns) values (?, ...)}. */
		String insert() {
			return "insert into " + this.name + " (" + columnList() + ") values ("
					+ this.columns.stream().map((c) -> "?").collect(Collectors.joining(", ")) + ")";
		}

	}

	static final Table TOPIC_CATEGORY = new Table("topic_category", "name", Kind.TEXT);

	static final Table HANDLING_UNIT = new Table("handling_unit", "name", Kind.TEXT, "org_code", Kind.TEXT);

	static final Table DEPUTY = new Table("deputy", "name", Kind.TEXT, "delegation", Kind.TEXT);

	static final Table CONGRESS_SESSION = new Table("congress_session", "body_type", Kind.TEXT, "level", Kind.TEXT,
			"term", Kind.INTEGER, "session_number", Kind.INTEGER, "year", Kind.INTEGER, "name", Kind.TEXT);

	static final Table PROPOSAL = new Table("proposal", "id", Kind.INTEGER, "session_id", Kind.INTEGER, "number",
			Kind.INTEGER, "title", Kind.TEXT, "body", Kind.TEXT, "lead_deputy_id", Kind.INTEGER, "topic_category_id",
			Kind.INTEGER, "submitted_on", Kind.DATE, "key_proposal", Kind.BOOLEAN, "status", Kind.TEXT);

	static final Table PROPOSAL_COSIGNER = new Table("proposal_cosigner", "proposal_id", Kind.INTEGER, "deputy_id",
			Kind.INTEGER);

	static final Table ASSIGNMENT = new Table("assignment", "proposal_id", Kind.INTEGER, "unit_id", Kind.INTEGER,
			"role", Kind.TEXT, "assigned_on", Kind.DATE, "deadline", Kind.DATE);

	static final Table REPLY = new Table("reply", "id", Kind.INTEGER, "proposal_id", Kind.INTEGER, "unit_id",
			Kind.INTEGER, "status", Kind.TEXT, "index_number", Kind.TEXT, "written_on", Kind.DATE, "signed_on",
			Kind.DATE, "disclosure_mode", Kind.TEXT, "disclosure_reason", Kind.TEXT, "addressee", Kind.TEXT, "opening",
			Kind.TEXT, "closing", Kind.TEXT, "issuer", Kind.TEXT, "result_class", Kind.TEXT, "issued_at",
			Kind.TIMESTAMP);

	static final Table REPLY_SECTION = new Table("reply_section", "id", Kind.INTEGER, "reply_id", Kind.INTEGER,
			"ordinal", Kind.INTEGER, "kind", Kind.TEXT, "heading", Kind.TEXT, "body", Kind.TEXT);

	static final Table FIGURE = new Table("figure", "id", Kind.INTEGER, "reply_id", Kind.INTEGER, "section_id",
			Kind.INTEGER, "ordinal", Kind.INTEGER, "subject", Kind.TEXT, "value", Kind.DECIMAL, "unit", Kind.TEXT,
			"kind", Kind.TEXT, "comparator", Kind.TEXT, "period", Kind.TEXT, "deadline_year", Kind.INTEGER, "region",
			Kind.TEXT, "growth_rate", Kind.DECIMAL, "rank", Kind.TEXT, "source_sentence", Kind.TEXT);

	static final Table EVALUATION = new Table("evaluation", "reply_id", Kind.INTEGER, "deputy_id", Kind.INTEGER,
			"attitude", Kind.TEXT, "result", Kind.TEXT, "comment", Kind.TEXT);

	static final Table INDEX_NUMBER_COUNTER = new Table("index_number_counter", "org_code", Kind.TEXT, "year",
			Kind.INTEGER, "last_serial", Kind.INTEGER);

	/** Every table the generator writes. */
	static final List<Table> ALL = List.of(TOPIC_CATEGORY, HANDLING_UNIT, DEPUTY, CONGRESS_SESSION, PROPOSAL,
			PROPOSAL_COSIGNER, ASSIGNMENT, REPLY, REPLY_SECTION, FIGURE, EVALUATION, INDEX_NUMBER_COUNTER);

	private GeneratedTables() {
	}

	/**
	 * Fails, naming each table and column, unless the schema takes what the generator
	 * writes.
	 * @param connection a connection to the migrated database
	 * @throws IllegalStateException with every mismatch
	 */
	static void check(Connection connection) throws SQLException {
		List<String> problems = problems(connection, ALL);
		if (!problems.isEmpty()) {
			throw new IllegalStateException("The generator's tables no longer match the schema; update "
					+ "org.dafu.generate.GeneratedTables (src/tools/java) and the generator:\n  "
					+ String.join("\n  ", problems));
		}
	}

	/**
	 * What in the schema does not take the given tables' rows: a missing table or column,
	 * a column of another kind of type, a required column (not null, no default, not an
	 * identity or generated column) that is not written.
	 */
	static List<String> problems(Connection connection, List<Table> tables) throws SQLException {
		List<String> problems = new ArrayList<>();
		for (Table table : tables) {
			Map<String, SchemaColumn> schema = schemaColumns(connection, table.name());
			if (schema.isEmpty()) {
				problems.add(table.name() + ": no such table");
				continue;
			}
			Map<String, Column> written = new HashMap<>();
			for (Column column : table.columns()) {
				written.put(column.name(), column);
				SchemaColumn actual = schema.get(column.name());
				if (actual == null) {
					problems.add(table.name() + "." + column.name() + ": no such column");
				}
				else if (!column.kind().accepts(actual.type())) {
					problems.add(table.name() + "." + column.name() + ": is " + actual.type()
							+ ", the generator writes " + column.kind());
				}
			}
			for (SchemaColumn actual : schema.values()) {
				if (actual.required() && !written.containsKey(actual.name())) {
					problems.add(table.name() + "." + actual.name()
							+ ": required (not null, no default) but not written by the generator");
				}
			}
		}
		return problems;
	}

	private static Map<String, SchemaColumn> schemaColumns(Connection connection, String table) throws SQLException {
		Map<String, SchemaColumn> columns = new LinkedHashMap<>();
		try (PreparedStatement statement = connection.prepareStatement("""
				select column_name, data_type,
				       is_nullable = 'NO' and column_default is null and is_identity = 'NO' and is_generated = 'NEVER'
				from information_schema.columns
				where table_schema = current_schema() and table_name = ?
				order by ordinal_position""")) {
			statement.setString(1, table);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					columns.put(rs.getString(1), new SchemaColumn(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
				}
			}
		}
		return columns;
	}

	private record SchemaColumn(String name, String type, boolean required) {
	}

}
