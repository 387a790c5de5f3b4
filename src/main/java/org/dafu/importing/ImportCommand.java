package org.dafu.importing;

import org.dafu.reply.LetterContent;

/**
 * A letter to save as a draft reply of the importing official's unit. The unit is never
 * part of the command: it is the viewer's.
 *
 * @param sessionId the session the proposal belongs to (must exist)
 * @param number the proposal's number in the session
 * @param title the proposal's title, used when the proposal is new
 * @param leadDeputy the lead deputy's name, used when the proposal is new
 * @param indexNumber the 索引号 the letter carries, or {@code null}
 * @param source where the letter came from
 * @param sourceName the uploaded file's name (last path segment only), or {@code null}
 * @param content the letter
 */
public record ImportCommand(Long sessionId, Integer number, String title, String leadDeputy, String indexNumber,
		ImportSource source, String sourceName, LetterContent content) {

}
