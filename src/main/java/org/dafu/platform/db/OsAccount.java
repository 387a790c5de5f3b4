package org.dafu.platform.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;

import com.sun.security.auth.module.UnixSystem;

/**
 * Who runs the PostgreSQL processes. As root they run as {@code nobody:nogroup} through
 * {@code setpriv}; as anyone else they run as that user.
 */
final class OsAccount {

	static final String SERVER_USER = "nobody";

	static final String SERVER_GROUP = "nogroup";

	private final boolean root;

	private OsAccount(boolean root) {
		this.root = root;
	}

	static OsAccount current() {
		return new OsAccount(new UnixSystem().getUid() == 0);
	}

	boolean isRoot() {
		return this.root;
	}

	List<String> serverCommandPrefix() {
		if (!this.root) {
			return List.of();
		}
		return List.of("setpriv", "--reuid=" + SERVER_USER, "--regid=" + SERVER_GROUP, "--clear-groups", "--");
	}

	/** Hands a file or directory to the account the server runs as. */
	void giveToServer(Path path) throws IOException {
		if (!this.root) {
			return;
		}
		UserPrincipalLookupService lookup = path.getFileSystem().getUserPrincipalLookupService();
		PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
		view.setOwner(lookup.lookupPrincipalByName(SERVER_USER));
		GroupPrincipal group = lookup.lookupPrincipalByGroupName(SERVER_GROUP);
		view.setGroup(group);
	}

	/**
	 * Whether the unprivileged server account can reach {@code dir}: every parent must
	 * let others pass. A checkout under /root does not, for example.
	 */
	boolean serverCanReach(Path dir) throws IOException {
		if (!this.root) {
			return true;
		}
		Path current = dir.toAbsolutePath().normalize().getParent();
		while (current != null) {
			if (Files.exists(current)
					&& !Files.getPosixFilePermissions(current).contains(PosixFilePermission.OTHERS_EXECUTE)) {
				return false;
			}
			current = current.getParent();
		}
		return true;
	}

}
