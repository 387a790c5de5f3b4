package org.dafu.history;

import org.dafu.access.Viewer;

/**
 * Who may read the history of one kind of record. The feature that owns the record
 * implements it (the reply's history in reply/, the proposal's in proposal/), so that
 * history knows no feature; the history page answers 404 for a type no feature claims.
 */
public interface HistoryReaders {

	/** The history type this feature records, e.g. {@code reply}. */
	String type();

	/** Whether the viewer may read the history of record {@code id} (staff only). */
	boolean maySee(Viewer viewer, long id);

}
