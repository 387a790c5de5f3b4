package org.dafu.platform.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sessions in PostgreSQL (Spring Session JDBC, docs/operations.md) written with
 * PostgreSQL's upsert. Spring Session's portable SQL inserts a new session attribute with
 * a plain {@code insert}: two requests of one session that add the same attribute at once
 * (two tabs posting a form, each leaving a flash message; a double click) both insert it,
 * and the second fails on {@code spring_session_attributes_pk}, after its work was done,
 * as a 500. Spring Session's PostgreSQL customizer makes that insert
 * {@code on conflict (session_primary_id, attribute_name) do update}: the last writer
 * wins, as it does for an attribute that already existed.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> postgresSessionUpserts() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

}
