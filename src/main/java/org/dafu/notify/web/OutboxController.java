package org.dafu.notify.web;

import org.dafu.notify.MailOutbox;

import org.dafu.platform.web.Paging;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The coordinator's view of the mail outbox (all mail, held mail in embedded mode). */
@Controller
class OutboxController {

	static final String VIEW = "notify/outbox";

	private final MailOutbox outbox;

	OutboxController(MailOutbox outbox) {
		this.outbox = outbox;
	}

	@GetMapping("/workspace/coordinator/outbox")
	String outbox(@RequestParam(name = "page", required = false) Integer page, Model model) {
		model.addAttribute("page", this.outbox.mails(Paging.of(page, null)));
		return VIEW;
	}

}
