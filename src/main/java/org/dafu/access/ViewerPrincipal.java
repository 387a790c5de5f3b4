package org.dafu.access;

/**
 * Implemented by the authenticated principal (the account feature's user details), so the
 * access policy can learn who is looking without knowing how accounts are stored.
 */
public interface ViewerPrincipal {

	Viewer viewer();

}
