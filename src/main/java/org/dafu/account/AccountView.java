package org.dafu.account;

import java.time.Instant;

import org.dafu.access.Role;

/** An account as pages see it: never the password hash. */
public record AccountView(long id, String username, Role role, Long unitId, String unitName, Long deputyId,
		String deputyName, boolean enabled, Instant createdAt, String email, boolean signer) {

}
