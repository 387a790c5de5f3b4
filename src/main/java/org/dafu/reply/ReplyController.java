package org.dafu.reply;

import org.dafu.access.AccessPolicy;
import org.dafu.platform.cache.PageTags;
import org.dafu.platform.web.Paging;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The public letter pages: the list of disclosed replies and one reply as its letter. */
@Controller
class ReplyController {

	static final String LIST_VIEW = "reply/list";

	static final String LETTER_VIEW = "reply/letter";

	private final ReplyReads reads;

	private final AccessPolicy access;

	ReplyController(ReplyReads reads, AccessPolicy access) {
		this.reads = reads;
		this.access = access;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("page", this.reads.latest(this.access.currentViewer(), Paging.of(1, 10)));
		return "home";
	}

	@GetMapping("/replies")
	String list(@RequestParam(name = "page", required = false) Integer page, Model model) {
		model.addAttribute("page", this.reads.latest(this.access.currentViewer(), Paging.of(page, null)));
		return LIST_VIEW;
	}

	@GetMapping("/replies/{id:[0-9]{1,18}}")
	String letter(@PathVariable long id, Model model) {
		ReplyView reply = this.reads.letter(this.access.currentViewer(), id);
		PageTags.letterOf(reply.id());
		model.addAttribute("reply", reply);
		return LETTER_VIEW;
	}

	/** Stable address by 索引号, e.g. /replies/index/11330800002618015K/2022-137066. */
	@GetMapping("/replies/index/{code:[0-9A-Z]{6,30}}/{serial:[0-9]{4}-[0-9]{1,10}}")
	String letterByIndexNumber(@PathVariable String code, @PathVariable String serial, Model model) {
		ReplyView reply = this.reads.letterByIndexNumber(this.access.currentViewer(), code + "/" + serial);
		PageTags.letterOf(reply.id());
		model.addAttribute("reply", reply);
		return LETTER_VIEW;
	}

}
