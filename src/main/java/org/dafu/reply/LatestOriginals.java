package org.dafu.reply;

/**
 * The newest scanned original (原件) of a reply, which the letter shows in its one
 * statement. The originals are another module's table (original/): that module implements
 * this and writes the SQL.
 */
public interface LatestOriginals {

	/**
	 * A subquery, lateral to the reply aliased {@code replyAlias}, giving its newest
	 * original's {@code version}, {@code media_type} and {@code size_bytes}: one row, or
	 * none when the reply has no original.
	 */
	String latestOf(String replyAlias);

}
