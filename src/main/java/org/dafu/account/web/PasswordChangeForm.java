package org.dafu.account.web;

/** Changing one's own password: the current one, and the new one twice. */
record PasswordChangeForm(String currentPassword, String newPassword, String confirmPassword) {

	static PasswordChangeForm empty() {
		return new PasswordChangeForm(null, null, null);
	}

}
