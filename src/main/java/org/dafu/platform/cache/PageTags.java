package org.dafu.platform.cache;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * What a cached page shows, said by the controller that renders it. A page that says
 * nothing aggregates replies (lists, search, home) and is emptied by every public change;
 * a reply's letter page is emptied only by changes of that reply (and of the names it
 * shows).
 */
public final class PageTags {

	private PageTags() {
	}

	/** The page being rendered is the letter of this reply, and shows no other reply. */
	public static void letterOf(long replyId) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.setAttribute(PageCacheFilter.REPLY_ATTRIBUTE, replyId, RequestAttributes.SCOPE_REQUEST);
		}
	}

}
