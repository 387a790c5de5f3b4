package org.dafu.reply.web;

import org.dafu.platform.web.forms.Flash;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.dafu.access.AccessPolicy;
import org.dafu.access.Viewer;
import org.dafu.history.AuditLog;
import org.dafu.platform.web.LogSafe;
import org.dafu.reply.IncompleteReplyException;
import org.dafu.reply.LetterContent;
import org.dafu.reply.NotSignerException;
import org.dafu.reply.ReplyService;
import org.dafu.reply.ReplyView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.dafu.platform.web.forms.Views;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What every page of a reply in its unit's workspace does alike, in one place: it refuses
 * absurd list indexes in the letter form, and it turns the refusals of
 * {@link ReplyService} into pages. A stale version (someone changed the reply first) gets
 * the conflict page (409) beside what was submitted; a viewer who is not a 签发人 of the
 * lead unit gets the preview with the reason (403, logged and audited); an incomplete
 * reply goes back to its editor with what it needs. Nothing is changed in any of these.
 */
@ControllerAdvice(assignableTypes = { ReplyEditorController.class, ReplyReviewController.class,
		ReplyIssueController.class, ReplyCorrectionController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReplyEditorAdvice {

	private static final String SUBMITTED = ReplyEditorAdvice.class.getName() + ".submitted";

	private static final Pattern INDEX = Pattern.compile("\\[([0-9]+)]");

	/** The form never has more of anything (sections, figures). */
	private static final int MAX_INDEX = 99;

	private static final Logger log = LoggerFactory.getLogger(ReplyEditorAdvice.class);

	private final ObjectProvider<ReplyService> replies;

	private final AccessPolicy access;

	private final AuditLog audit;

	private final ObjectProvider<ReplyPages> pages;

	/**
	 * The reply's service and pages are looked up when a handler runs: every advice is
	 * part of every web slice test ({@code @WebMvcTest}), and the slices of other
	 * features have neither.
	 */
	ReplyEditorAdvice(ObjectProvider<ReplyService> replies, AccessPolicy access, AuditLog audit,
			ObjectProvider<ReplyPages> pages) {
		this.replies = replies;
		this.access = access;
		this.audit = audit;
		this.pages = pages;
	}

	/**
	 * What a request submits, for the conflict page should the save be stale: the version
	 * it was made from and the letter (null when it submits no letter). Without it the
	 * page shows the request's {@code version} parameter.
	 */
	static void submitting(int version, LetterContent letter) {
		RequestContextHolder.currentRequestAttributes()
			.setAttribute(SUBMITTED, new Submitted(version, letter), RequestAttributes.SCOPE_REQUEST);
	}

	/**
	 * Refuses absurd list indexes (sections[99999]) before binding, which would otherwise
	 * build huge lists.
	 */
	@InitBinder("form")
	void limitIndexes(WebDataBinder binder, HttpServletRequest request) {
		for (String name : request.getParameterMap().keySet()) {
			Matcher m = INDEX.matcher(name);
			while (m.find()) {
				if (m.group(1).length() > 3 || Integer.parseInt(m.group(1)) > MAX_INDEX) {
					log.info("reply form refused: index too large in {}", LogSafe.of(name));
					throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "index too large");
				}
			}
		}
	}

	/** The conflict page (409): the stored reply beside what was submitted. */
	@ExceptionHandler(ConcurrencyFailureException.class)
	String conflict(ConcurrencyFailureException ex, HttpServletRequest request, HandlerMethod handler, Model model,
			HttpServletResponse response) {
		long id = replyId(request);
		Submitted submitted = (request.getAttribute(SUBMITTED) instanceof Submitted s) ? s
				: new Submitted(version(request.getParameter("version")), null);
		ReplyView stored = this.replies.getObject().ofOwnUnit(this.access.currentViewer(), id);
		log.info("reply {}: stale save from version {} refused, stored version {}", id, submitted.version(),
				stored.version());
		boolean correcting = handler.getBeanType() == ReplyCorrectionController.class;
		return Views.conflict(model, response,
				ReplyConflict.of(stored, submitted.letter(), submitted.version(), correcting));
	}

	/**
	 * A drafter (经办人) or anyone else who may not sign: 403 with the letter and the
	 * reason, logged and audited.
	 */
	@ExceptionHandler(NotSignerException.class)
	String notSigner(NotSignerException ex, Model model, HttpServletResponse response) {
		Viewer viewer = this.access.currentViewer();
		ReplyView reply = this.replies.getObject().ofOwnUnit(viewer, ex.replyId());
		log.info("{} may not {} reply {}: not a 签发人 of its lead unit", LogSafe.of(viewer.username()), ex.action(),
				reply.id());
		this.audit.record(viewer.username(), "ACCESS_DENIED", "reply:" + reply.id(), ex.action(), null);
		response.setStatus(HttpStatus.FORBIDDEN.value());
		model.addAttribute("refusal", "drafting.review.notSigner");
		return this.pages.getObject().preview(viewer, reply, model);
	}

	/**
	 * An incomplete reply is not issued: back to its editor, which says what it needs.
	 */
	@ExceptionHandler(IncompleteReplyException.class)
	String incomplete(IncompleteReplyException ex, HttpServletRequest request, RedirectAttributes redirect) {
		long id = replyId(request);
		log.info("reply {} not issued: it lacks {}", id, ex.missing());
		Flash.notice(redirect, IncompleteReplyException.MESSAGE_KEY);
		return ReplyPages.toEditor(id);
	}

	private static long replyId(HttpServletRequest request) {
		@SuppressWarnings("unchecked")
		Map<String, String> variables = (Map<String, String>) request
			.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		return Long.parseLong(variables.get("id"));
	}

	private static int version(String value) {
		return (value != null && value.strip().matches("[0-9]{1,9}")) ? Integer.parseInt(value.strip()) : -1;
	}

	private record Submitted(int version, LetterContent letter) {
	}

}
