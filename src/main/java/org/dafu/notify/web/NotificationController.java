package org.dafu.notify.web;

import org.dafu.notify.NotificationInbox;

import org.dafu.access.AccessPolicy;
import org.dafu.platform.web.Paging;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 通知: the signed-in person's notices, newest first; marking them read. */
@Controller
class NotificationController {

	static final String LIST_VIEW = "notify/notifications";

	private final NotificationInbox inbox;

	private final AccessPolicy access;

	NotificationController(NotificationInbox inbox, AccessPolicy access) {
		this.inbox = inbox;
		this.access = access;
	}

	@GetMapping("/notifications")
	String list(@RequestParam(name = "page", required = false) Integer page, Model model) {
		model.addAttribute("page", this.inbox.notices(this.access.currentViewer(), Paging.of(page, null)));
		return LIST_VIEW;
	}

	@PostMapping("/notifications/{id:[0-9]{1,18}}/read")
	String markRead(@PathVariable long id) {
		this.inbox.markRead(this.access.currentViewer(), id);
		return "redirect:/notifications";
	}

	@PostMapping("/notifications/read-all")
	String markAllRead() {
		this.inbox.markAllRead(this.access.currentViewer());
		return "redirect:/notifications";
	}

}
