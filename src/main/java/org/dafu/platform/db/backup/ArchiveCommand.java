package org.dafu.platform.db.backup;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import javax.sql.DataSource;

import org.dafu.platform.db.backup.DataArchive.Manifest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Backup and restore from the command line, in embedded mode as against an external
 * PostgreSQL (docs/operations.md):
 *
 * <pre>
 * ./mvnw spring-boot:run -Dspring-boot.run.arguments="--dafu.export=/backups/dafu.zip --spring.main.web-application-type=none"
 * ./mvnw spring-boot:run -Dspring-boot.run.arguments="--dafu.restore=/backups/dafu.zip --spring.main.web-application-type=none"
 * </pre>
 *
 * Runs before any other start-up work (demo data, first account), then ends the process
 * with 0 on success and 1 on failure.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ArchiveCommand implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ArchiveCommand.class);

	private final DataSource dataSource;

	private final Environment environment;

	private final ConfigurableApplicationContext context;

	ArchiveCommand(DataSource dataSource, Environment environment, ConfigurableApplicationContext context) {
		this.dataSource = dataSource;
		this.environment = environment;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		String export = this.environment.getProperty("dafu.export");
		String restore = this.environment.getProperty("dafu.restore");
		if (export == null && restore == null) {
			return;
		}
		int code = (export != null) ? export(Path.of(export)) : restore(Path.of(restore));
		System.exit(SpringApplication.exit(this.context, () -> code));
	}

	int export(Path file) {
		Path partial = file.resolveSibling(file.getFileName() + ".part");
		try (OutputStream out = new BufferedOutputStream(
				Files.newOutputStream(partial, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING))) {
			Manifest manifest = new DataArchive(this.dataSource).export(out);
			out.close();
			Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			log.info("Exported {} rows of {} tables (after migration V{}) to {}", manifest.totalRows(),
					manifest.tables().size(), manifest.latestMigration(), file.toAbsolutePath());
			return 0;
		}
		catch (IOException | RuntimeException ex) {
			log.error("Export failed: {}", ex.getMessage());
			return 1;
		}
	}

	int restore(Path file) {
		try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
			Manifest manifest = new DataArchive(this.dataSource).restore(in);
			log.info("Restored {} rows of {} tables (after migration V{}, exported {}) from {}", manifest.totalRows(),
					manifest.tables().size(), manifest.latestMigration(), manifest.createdAt(), file.toAbsolutePath());
			return 0;
		}
		catch (IOException | RuntimeException ex) {
			log.error("Restore failed, nothing was changed: {}", ex.getMessage());
			return 1;
		}
	}

}
