package org.dafu.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migrations only move forward: a committed migration is never edited or removed. The
 * manifest {@code db/migration.sha256} lists every migration with its hash; a new
 * migration is appended to it, an edited one fails here (and Flyway's validation would
 * refuse it on any database that already applied it).
 *
 * <p>
 * A migration takes the next whole version, {@code V{n}__verb_object.sql}. The one
 * exception is a fix that must run before a migration that databases may not have reached
 * yet: a point version below it, {@code V{n}_{m}__verb_object.sql}, which databases
 * already past it apply out of order (platform/db/OutOfOrderFixes). It runs on a schema
 * before or after the migrations above it, so it is written to be idempotent
 * ({@code if not exists}, {@code create or replace}) and to depend on none of them, and
 * it is listed in {@link #FIXES} once that has been checked
 * ({@code platform/db/UpgradeTests} applies every point version both ways).
 */
class MigrationsTests {

	private static final Path DIR = Path.of("db/migration");

	private static final Path MANIFEST = Path.of("db/migration.sha256");

	/** Point versions, each with what it must run before. */
	static final Map<String, String> FIXES = Map.of("V93_1",
			"the change log's dedupe in one index lookup, before V94 updates every assignment");

	@Test
	void committedMigrationsAreUnchangedAndEveryMigrationIsListed() throws Exception {
		Map<String, String> listed = new LinkedHashMap<>();
		for (String line : Files.readAllLines(MANIFEST)) {
			if (!line.isBlank() && !line.startsWith("#")) {
				String[] parts = line.trim().split("\\s+");
				listed.put(parts[1], parts[0]);
			}
		}
		List<String> problems = new ArrayList<>();
		Set<String> versions = new HashSet<>();
		for (Path file : migrations()) {
			String name = file.getFileName().toString();
			if (!name.matches("V[0-9]+(_[0-9]+)?__[a-z0-9_]+\\.sql")) {
				problems.add(name + ": not named V{n}__verb_object.sql (V{n}_{m}__verb_object.sql for a fix)");
				continue;
			}
			String version = name.substring(0, name.indexOf("__"));
			if (!versions.add(version)) {
				problems.add(name + ": version used twice");
			}
			if (version.contains("_") && !FIXES.containsKey(version)) {
				problems.add(name + ": a point version is applied out of order on databases past it; "
						+ "take the next whole version, or list it in FIXES once it is idempotent");
			}
			String hash = sha256(file);
			if (!listed.containsKey(name)) {
				problems.add(name + ": not in " + MANIFEST + " (append: " + hash + "  " + name + ")");
			}
			else if (!listed.get(name).equals(hash)) {
				problems.add(name + ": edited after it was committed; add a new migration instead");
			}
		}
		for (String name : listed.keySet()) {
			if (!Files.exists(DIR.resolve(name))) {
				problems.add(name + ": removed; migrations only move forward");
			}
		}
		for (String version : FIXES.keySet()) {
			if (!versions.contains(version)) {
				problems.add(version + ": listed in FIXES, no such migration");
			}
		}
		assertThat(problems).isEmpty();
	}

	private static List<Path> migrations() throws IOException {
		try (Stream<Path> files = Files.list(DIR)) {
			return files.filter((p) -> p.toString().endsWith(".sql")).sorted().toList();
		}
	}

	private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
	}

}
