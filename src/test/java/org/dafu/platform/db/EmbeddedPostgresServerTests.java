package org.dafu.platform.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded server is a real PostgreSQL 17: it starts (also as root, under an
 * unprivileged account), keeps its data across a stop and a start, and stops cleanly.
 */
class EmbeddedPostgresServerTests {

	@TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ALWAYS)
	Path dir;

	@Test
	void dataSurvivesARestartOnTheSameDirectory() throws Exception {
		Path home = OsAccount.current().isRoot() ? Files.createTempDirectory(Path.of("/var/tmp"), "dafu-pg-test")
				: this.dir;
		// As root, the server account must be able to enter the directory.
		Files.setPosixFilePermissions(home, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
		EmbeddedPostgresServer server = new EmbeddedPostgresServer(home, false);
		server.start();
		try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
				Statement st = c.createStatement()) {
			st.execute("create table kept (v text)");
			st.execute("insert into kept values ('答复')");
			ResultSet version = st.executeQuery("show server_version");
			version.next();
			assertThat(version.getString(1)).startsWith("17.");
		}
		server.stop();
		assertThat(server.isRunning()).isFalse();

		EmbeddedPostgresServer again = new EmbeddedPostgresServer(home, false);
		again.start();
		try (Connection c = DriverManager.getConnection(again.jdbcUrl(), again.username(), again.password());
				Statement st = c.createStatement();
				ResultSet rs = st.executeQuery("select v from kept")) {
			rs.next();
			assertThat(rs.getString(1)).isEqualTo("答复");
		}
		finally {
			again.stop();
			if (!home.equals(this.dir)) {
				org.springframework.util.FileSystemUtils.deleteRecursively(home);
			}
		}
	}

}
