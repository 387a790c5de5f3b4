package org.dafu.platform.web;

import java.sql.SQLException;

import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.orm.jpa.JpaSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures name an unreachable database (503) and which do not. */
class DatabaseUnavailableTests {

	@Test
	void noConnectionOrABrokenOneIsUnavailable() {
		assertThat(DatabaseUnavailable.causedBy(new CannotGetJdbcConnectionException("no connection"))).isTrue();
		// A connection that broke under a statement, wrapped by JPA and the servlet.
		SQLException broken = new SQLException("An I/O error occurred while sending to the backend.", "08006");
		assertThat(DatabaseUnavailable.causedBy(new ServletException("Request processing failed",
				new JpaSystemException(new RuntimeException("Unable to rollback", broken)))))
			.isTrue();
	}

	@Test
	void otherFailuresAreNot() {
		assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("bug"))).isFalse();
		assertThat(DatabaseUnavailable
			.causedBy(new DataIntegrityViolationException("duplicate", new SQLException("duplicate key", "23505"))))
			.isFalse();
		assertThat(DatabaseUnavailable.causedBy(new SQLException("no state"))).isFalse();
	}

}
