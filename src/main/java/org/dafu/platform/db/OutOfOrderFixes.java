package org.dafu.platform.db;

import java.util.Arrays;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * Migrations only move forward, with one kind of exception: a fix that must run before a
 * migration a database has not reached yet gets a point version below it
 * ({@code V93_1__…}: version 93.1 runs before V94), and a database already past it
 * applies it later, out of order. Only such point versions are applied out of order, and
 * only when every migration the database lacks below its version is one: a missing whole
 * version (a migration that was added below the latest instead of above it) still stops
 * the start, as Flyway's validation does without this class. {@code MigrationsTests}
 * lists the point versions, each checked to run on a schema before or after the
 * migrations above it ({@code UpgradeTests}).
 */
@Component
class OutOfOrderFixes implements FlywayMigrationStrategy {

	private static final Logger log = LoggerFactory.getLogger(OutOfOrderFixes.class);

	@Override
	public void migrate(Flyway flyway) {
		List<MigrationInfo> late = Arrays.stream(flyway.info().all())
			.filter((info) -> info.getState() == MigrationState.IGNORED)
			.toList();
		if (late.isEmpty() || !late.stream().allMatch(OutOfOrderFixes::isFix)) {
			flyway.migrate();
			return;
		}
		log.info("Applying {} out of order: fixes for databases already past them",
				late.stream().map((info) -> info.getVersion() + " - " + info.getDescription()).toList());
		Flyway.configure(flyway.getConfiguration().getClassLoader())
			.configuration(flyway.getConfiguration())
			.outOfOrder(true)
			.load()
			.migrate();
	}

	/**
	 * A point version ({@code V93_1__…}): whole versions are never applied out of order.
	 */
	static boolean isFix(MigrationInfo info) {
		return info.getVersion() != null && info.getVersion().getVersion().contains(".");
	}

}
