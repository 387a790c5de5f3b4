package org.dafu.figure;

/** Where a target stands (docs/figures.md, "Progress status"). */
public enum ProgressStatus {

	/** The latest measurement reaches the target. */
	ACHIEVED,
	/** Not yet reached, but at or ahead of the straight-line pace to the deadline. */
	ON_TRACK,
	/** Below that pace, or the deadline has passed without reaching the target. */
	BEHIND,
	/** Nothing measured since the reply. */
	NO_DATA

}
