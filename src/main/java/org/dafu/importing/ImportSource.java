package org.dafu.importing;

import java.util.Locale;

/** Where an imported letter came from (recorded with the import). */
public enum ImportSource {

	/** Pasted into the import page. */
	PASTE,

	/** An uploaded {@code .txt} file. */
	TXT,

	/** An uploaded {@code .docx} file. */
	DOCX,

	/** Sent to the JSON API. */
	API,

	/** Read from an archive by the command-line bulk import. */
	BULK;

	/** The kind of an uploaded file, by its extension ({@code .docx} or else text). */
	public static ImportSource ofFilename(String filename) {
		return (filename != null && filename.strip().toLowerCase(Locale.ROOT).endsWith(".docx")) ? DOCX : TXT;
	}

}
