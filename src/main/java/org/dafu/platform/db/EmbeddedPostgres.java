package org.dafu.platform.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;

/**
 * One embedded server per data directory per JVM, shared by every application context in
 * it (a test JVM runs many contexts against one server).
 */
public final class EmbeddedPostgres {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);

	private static final Map<Path, EmbeddedPostgresServer> servers = new HashMap<>();

	private static EmbeddedPostgresServer ephemeral;

	private EmbeddedPostgres() {
	}

	/** The server keeping its data in {@code dir} between runs. */
	public static synchronized EmbeddedPostgresServer persistent(Path dir) {
		Path key = reachableDirectory(dir);
		return servers.computeIfAbsent(key, (path) -> started(new EmbeddedPostgresServer(path, false)));
	}

	/** A throw-away server for this JVM (tests): a fresh cluster, deleted at exit. */
	public static synchronized EmbeddedPostgresServer ephemeral() {
		if (ephemeral == null) {
			try {
				Path dir = Files.createTempDirectory("dafu-pg-test-");
				Files.setPosixFilePermissions(dir,
						java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
				ephemeral = started(new EmbeddedPostgresServer(dir, true));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return ephemeral;
	}

	private static EmbeddedPostgresServer started(EmbeddedPostgresServer server) {
		server.start();
		Runnable stop = () -> {
			server.stop();
			if (server.isEphemeral()) {
				deleteQuietly(server.baseDir());
			}
		};
		// Boot runs its shutdown handlers after the contexts have closed their pools;
		// tests do not register Boot's hook, so a plain JVM hook stops the server there.
		SpringApplication.getShutdownHandlers().add(stop);
		Runtime.getRuntime().addShutdownHook(new Thread(stop, "embedded-postgres-stop"));
		return server;
	}

	/**
	 * As root the server runs as nobody, who must be able to reach the data directory. A
	 * checkout inside a private home (/root/...) is out of its reach: keep the data under
	 * /var/tmp instead, and say so.
	 */
	private static Path reachableDirectory(Path dir) {
		Path absolute = dir.toAbsolutePath().normalize();
		try {
			if (OsAccount.current().serverCanReach(absolute)) {
				return absolute;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Path fallback = Path.of("/var/tmp", "dafu-data-" + Integer.toHexString(absolute.toString().hashCode()));
		log.warn("{} is not reachable by the unprivileged account the database runs as; keeping its data in {}",
				absolute, fallback);
		return fallback;
	}

	private static void deleteQuietly(Path dir) {
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException | UncheckedIOException ex) {
			log.debug("Could not delete {}: {}", dir, ex.getMessage());
		}
	}

}
