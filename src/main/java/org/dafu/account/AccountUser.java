package org.dafu.account;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;

import org.dafu.access.Viewer;
import org.dafu.access.ViewerPrincipal;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in principal: who the access policy sees ({@link #viewer()}) and the session
 * epoch it signed in under. The password hash is dropped after sign-in.
 */
public final class AccountUser implements UserDetails, ViewerPrincipal, CredentialsContainer, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final long accountId;

	private final Viewer viewer;

	private final boolean enabled;

	private final int sessionEpoch;

	private String passwordHash;

	AccountUser(Account account) {
		this.accountId = account.getId();
		this.viewer = new Viewer(account.getRole(), account.getUsername(), account.getDeputyId(), account.getUnitId(),
				account.isSigner());
		this.enabled = account.isEnabled();
		this.sessionEpoch = account.getSessionEpoch();
		this.passwordHash = account.getPasswordHash();
	}

	long accountId() {
		return this.accountId;
	}

	int sessionEpoch() {
		return this.sessionEpoch;
	}

	@Override
	public Viewer viewer() {
		return this.viewer;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority("ROLE_" + this.viewer.role().name()));
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.viewer.username();
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof AccountUser that && that.accountId == this.accountId;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(this.accountId);
	}

	@Override
	public String toString() {
		return getUsername();
	}

}
