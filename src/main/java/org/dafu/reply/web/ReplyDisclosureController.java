package org.dafu.reply.web;

import org.dafu.platform.web.forms.Flash;
import org.dafu.reply.DisclosureMode;
import org.dafu.reply.ReplyCorrections;
import org.dafu.reply.ReplyService;
import org.dafu.reply.ReplyView;

import jakarta.servlet.http.HttpServletResponse;

import org.dafu.access.AccessPolicy;
import org.dafu.access.ReplyFacts;
import org.dafu.access.Viewer;
import org.dafu.platform.web.LogSafe;
import org.dafu.platform.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff page that withdraws an issued reply from public view (依申请公开 or 不予公开, with a
 * required reason) and, for coordinators, makes a withdrawn reply public again. The
 * reply's unit officials and coordinators use it; other staff get 403, and a reply they
 * may not read does not exist (404). Each form carries the version it was loaded at and a
 * confirmation box; an empty or too long reason, a missing confirmation or a stale
 * version changes nothing and says why. The change takes effect when it commits, on every
 * page, list, search, feed, export and cache (a public change is logged).
 */
@Controller
@PreAuthorize("hasAnyRole('COORDINATOR', 'OFFICIAL')")
class ReplyDisclosureController {

	static final String VIEW = "reply/disclosure";

	private static final Logger log = LoggerFactory.getLogger(ReplyDisclosureController.class);

	private final ReplyService replies;

	private final ReplyCorrections corrections;

	private final AccessPolicy access;

	ReplyDisclosureController(ReplyService replies, ReplyCorrections corrections, AccessPolicy access) {
		this.replies = replies;
		this.corrections = corrections;
		this.access = access;
	}

	@GetMapping("/workspace/replies/{id:[0-9]{1,18}}/disclosure")
	public String page(@PathVariable long id, Model model) {
		Viewer viewer = this.access.currentViewer();
		return page(model, withdrawable(viewer, id), viewer, null, "", "");
	}

	@PostMapping("/workspace/replies/{id:[0-9]{1,18}}/withdrawal")
	public String withdraw(@PathVariable long id, @RequestParam(name = "version", required = false) String version,
			@RequestParam(name = "mode", required = false) String mode,
			@RequestParam(name = "reason", required = false) String reason,
			@RequestParam(name = "confirm", required = false) String confirm, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Viewer viewer = this.access.currentViewer();
		ReplyView reply = withdrawable(viewer, id);
		String text = (reason != null) ? reason.strip() : "";
		DisclosureMode chosen = withdrawalMode(mode);
		String problem = (chosen == null) ? "reply.disclosurePage.invalid.mode" : problem(version, text, confirm);
		if (problem == null && !reply.isPublic()) {
			problem = "reply.disclosurePage.invalid.notPublic";
		}
		if (problem != null) {
			return refused(model, reply, viewer, problem, text, mode, HttpStatus.OK, response);
		}
		try {
			this.corrections.withdraw(viewer, id, Integer.parseInt(version), chosen, text);
		}
		catch (ConcurrencyFailureException ex) {
			return refused(model, reply, viewer, "reply.disclosurePage.stale", text, mode, HttpStatus.CONFLICT,
					response);
		}
		Flash.notice(redirect, "reply.disclosurePage.withdrawn");
		return "redirect:/workspace/replies/" + id + "/disclosure";
	}

	@PostMapping("/workspace/replies/{id:[0-9]{1,18}}/redisclosure")
	@PreAuthorize("hasRole('COORDINATOR')")
	public String redisclose(@PathVariable long id, @RequestParam(name = "version", required = false) String version,
			@RequestParam(name = "reason", required = false) String reason,
			@RequestParam(name = "confirm", required = false) String confirm, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Viewer viewer = this.access.currentViewer();
		ReplyView reply = withdrawable(viewer, id);
		String text = (reason != null) ? reason.strip() : "";
		String problem = problem(version, text, confirm);
		if (problem == null && reply.isPublic()) {
			problem = "reply.disclosurePage.invalid.public";
		}
		if (problem != null) {
			return refused(model, reply, viewer, problem, text, null, HttpStatus.OK, response);
		}
		try {
			this.corrections.redisclose(viewer, id, Integer.parseInt(version), text);
		}
		catch (ConcurrencyFailureException ex) {
			return refused(model, reply, viewer, "reply.disclosurePage.stale", text, null, HttpStatus.CONFLICT,
					response);
		}
		Flash.notice(redirect, "reply.disclosurePage.redisclosed");
		return "redirect:/workspace/replies/" + id + "/disclosure";
	}

	/**
	 * The issued reply if the viewer may withdraw it: 404 when hidden, 403 when not
	 * theirs.
	 */
	private ReplyView withdrawable(Viewer viewer, long id) {
		ReplyView reply = this.replies.readable(viewer, id);
		if (!reply.isIssued()) {
			throw new NotFoundException("issued reply", id);
		}
		ReplyFacts facts = this.replies.facts(id);
		if (!this.access.canWithdraw(viewer, facts)) {
			throw new AccessDeniedException("not allowed to withdraw this reply");
		}
		return reply;
	}

	private static DisclosureMode withdrawalMode(String mode) {
		if (DisclosureMode.ON_REQUEST.name().equals(mode)) {
			return DisclosureMode.ON_REQUEST;
		}
		if (DisclosureMode.NOT_PUBLIC.name().equals(mode)) {
			return DisclosureMode.NOT_PUBLIC;
		}
		return null;
	}

	private static String problem(String version, String reason, String confirm) {
		if (version == null || !version.matches("[0-9]{1,9}")) {
			return "reply.disclosurePage.invalid.version";
		}
		if (reason.isEmpty()) {
			return "reply.disclosurePage.invalid.reasonRequired";
		}
		if (reason.length() > ReplyCorrections.MAX_DISCLOSURE_REASON) {
			return "reply.disclosurePage.invalid.reasonTooLong";
		}
		if (!"yes".equals(confirm)) {
			return "reply.disclosurePage.invalid.confirm";
		}
		return null;
	}

	private String refused(Model model, ReplyView reply, Viewer viewer, String problem, String reason, String mode,
			HttpStatus status, HttpServletResponse response) {
		log.info("disclosure change of reply {} refused for {}: {}", reply.id(), LogSafe.of(viewer.username()),
				problem);
		response.setStatus(status.value());
		// the stored state as it is now (after a stale form: the newer one)
		ReplyView current = this.replies.readable(viewer, reply.id());
		return page(model, current, viewer, problem, (reason.length() > ReplyCorrections.MAX_DISCLOSURE_REASON)
				? reason.substring(0, ReplyCorrections.MAX_DISCLOSURE_REASON) : reason, mode);
	}

	private String page(Model model, ReplyView reply, Viewer viewer, String problem, String reason, String mode) {
		model.addAttribute("reply", reply);
		model.addAttribute("mayRedisclose", this.access.canRedisclose(viewer, this.replies.facts(reply.id())));
		model.addAttribute("withdrawalModes",
				new DisclosureMode[] { DisclosureMode.ON_REQUEST, DisclosureMode.NOT_PUBLIC });
		model.addAttribute("problem", problem);
		model.addAttribute("reason", reason);
		model.addAttribute("chosenMode", (mode != null) ? mode : DisclosureMode.ON_REQUEST.name());
		model.addAttribute("maxReason", ReplyCorrections.MAX_DISCLOSURE_REASON);
		model.addAttribute("coordinator", viewer.isCoordinator());
		return VIEW;
	}

}
