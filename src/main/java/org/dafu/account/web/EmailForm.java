package org.dafu.account.web;

/** Where notices are mailed; blank removes the address. */
record EmailForm(String email) {

}
