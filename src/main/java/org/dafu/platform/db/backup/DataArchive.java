package org.dafu.platform.db.backup;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A portable archive of all data, for embedded mode too (its binaries have no
 * {@code pg_dump}): a zip holding {@code manifest.properties} (format, schema version,
 * tables in the order their foreign keys allow, row counts) and one CSV per table written
 * by PostgreSQL's own {@code COPY}. Restoring goes into an empty database whose schema
 * Flyway has brought to the same version, in one transaction: all of it or nothing.
 * Spring Session's tables are left out (sessions do not survive a restore), and so are
 * Hibernate Search's outbox and agent tables (coordination of a running cluster; the
 * search index is rebuilt after a restore).
 */
public class DataArchive {

	static final String FORMAT = "dafu-archive-1";

	static final String MANIFEST = "manifest.properties";

	/** Rows here mean the database is in use: a restore refuses to touch it. */
	private static final List<String> CONTENT_TABLES = List.of("reply", "proposal", "account", "congress_session",
			"deputy", "handling_unit");

	private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

	private final DataSource dataSource;

	public DataArchive(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Writes every table's rows; a consistent snapshot (one repeatable-read transaction).
	 */
	public Manifest export(OutputStream out) {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			connection.setReadOnly(true);
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			List<String> tables = tablesInLoadOrder(connection);
			Map<String, Long> rows = new LinkedHashMap<>();
			for (String table : tables) {
				rows.put(table, count(connection, table));
			}
			// The manifest comes first, so that a restore can check it before reading
			// rows.
			Manifest manifest = new Manifest(FORMAT, schemaVersion(connection), Instant.now(), tables, rows);
			ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
			zip.putNextEntry(new ZipEntry(MANIFEST));
			manifest.write(new NonClosing(zip));
			zip.closeEntry();
			for (String table : tables) {
				zip.putNextEntry(new ZipEntry("data/" + table + ".csv"));
				String columns = String.join(", ", columns(connection, table));
				copy.copyOut(
						"copy (select " + columns + " from " + table + ") to stdout with (format csv, header true)",
						new NonClosing(zip));
				zip.closeEntry();
			}
			zip.finish();
			connection.commit();
			return manifest;
		}
		catch (SQLException ex) {
			throw new ArchiveException("export failed: " + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Restores an archive into this (empty) database. Refuses, changing nothing, when a
	 * table already holds rows, when the schema versions differ, or when the archive is
	 * not one of ours.
	 */
	public Manifest restore(InputStream in) {
		try (ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8);
				Connection connection = this.dataSource.getConnection()) {
			ZipEntry first = zip.getNextEntry();
			if (first == null || !MANIFEST.equals(first.getName())) {
				throw new ArchiveException("not a Dafu archive: it does not start with " + MANIFEST);
			}
			Manifest manifest = Manifest.read(new ByteArrayInputStream(zip.readAllBytes()));
			connection.setAutoCommit(false);
			try {
				String version = schemaVersion(connection);
				if (!version.equals(manifest.schemaVersion())) {
					throw new ArchiveException("the archive was written after migration V" + manifest.latestMigration()
							+ " with other migrations than this database has (latest V"
							+ new Manifest(FORMAT, version, Instant.now(), List.of(), Map.of()).latestMigration()
							+ "): restore with the same release");
				}
				List<String> here = tablesInLoadOrder(connection);
				for (String table : CONTENT_TABLES) {
					if (here.contains(table) && count(connection, table) > 0) {
						throw new ArchiveException("the database is not empty: table " + table + " holds rows");
					}
				}
				// rows that migrations seeded give way to the archive's
				try (Statement statement = connection.createStatement()) {
					statement.execute("truncate " + String.join(", ", here) + " restart identity cascade");
				}
				CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
				for (String table : manifest.tables()) {
					if (!IDENTIFIER.matcher(table).matches() || !here.contains(table)) {
						throw new ArchiveException("the archive names an unknown table: " + table);
					}
					ZipEntry entry = zip.getNextEntry();
					if (entry == null || !entry.getName().equals("data/" + table + ".csv")) {
						throw new ArchiveException("the archive lacks the rows of " + table + " in their place");
					}
					String header = firstLine(zip);
					List<String> columns = columns(connection, table);
					for (String column : header.split(",")) {
						if (!columns.contains(column.strip())) {
							throw new ArchiveException("the archive names an unknown column: " + table + "." + column);
						}
					}
					long loaded = header.isEmpty() ? 0
							: copy.copyIn("copy " + table + " (" + header + ") from stdin with (format csv)", zip);
					Long expected = manifest.rows().get(table);
					if (expected == null || loaded != expected) {
						throw new ArchiveException("table " + table + ": the manifest says " + expected
								+ " rows, the archive holds " + loaded);
					}
				}
				resetIdentities(connection);
				connection.commit();
				return manifest;
			}
			catch (SQLException | IOException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
		}
		catch (SQLException ex) {
			throw new ArchiveException("restore failed, nothing was changed: " + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new ArchiveException("not a readable archive, nothing was changed: " + ex.getMessage(), ex);
		}
	}

	/** The CSV header: column names as COPY wrote them (plain identifiers). */
	private static String firstLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) != -1 && b != '\n') {
			if (line.size() > 10_000) {
				throw new ArchiveException("an archive's CSV header is too long");
			}
			line.write(b);
		}
		String header = line.toString(StandardCharsets.UTF_8).strip();
		for (String column : header.split(",")) {
			if (!header.isEmpty() && !IDENTIFIER.matcher(column).matches()) {
				throw new ArchiveException("the archive names a malformed column: " + column);
			}
		}
		return header;
	}

	/**
	 * The application's tables, parents before children. Tables whose comment starts with
	 * "Derived:" are left out: triggers keep them from the rows they count, so restoring
	 * those rows rebuilds them (the statistics' and figures' counts, V81 and V82).
	 */
	static List<String> tablesInLoadOrder(Connection connection) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("""
				select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
				where n.nspname = current_schema() and c.relkind in ('r', 'p')
				  and c.relname <> 'flyway_schema_history' and c.relname not like 'spring_session%'
				  and coalesce(obj_description(c.oid, 'pg_class'), '') not like 'Derived:%'
				  and c.relname not like 'hsearch\\_%'
				order by c.relname""")) {
			while (rs.next()) {
				tables.add(rs.getString(1));
			}
		}
		Map<String, Set<String>> parents = new HashMap<>();
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("""
				select child.relname, parent.relname from pg_constraint k
				join pg_class child on child.oid = k.conrelid
				join pg_class parent on parent.oid = k.confrelid
				join pg_namespace n on n.oid = child.relnamespace
				where k.contype = 'f' and n.nspname = current_schema() and child.oid <> parent.oid""")) {
			while (rs.next()) {
				parents.computeIfAbsent(rs.getString(1), (k) -> new LinkedHashSet<>()).add(rs.getString(2));
			}
		}
		List<String> ordered = new ArrayList<>();
		Set<String> placed = new LinkedHashSet<>();
		while (ordered.size() < tables.size()) {
			boolean progress = false;
			for (String table : tables) {
				if (!placed.contains(table) && parents.getOrDefault(table, Set.of())
					.stream()
					.allMatch((p) -> placed.contains(p) || !tables.contains(p))) {
					ordered.add(table);
					placed.add(table);
					progress = true;
				}
			}
			if (!progress) {
				throw new ArchiveException("foreign keys form a cycle among " + tables);
			}
		}
		return ordered;
	}

	/** Stored columns (generated ones are computed again on restore). */
	private static List<String> columns(Connection connection, String table) throws SQLException {
		List<String> columns = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement("""
				select column_name from information_schema.columns
				where table_schema = current_schema() and table_name = ? and is_generated = 'NEVER'
				order by ordinal_position""")) {
			statement.setString(1, table);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					columns.add(rs.getString(1));
				}
			}
		}
		return columns;
	}

	private static long count(Connection connection, String table) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select count(*) from " + table)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/**
	 * Every applied migration with its checksum, by version: equal only when both
	 * databases went through the same migrations (a latest version alone would miss one
	 * applied out of order).
	 */
	static String schemaVersion(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("""
				select coalesce(string_agg(version || ':' || coalesce(checksum::text, ''), ','
				                           order by string_to_array(version, '.')::int[]), 'none')
				from flyway_schema_history where success and version is not null""")) {
			rs.next();
			return rs.getString(1);
		}
	}

	/** Identity columns continue after the restored ids. */
	private static void resetIdentities(Connection connection) throws SQLException {
		List<String[]> identities = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(
						"""
								select table_name, column_name from information_schema.columns
								where table_schema = current_schema() and (is_identity = 'YES' or column_default like 'nextval(%')""")) {
			while (rs.next()) {
				identities.add(new String[] { rs.getString(1), rs.getString(2) });
			}
		}
		for (String[] identity : identities) {
			try (PreparedStatement statement = connection
				.prepareStatement("select setval(pg_get_serial_sequence(?, ?), coalesce((select max(" + identity[1]
						+ ") from " + identity[0] + "), 0) + 1, false)")) {
				statement.setString(1, identity[0]);
				statement.setString(2, identity[1]);
				statement.execute();
			}
		}
	}

	/** What an archive holds. */
	public record Manifest(String format, String schemaVersion, Instant createdAt, List<String> tables,
			Map<String, Long> rows) {

		void write(OutputStream out) throws IOException {
			Properties properties = new Properties();
			properties.setProperty("format", this.format);
			properties.setProperty("schema.version", this.schemaVersion);
			properties.setProperty("created.at", this.createdAt.toString());
			properties.setProperty("tables", String.join(",", this.tables));
			this.rows.forEach((table, count) -> properties.setProperty("rows." + table, String.valueOf(count)));
			properties.store(out, "Dafu data archive");
		}

		static Manifest read(InputStream in) {
			Properties properties = new Properties();
			try {
				properties.load(in);
			}
			catch (IOException | IllegalArgumentException ex) {
				throw new ArchiveException("unreadable manifest: " + ex.getMessage(), ex);
			}
			if (!FORMAT.equals(properties.getProperty("format"))) {
				throw new ArchiveException("not a Dafu archive of format " + FORMAT);
			}
			List<String> tables = List.of(properties.getProperty("tables", "").split(","))
				.stream()
				.filter((t) -> !t.isBlank())
				.toList();
			Map<String, Long> rows = new LinkedHashMap<>();
			for (String table : tables) {
				try {
					rows.put(table, Long.valueOf(properties.getProperty("rows." + table, "-1")));
				}
				catch (NumberFormatException ex) {
					throw new ArchiveException("unreadable row count of " + table, ex);
				}
			}
			return new Manifest(FORMAT, properties.getProperty("schema.version", "none"),
					Instant.parse(properties.getProperty("created.at", Instant.EPOCH.toString())), tables, rows);
		}

		/** The latest migration, for people. */
		public String latestMigration() {
			String[] all = this.schemaVersion.split(",");
			return all[all.length - 1].split(":")[0];
		}

		public long totalRows() {
			return this.rows.values().stream().mapToLong(Long::longValue).sum();
		}

	}

	/** Why an archive could not be written or restored. */
	public static class ArchiveException extends RuntimeException {

		ArchiveException(String message) {
			super(message);
		}

		ArchiveException(String message, Throwable cause) {
			super(message, cause);
		}

	}

	/** COPY closes nothing, but keep the zip open whatever a stream user does. */
	private static final class NonClosing extends OutputStream {

		private final OutputStream out;

		NonClosing(OutputStream out) {
			this.out = out;
		}

		@Override
		public void write(int b) throws IOException {
			this.out.write(b);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			this.out.write(b, off, len);
		}

		@Override
		public void close() throws IOException {
			this.out.flush();
		}

	}

}
