package org.dafu.account;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.dafu.access.Role;

/**
 * Someone who signs in: a coordinator, an official of one unit, or a deputy. The password
 * is only ever stored as an encoder hash with its {@code {id}} prefix.
 */
@Entity
@Table(name = "account")
class Account {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String username;

	@Column(name = "password_hash")
	private String passwordHash;

	@Enumerated(EnumType.STRING)
	private Role role;

	@Column(name = "unit_id")
	private Long unitId;

	@Column(name = "deputy_id")
	private Long deputyId;

	private boolean enabled = true;

	@Column(name = "session_epoch")
	private int sessionEpoch;

	@Column(name = "created_at", insertable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt = Instant.now();

	private String email;

	/** 签发人: may approve and issue the unit's replies; an official without it drafts. */
	private boolean signer;

	@Version
	private int version;

	protected Account() {
	}

	Account(String username, String passwordHash, Role role, Long unitId, Long deputyId) {
		if (username == null || !AccountService.USERNAME.matcher(username).matches()) {
			throw new AccountProblem("account.error.username");
		}
		checkEncoded(passwordHash);
		if (role == null || role == Role.PUBLIC) {
			throw new AccountProblem("account.error.role");
		}
		if (role == Role.OFFICIAL && unitId == null) {
			throw new AccountProblem("account.error.unit");
		}
		if (role == Role.DEPUTY && deputyId == null) {
			throw new AccountProblem("account.error.deputy");
		}
		this.username = username;
		this.passwordHash = passwordHash;
		this.role = role;
		this.unitId = (role == Role.OFFICIAL) ? unitId : null;
		this.deputyId = (role == Role.DEPUTY) ? deputyId : null;
		this.signer = (role == Role.OFFICIAL);
	}

	/**
	 * An official either signs (签发人, and drafts too) or only drafts (经办人); other roles
	 * never sign.
	 */
	/** Links a deputy account to another deputy (demo mode's own account only). */
	void linkDeputy(long deputyId) {
		if (this.role != Role.DEPUTY) {
			throw new IllegalStateException("only a deputy account is linked to a deputy");
		}
		this.deputyId = deputyId;
	}

	void changeSigning(boolean signs) {
		boolean before = this.signer;
		this.signer = signs && this.role == Role.OFFICIAL;
		if (this.id != null && before != this.signer) {
			// sessions carry the role they signed in with: they end, so the change holds
			this.sessionEpoch++;
		}
	}

	/** Ends the account's sessions at their next request and refuses new sign-ins. */
	void disable() {
		this.enabled = false;
		this.sessionEpoch++;
	}

	void enable() {
		this.enabled = true;
	}

	/** A new password also ends every session signed in with the old one. */
	void changePassword(String newHash) {
		checkEncoded(newHash);
		this.passwordHash = newHash;
		this.sessionEpoch++;
	}

	/** A blank address removes it: the person then sees notices in the portal only. */
	void changeEmail(String address) {
		String value = (address == null || address.isBlank()) ? null : address.strip();
		if (value != null && !AccountService.EMAIL.matcher(value).matches()) {
			throw new AccountProblem("account.error.email");
		}
		this.email = value;
	}

	/** The service encodes every password before it reaches the account. */
	private static void checkEncoded(String hash) {
		if (hash == null || !hash.startsWith("{")) {
			throw new IllegalStateException("an encoded password hash");
		}
	}

	@PreUpdate
	void touch() {
		this.updatedAt = Instant.now();
	}

	Long getId() {
		return this.id;
	}

	String getUsername() {
		return this.username;
	}

	String getPasswordHash() {
		return this.passwordHash;
	}

	Role getRole() {
		return this.role;
	}

	Long getUnitId() {
		return this.unitId;
	}

	Long getDeputyId() {
		return this.deputyId;
	}

	boolean isSigner() {
		return this.signer;
	}

	boolean isEnabled() {
		return this.enabled;
	}

	String getEmail() {
		return this.email;
	}

	int getSessionEpoch() {
		return this.sessionEpoch;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

}
