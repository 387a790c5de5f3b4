package org.dafu.reply.web;

import org.dafu.platform.web.forms.Flash;
import org.dafu.reply.ReplyRules;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.dafu.access.AccessPolicy;
import org.dafu.access.Viewer;
import org.dafu.platform.RefusedException;
import org.dafu.platform.web.LogSafe;
import org.dafu.reply.IssueRefusedException;
import org.dafu.reply.NotSignerException;
import org.dafu.reply.Reply;
import org.dafu.reply.ReplyReview;
import org.dafu.reply.ReplyService;
import org.dafu.reply.ReplyView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 签发: the confirmation page of a 签发人 of the lead unit, and the issue it confirms. What
 * may be issued, and in which order the refusals come, is decided by
 * {@link ReplyReview#issue(Viewer, long, int, String, Locale)}; a stale version, a viewer
 * who is not a 签发人 and an incomplete reply are turned into pages by
 * {@link ReplyEditorAdvice}.
 */
@Controller
class ReplyIssueController {

	private static final Logger log = LoggerFactory.getLogger(ReplyIssueController.class);

	private final ReplyService replies;

	private final ReplyReview review;

	private final AccessPolicy access;

	ReplyIssueController(ReplyService replies, ReplyReview review, AccessPolicy access) {
		this.replies = replies;
		this.review = review;
		this.access = access;
	}

	/**
	 * The 签发 confirmation: the letter exactly as it will be published, with its 签发人, and
	 * a form that issues this version only. Only a 签发人 of the lead unit gets it, and only
	 * for a complete reply.
	 */
	@GetMapping("/workspace/unit/replies/{id:[0-9]{1,18}}/issue")
	String confirmIssue(@PathVariable long id, Model model, RedirectAttributes redirect, Locale locale) {
		Viewer viewer = this.access.currentViewer();
		ReplyView reply = this.replies.ofOwnUnit(viewer, id);
		if (reply.isIssued()) {
			return ReplyPages.issuedAlready(id, redirect);
		}
		if (!this.replies.canSign(viewer, id)) {
			throw new NotSignerException(id, "open the 签发 page of");
		}
		ReplyRules.requireComplete(reply.content());
		String name = this.replies.lastSignerName(viewer).orElse("");
		return ReplyPages.confirmation(reply, name, null,
				this.review.issueRefusal(reply.proposal().id(), locale).orElse(null), model);
	}

	/**
	 * 签发, as confirmed on the confirmation page: the reply gets its 索引号 and its text is
	 * fixed with its 签发人. Only the version the page showed is issued: if the draft
	 * changed since (an edit, a recall, a second 签发), the conflict page (409) says so and
	 * nothing changes. A drafter, or a signer of another unit, is refused (403). An empty
	 * or too long 签发人 name is asked again (400), a gate's refusal shown (409). Sent twice
	 * (one after the other, or at once) it issues once.
	 */
	@PostMapping("/workspace/unit/replies/{id:[0-9]{1,18}}/issue")
	String issue(@PathVariable long id, @RequestParam("version") int version,
			@RequestParam(name = "signerName", required = false) String signerName, Model model,
			RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
		Viewer viewer = this.access.currentViewer();
		ReplyView reply = this.replies.ofOwnUnit(viewer, id);
		String name = ReplyPages.trim(signerName);
		try {
			ReplyView issued = this.review.issue(viewer, id, version, name, locale);
			Flash.notice(redirect, "drafting.issue.done");
			redirect.addFlashAttribute("messageArgs", List.of(issued.indexNumber()));
			return ReplyPages.toPreview(id);
		}
		catch (RefusedException ex) {
			log.info("issue of reply {} refused for {}: {}", id, LogSafe.of(viewer.username()), ex.messageKey());
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return ReplyPages.confirmation(reply, name, ex.messageKey(), null, model);
		}
		catch (IssueRefusedException ex) {
			log.info("issue of reply {} refused for {} by a gate: {}", id, LogSafe.of(viewer.username()),
					LogSafe.of(ex.getMessage()));
			response.setStatus(HttpStatus.CONFLICT.value());
			return ReplyPages.confirmation(reply, name, null, ex.getMessage(), model);
		}
	}

}
