package org.dafu.evaluation;

/** What the lead deputy says about a reply. */
public record RateCommand(Rating attitude, Rating result, String comment) {

}
