package org.dafu.access;

import java.io.Serializable;

/**
 * Who is looking: the role and the one deputy or unit an account is tied to. Everything
 * the access policy decides depends on this record only.
 */
public record Viewer(Role role, String username, Long deputyId, Long unitId) implements Serializable {

	private static final Viewer ANONYMOUS = new Viewer(Role.PUBLIC, null, null, null);

	public Viewer {
		if (role == null) {
			throw new IllegalArgumentException("role");
		}
		if (role == Role.DEPUTY && deputyId == null) {
			throw new IllegalArgumentException("a deputy viewer is linked to a deputy");
		}
		if (role == Role.OFFICIAL && unitId == null) {
			throw new IllegalArgumentException("an official viewer belongs to a unit");
		}
	}

	public static Viewer anonymous() {
		return ANONYMOUS;
	}

	public static Viewer coordinator(String username) {
		return new Viewer(Role.COORDINATOR, username, null, null);
	}

	public static Viewer official(String username, long unitId) {
		return new Viewer(Role.OFFICIAL, username, null, unitId);
	}

	public static Viewer deputy(String username, long deputyId) {
		return new Viewer(Role.DEPUTY, username, deputyId, null);
	}

	public boolean isAnonymous() {
		return this.role == Role.PUBLIC;
	}

	public boolean isCoordinator() {
		return this.role == Role.COORDINATOR;
	}

	public boolean isOfficial() {
		return this.role == Role.OFFICIAL;
	}

	public boolean isDeputy() {
		return this.role == Role.DEPUTY;
	}

	public boolean isStaff() {
		return this.role == Role.COORDINATOR || this.role == Role.OFFICIAL;
	}

}
