package org.dafu.reply.web;

import org.dafu.platform.web.forms.Flash;
import org.dafu.access.Viewer;
import org.dafu.reply.DisclosureMode;
import org.dafu.reply.FigureKind;
import org.dafu.reply.Reply;
import org.dafu.reply.ReplyReview;
import org.dafu.reply.ReplyService;
import org.dafu.reply.ReplyView;
import org.dafu.reply.ResultClass;
import org.dafu.reply.SectionKind;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of a reply in its unit's workspace, filled the same way by every controller
 * that shows them: the editor (and the corrector), the preview with what the viewer may
 * do now, and the 签发 confirmation; and the redirects that say why a page is not the one
 * asked for.
 */
@Component
class ReplyPages {

	static final String EDITOR_VIEW = "reply/editor";

	static final String PREVIEW_VIEW = "reply/preview";

	static final String CONFIRM_VIEW = "reply/confirm-issue";

	private final ReplyService replies;

	ReplyPages(ReplyService replies) {
		this.replies = replies;
	}

	/**
	 * The letter as it will be published, with its review history and what the viewer can
	 * do with it now (submit, recall, return, go to 签发, withdraw it from public view).
	 */
	String preview(Viewer viewer, ReplyView reply, Model model) {
		model.addAttribute("reply", reply);
		model.addAttribute("preview", true);
		model.addAttribute("canSign", !reply.isIssued() && this.replies.canSign(viewer, reply.id()));
		model.addAttribute("mayWithdraw", reply.isIssued() && this.replies.canWithdraw(viewer, reply.id()));
		model.addAttribute("maxComment", ReplyReview.MAX_REVIEW_COMMENT);
		return PREVIEW_VIEW;
	}

	static String editor(Model model, ReplyView reply, ReplyForm form) {
		model.addAttribute("reply", reply);
		model.addAttribute("form", form);
		model.addAttribute("disclosureModes", DisclosureMode.values());
		model.addAttribute("resultClasses", ResultClass.values());
		model.addAttribute("sectionKinds", SectionKind.values());
		model.addAttribute("figureKinds", FigureKind.values());
		return EDITOR_VIEW;
	}

	/** The editor of a correction, with its note. */
	static String corrector(Model model, ReplyView reply, ReplyForm form, String note) {
		model.addAttribute("correcting", true);
		model.addAttribute("correctionNote", note);
		model.addAttribute("maxNote", Reply.MAX_CORRECTION_NOTE);
		return editor(model, reply, form);
	}

	static String confirmation(ReplyView reply, String signerName, String signerError, String gateRefusal,
			Model model) {
		model.addAttribute("reply", reply);
		model.addAttribute("preview", true);
		model.addAttribute("confirming", true);
		model.addAttribute("signerName", signerName);
		model.addAttribute("signerError", signerError);
		model.addAttribute("gateRefusal", gateRefusal);
		model.addAttribute("maxSignerName", Reply.MAX_SIGNER_NAME);
		return CONFIRM_VIEW;
	}

	static String submittedAlready(long id, RedirectAttributes redirect) {
		Flash.notice(redirect, "drafting.review.locked");
		return toPreview(id);
	}

	static String issuedAlready(long id, RedirectAttributes redirect) {
		Flash.notice(redirect, "drafting.editor.issued");
		return toPreview(id);
	}

	static String toPreview(long id) {
		return "redirect:/workspace/unit/replies/" + id + "/preview";
	}

	static String toEditor(long id) {
		return "redirect:/workspace/unit/replies/" + id + "/edit";
	}

	static String trim(String value) {
		return (value != null) ? value.strip() : "";
	}

}
