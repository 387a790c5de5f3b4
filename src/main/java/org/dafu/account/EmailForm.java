package org.dafu.account;

/** Where notices are mailed; blank removes the address. */
record EmailForm(String email) {

}
