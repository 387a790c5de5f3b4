package org.dafu.account.web;

import org.dafu.access.Role;

/** A coordinator's new account: the role decides whether a unit or a deputy is needed. */
record NewAccountForm(String username, String password, Role role, Long unitId, Long deputyId, Boolean signer) {

	static NewAccountForm empty() {
		return new NewAccountForm(null, null, Role.OFFICIAL, null, null, Boolean.TRUE);
	}

}
