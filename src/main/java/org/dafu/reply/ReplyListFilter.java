package org.dafu.reply;

/**
 * The filters of the reply list: 届次 (a session), 承办单位, 代表 (led or co-signed), 年份 (the
 * session's year, as in search) and 办理结果 (the result class). Null: not filtered.
 */
public record ReplyListFilter(Long sessionId, Long unitId, Long deputyId, Integer year, ResultClass resultClass) {

	public static ReplyListFilter none() {
		return new ReplyListFilter(null, null, null, null, null);
	}

	public boolean isEmpty() {
		return this.sessionId == null && this.unitId == null && this.deputyId == null && this.year == null
				&& this.resultClass == null;
	}

}
