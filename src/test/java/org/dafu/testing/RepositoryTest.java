package org.dafu.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.dafu.congress.CongressService;
import org.dafu.unit.UnitService;

import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;

/**
 * A repository test ({@code @DataJpaTest}): JPA, the repositories and Flyway against the
 * real database, the test JVM's embedded PostgreSQL (platform/db starts it, as for every
 * other test; never an in-memory stand-in), nothing of the web or the services. Each test
 * runs in a transaction that is rolled back; the database is shared with the other tests
 * of the JVM, so make your own rows and never count a whole table.
 *
 * <p>
 * The rows a feature's tables point to (sessions, deputies, units) are made through their
 * owners' services, {@link CongressService} and {@link UnitService}, which need nothing
 * but their repositories ({@link Owners}). The search index is off: Hibernate Search is
 * configured by the search feature, which a slice does not load.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@DataJpaTest(properties = "spring.jpa.properties.hibernate.search.enabled=false")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({ CongressService.class, UnitService.class, Owners.class })
public @interface RepositoryTest {

}
