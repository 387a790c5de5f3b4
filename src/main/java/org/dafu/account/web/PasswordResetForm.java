package org.dafu.account.web;

/** A coordinator sets a new password for someone who lost theirs. */
record PasswordResetForm(String newPassword) {

}
