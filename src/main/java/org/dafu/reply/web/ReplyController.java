package org.dafu.reply.web;

import org.dafu.reply.LetterReads;
import org.dafu.reply.ReplyListForm;
import org.dafu.reply.ReplyListOptions;
import org.dafu.reply.ReplyListReads;
import org.dafu.reply.ReplyView;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

	private final ReplyListReads reads;

	private final LetterReads letters;

	private static final Logger log = LoggerFactory.getLogger(ReplyController.class);

	private final AccessPolicy access;

	private final ReplyListOptions options;

	ReplyController(ReplyListReads reads, LetterReads letters, AccessPolicy access, ReplyListOptions options) {
		this.reads = reads;
		this.letters = letters;
		this.access = access;
		this.options = options;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("page", this.reads.latest(this.access.currentViewer(), Paging.of(1, 10)));
		return "home";
	}

	/**
	 * The list, filtered by 届次, 承办单位, 代表, 年份 and 办理结果 (each optional; a malformed one is
	 * ignored with a message). Pagination keeps the filters.
	 */
	@GetMapping("/replies")
	String list(@RequestParam(name = "page", required = false) Integer page, ReplyListForm form, Model model) {
		ReplyListForm.Checked checked = form.check();
		if (checked.ignored()) {
			log.info("reply list: malformed filter ignored");
		}
		model.addAttribute("page",
				this.reads.latest(this.access.currentViewer(), checked.filter(), Paging.seek(page, null)));
		model.addAttribute("filters", checked);
		model.addAttribute("selected", checked.selected());
		model.addAttribute("options", this.options.options());
		return LIST_VIEW;
	}

	@GetMapping("/replies/{id:[0-9]{1,18}}")
	String letter(@PathVariable long id, Model model) {
		ReplyView reply = this.letters.letter(this.access.currentViewer(), id);
		PageTags.letterOf(reply.id());
		model.addAttribute("reply", reply);
		return LETTER_VIEW;
	}

	/** Stable address by 索引号, e.g. /replies/index/11330800002618015K/2022-137066. */
	@GetMapping("/replies/index/{code:[0-9A-Z]{6,30}}/{serial:[0-9]{4}-[0-9]{1,10}}")
	String letterByIndexNumber(@PathVariable String code, @PathVariable String serial, Model model) {
		ReplyView reply = this.letters.letterByIndexNumber(this.access.currentViewer(), code + "/" + serial);
		PageTags.letterOf(reply.id());
		model.addAttribute("reply", reply);
		return LETTER_VIEW;
	}

}
