package org.dafu.platform;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged application starts as the README says, on its embedded PostgreSQL with the
 * demo data, and serves the sample letter. It runs the jar that {@code package} built,
 * with the jar's own class path: the tests' class path can hide a library the application
 * needs at run time (a dependency declared with scope {@code test} takes a transitive
 * runtime one off the jar). The jar holds the application only: the tools
 * (src/tools/java, the data generator) are compiled beside it and run from the build,
 * never packaged.
 */
class PackagedApplicationIT {

	static final Duration START = Duration.ofMinutes(4);

	@Test
	void thePackagedJarStartsWithDemoDataAndServesTheSampleLetter() throws Exception {
		Path jar = packagedJar();
		// a directory the application makes itself (as root, for the unprivileged account
		// its database server runs under)
		Path data = Path.of("/var/tmp", "dafu-it-" + UUID.randomUUID());
		Path log = Files.createTempFile("dafu-it-", ".log");
		int port = freePort();
		Process app = new ProcessBuilder(javaCommand(), "-Xmx512m", "-jar", jar.toString(), "--server.port=" + port,
				"--dafu.embedded-db.dir=" + data, "--spring.main.banner-mode=off")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		try {
			HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
			URI letter = URI.create("http://127.0.0.1:" + port + "/replies/index/11330800002618015K/2022-137066");
			HttpResponse<String> response = awaitAnswer(http, letter, app, log);
			assertThat(response.statusCode()).as("the sample letter").isEqualTo(200);
			assertThat(response.body()).contains("2062.44");
		}
		finally {
			app.destroy();
			if (!app.waitFor(60, TimeUnit.SECONDS)) {
				app.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			}
			delete(data);
			Files.deleteIfExists(log);
		}
	}

	@Test
	void thePackagedJarHoldsTheApplicationWithoutTheTools() throws IOException {
		try (JarFile jar = new JarFile(packagedJar().toFile())) {
			List<String> entries = jar.stream().map(JarEntry::getName).toList();
			assertThat(entries).contains("BOOT-INF/classes/org/dafu/DafuApplication.class");
			assertThat(entries).as("the data generator's classes (src/tools/java)")
				.noneMatch((entry) -> entry.startsWith("BOOT-INF/classes/org/dafu/generate/"));
		}
	}

	/**
	 * The first answer of the started application that is not a 404 of a database still
	 * empty; fails with its log if the application stopped or never answered.
	 */
	private static HttpResponse<String> awaitAnswer(HttpClient http, URI uri, Process app, Path log) throws Exception {
		Instant deadline = Instant.now().plus(START);
		while (Instant.now().isBefore(deadline)) {
			if (!app.isAlive()) {
				throw new AssertionError("the application stopped (exit " + app.exitValue() + "):\n" + tail(log));
			}
			try {
				HttpResponse<String> response = http.send(
						HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
						HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
				// the demo data is loaded once the server listens: until then the letter
				// is
				// not found
				if (response.statusCode() != 404) {
					return response;
				}
			}
			catch (IOException notListeningYet) {
				// wait for the process below
			}
			// polls while the process lives, not for a fixed time
			app.waitFor(1, TimeUnit.SECONDS);
		}
		throw new AssertionError("no answer within " + START + ":\n" + tail(log));
	}

	private static Path packagedJar() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			List<Path> jars = files.filter((p) -> p.getFileName().toString().matches("dafu-.*\\.jar")).toList();
			assertThat(jars).as("the jar built by package").hasSize(1);
			return jars.get(0).toAbsolutePath();
		}
	}

	private static String javaCommand() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static String tail(Path log) throws IOException {
		List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
	}

	private static void delete(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

}
