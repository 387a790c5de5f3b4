package org.dafu.access;

import java.io.Serializable;

/**
 * Who is looking: the role and the one deputy or unit an account is tied to, and, for an
 * official, whether they sign (签发人) or only draft (经办人). Everything the access policy
 * decides depends on this record only.
 */
public record Viewer(Role role, String username, Long deputyId, Long unitId, boolean signer) implements Serializable {

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
		signer = signer && role == Role.OFFICIAL;
	}

	/** Officials made this way sign as well as draft, as officials did before 签发人. */
	public Viewer(Role role, String username, Long deputyId, Long unitId) {
		this(role, username, deputyId, unitId, role == Role.OFFICIAL);
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

	/** 经办人: an official who drafts and submits for review, and never issues. */
	public static Viewer drafter(String username, long unitId) {
		return new Viewer(Role.OFFICIAL, username, null, unitId, false);
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

	/** 签发人 of their unit: approves and issues (签发) what the unit's drafters submit. */
	public boolean isSigner() {
		return this.signer;
	}

	public boolean isStaff() {
		return this.role == Role.COORDINATOR || this.role == Role.OFFICIAL;
	}

}
