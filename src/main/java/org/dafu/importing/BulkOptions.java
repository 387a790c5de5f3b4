package org.dafu.importing;

import java.util.Locale;

import org.dafu.reply.ResultClass;

/**
 * How a bulk import runs.
 *
 * @param session the session of letters that name none, or {@code null}
 * @param resultClass the 办理结果分类 recorded for every letter (the letters do not state it;
 * an issued reply needs one)
 * @param disclosureReason the reason recorded for letters that are not 主动公开, or
 * {@code null} (such letters then fail)
 * @param locale the language of the report's reasons and the console
 * @param maxEntryBytes the largest letter read
 * @param maxTotalBytes the most read from the whole archive
 */
public record BulkOptions(String session, ResultClass resultClass, String disclosureReason, Locale locale,
		long maxEntryBytes, long maxTotalBytes) {

	public BulkOptions {
		if (resultClass == null) {
			throw new IllegalArgumentException("a result class is needed");
		}
		locale = (locale != null) ? locale : Locale.SIMPLIFIED_CHINESE;
	}

}
