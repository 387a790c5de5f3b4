package org.dafu.platform.db.backup;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.dafu.platform.db.backup.DataArchive.ArchiveException;
import org.dafu.platform.db.backup.DataArchive.Manifest;
import org.dafu.reply.DisclosureMode;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Backup and restore: everything exported from the test database is restored into a new,
 * empty database migrated by Flyway, table by table with the same counts and the same
 * content; a second restore, a tampered or foreign archive all change nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class DataArchiveTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	TestData data;

	JdbcTemplate source;

	String database;

	SimpleDriverDataSource target;

	@BeforeEach
	void emptyDatabase() {
		this.source = new JdbcTemplate(this.dataSource);
		this.database = "restore_" + TestData.unique();
		this.source.execute("create database " + this.database);
		String url = ((HikariDataSource) this.dataSource).getJdbcUrl();
		String targetUrl = url.replaceFirst("/[^/?]+(\\?|$)", "/" + this.database + "$1");
		HikariDataSource hikari = (HikariDataSource) this.dataSource;
		this.target = new SimpleDriverDataSource(new org.postgresql.Driver(), targetUrl, hikari.getUsername(),
				hikari.getPassword());
		Flyway.configure().dataSource(this.target).locations("filesystem:db/migration").load().migrate();
	}

	@AfterEach
	void dropDatabase() {
		this.source.execute("drop database if exists " + this.database + " with (force)");
	}

	@Test
	void aRestoredDatabaseHoldsTheSameRowsAndContinuesItsIds() {
		Scenario s = this.data.scenario();
		this.data.issued(s, DisclosureMode.NOT_PUBLIC, "备份标记" + s.n());
		this.data.draft(s, "备份草稿" + s.n());

		ByteArrayOutputStream archive = new ByteArrayOutputStream();
		Manifest exported = new DataArchive(this.dataSource).export(archive);
		Map<String, String> before = fingerprints(this.source, exported.tables());

		Manifest restored = new DataArchive(this.target).restore(new ByteArrayInputStream(archive.toByteArray()));

		assertThat(restored.rows()).isEqualTo(exported.rows());
		assertThat(exported.rows().get("reply")).isPositive();
		assertThat(exported.tables()).contains("reply", "reply_section", "figure", "proposal", "account");
		assertThat(exported.tables()).doesNotContain("flyway_schema_history");
		JdbcTemplate restoredJdbc = new JdbcTemplate(this.target);
		assertThat(fingerprints(restoredJdbc, exported.tables())).isEqualTo(before);
		assertThat(restoredJdbc.queryForObject("select count(*) from reply where opening like ?", Integer.class,
				"%备份标记" + s.n() + "%"))
			.isEqualTo(1);

		long maxUnit = restoredJdbc.queryForObject("select max(id) from handling_unit", Long.class);
		long next = restoredJdbc.queryForObject(
				"insert into handling_unit (name, org_code) values ('恢复后新单位', 'R" + s.n() + "') returning id",
				Long.class);
		assertThat(next).isGreaterThan(maxUnit);
	}

	@Test
	void aDatabaseInUseAForeignOrATamperedArchiveChangeNothing() throws IOException {
		this.data.scenario();
		ByteArrayOutputStream archive = new ByteArrayOutputStream();
		Manifest exported = new DataArchive(this.dataSource).export(archive);
		byte[] bytes = archive.toByteArray();

		// tampered: one row of handling_unit removed, the manifest still counts it
		byte[] tampered = rewrite(bytes, "data/handling_unit.csv",
				(csv) -> csv.substring(0, csv.lastIndexOf('\n', csv.length() - 2) + 1));
		assertThatThrownBy(() -> new DataArchive(this.target).restore(new ByteArrayInputStream(tampered)))
			.isInstanceOf(ArchiveException.class)
			.hasMessageContaining("handling_unit");
		assertEmpty();

		assertThatThrownBy(() -> new DataArchive(this.target)
			.restore(new ByteArrayInputStream("not a zip at all".getBytes(StandardCharsets.UTF_8))))
			.isInstanceOf(ArchiveException.class);
		byte[] tricky = rewrite(bytes, "data/deputy.csv",
				(csv) -> csv.replaceFirst("^[^\\n]*", "id, name; drop table reply"));
		assertThatThrownBy(() -> new DataArchive(this.target).restore(new ByteArrayInputStream(tricky)))
			.isInstanceOf(ArchiveException.class);
		assertEmpty();

		new DataArchive(this.target).restore(new ByteArrayInputStream(bytes));
		assertThatThrownBy(() -> new DataArchive(this.target).restore(new ByteArrayInputStream(bytes)))
			.isInstanceOf(ArchiveException.class)
			.hasMessageContaining("not empty");
		assertThat(new JdbcTemplate(this.target).queryForObject("select count(*) from reply", Long.class))
			.isEqualTo(exported.rows().get("reply"));
	}

	private void assertEmpty() {
		JdbcTemplate jdbc = new JdbcTemplate(this.target);
		for (String table : List.of("reply", "proposal", "handling_unit", "deputy", "congress_session")) {
			assertThat(jdbc.queryForObject("select count(*) from " + table, Integer.class)).as(table).isZero();
		}
	}

	/** Every table's count and an ordered digest of its rows. */
	private static Map<String, String> fingerprints(JdbcTemplate jdbc, List<String> tables) {
		Map<String, String> prints = new LinkedHashMap<>();
		for (String table : tables) {
			if (table.equals("public_change")) {
				// the restore is itself a public change: the log gains rows
				continue;
			}
			prints.put(table, jdbc.queryForObject(
					"select count(*) || ':' || md5(coalesce(string_agg(t::text, '|' order by t::text), '')) from "
							+ table + " t",
					String.class));
		}
		return prints;
	}

	private static byte[] rewrite(byte[] zip, String name, java.util.function.UnaryOperator<String> change)
			throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
				ZipOutputStream copy = new ZipOutputStream(out)) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				byte[] content = in.readAllBytes();
				if (entry.getName().equals(name)) {
					content = change.apply(new String(content, StandardCharsets.UTF_8))
						.getBytes(StandardCharsets.UTF_8);
				}
				copy.putNextEntry(new ZipEntry(entry.getName()));
				copy.write(content);
				copy.closeEntry();
			}
		}
		return out.toByteArray();
	}

}
