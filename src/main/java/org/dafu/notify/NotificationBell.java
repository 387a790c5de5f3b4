package org.dafu.notify;

import org.dafu.access.AccessPolicy;

import org.springframework.stereotype.Component;

/**
 * The unread count for the bell in the workspace header
 * ({@code templates/notify/bell.html} calls {@code @notificationBell.unread()}).
 */
@Component("notificationBell")
public class NotificationBell {

	private final NotificationInbox inbox;

	private final AccessPolicy access;

	NotificationBell(NotificationInbox inbox, AccessPolicy access) {
		this.inbox = inbox;
		this.access = access;
	}

	public long unread() {
		return this.inbox.unreadCount(this.access.currentViewer());
	}

}
