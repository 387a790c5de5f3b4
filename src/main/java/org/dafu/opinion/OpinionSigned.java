package org.dafu.opinion;

/**
 * Published when a co-unit signs its opinion on a proposal: once the transaction has
 * committed, this instance reads the public change log at once, so the public pages that
 * show the opinion (the letters of the proposal's public replies) show it on the next
 * request; other instances see it within the log's check interval.
 */
public record OpinionSigned(long proposalId, long unitId) {

}
