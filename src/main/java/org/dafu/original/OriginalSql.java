package org.dafu.original;

import org.dafu.reply.LatestOriginals;

import org.springframework.stereotype.Component;

/**
 * The newest original of a reply, for the letter's statement (see
 * {@link LatestOriginals}).
 */
@Component
class OriginalSql implements LatestOriginals {

	@Override
	public String latestOf(String replyAlias) {
		return "select o.version, o.media_type, o.size_bytes from reply_original o where o.reply_id = " + replyAlias
				+ ".id order by o.version desc limit 1";
	}

}
