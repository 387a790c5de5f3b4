package org.dafu.opinion.web;

import org.dafu.opinion.CoOpinion;
import org.dafu.opinion.OpinionRefusedException;
import org.dafu.opinion.OpinionService;

import jakarta.servlet.http.HttpServletResponse;

import org.dafu.access.AccessPolicy;
import org.dafu.access.Viewer;
import org.dafu.platform.web.LogSafe;
import org.dafu.platform.web.forms.Flash;
import org.dafu.unit.UnitService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The co-unit's workspace for its opinions (协办意见): the list of proposals it co-handles,
 * and one opinion to write, submit, sign or return. A proposal the unit does not
 * co-handle does not exist here (404); a stale version gets the page again with a
 * conflict message (409), nothing changed.
 */
@Controller
class OpinionController {

	static final String LIST_VIEW = "opinion/list";

	static final String EDIT_VIEW = "opinion/edit";

	private static final Logger log = LoggerFactory.getLogger(OpinionController.class);

	private final OpinionService opinions;

	private final UnitService units;

	private final AccessPolicy access;

	OpinionController(OpinionService opinions, UnitService units, AccessPolicy access) {
		this.opinions = opinions;
		this.units = units;
		this.access = access;
	}

	@GetMapping("/workspace/unit/opinions")
	String list(Model model) {
		Viewer viewer = this.access.currentViewer();
		model.addAttribute("unit", this.units.unit(viewer.unitId()));
		model.addAttribute("rows", this.opinions.ofOwnUnit(viewer));
		model.addAttribute("daysBefore", this.opinions.daysBefore());
		return LIST_VIEW;
	}

	@GetMapping("/workspace/unit/opinions/{proposalId:[0-9]{1,18}}")
	String edit(@PathVariable long proposalId, Model model) {
		return page(proposalId, model, null);
	}

	@PostMapping("/workspace/unit/opinions/{proposalId:[0-9]{1,18}}")
	String save(@PathVariable long proposalId, @RequestParam(name = "version", required = false) String version,
			@RequestParam(name = "body", required = false) String body,
			@RequestParam(name = "publish", defaultValue = "false") boolean publish, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Viewer viewer = this.access.currentViewer();
		return step(proposalId, model, redirect, response, body, "opinion.saved",
				() -> this.opinions.save(viewer, proposalId, versionOrNull(version), body, publish));
	}

	@PostMapping("/workspace/unit/opinions/{proposalId:[0-9]{1,18}}/submission")
	String submit(@PathVariable long proposalId, @RequestParam("version") int version, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Viewer viewer = this.access.currentViewer();
		return step(proposalId, model, redirect, response, null, "opinion.submitted",
				() -> this.opinions.submit(viewer, proposalId, version));
	}

	@PostMapping("/workspace/unit/opinions/{proposalId:[0-9]{1,18}}/return")
	String sendBack(@PathVariable long proposalId, @RequestParam("version") int version,
			@RequestParam(name = "comment", required = false) String comment, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Viewer viewer = this.access.currentViewer();
		return step(proposalId, model, redirect, response, null, "opinion.returned",
				() -> this.opinions.sendBack(viewer, proposalId, version, comment));
	}

	@PostMapping("/workspace/unit/opinions/{proposalId:[0-9]{1,18}}/signature")
	String sign(@PathVariable long proposalId, @RequestParam("version") int version, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Viewer viewer = this.access.currentViewer();
		return step(proposalId, model, redirect, response, null, "opinion.signed",
				() -> this.opinions.sign(viewer, proposalId, version));
	}

	private String step(long proposalId, Model model, RedirectAttributes redirect, HttpServletResponse response,
			String typed, String done, Runnable action) {
		Viewer viewer = this.access.currentViewer();
		// the proposal must be one the unit co-handles (404 otherwise), before anything
		// else
		this.opinions.ofOwnUnit(viewer, proposalId);
		try {
			action.run();
		}
		catch (ConcurrencyFailureException | DataIntegrityViolationException ex) {
			log.info("opinion on proposal {} by {}: stale step refused", proposalId, LogSafe.of(viewer.username()));
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("conflict", true);
			return page(proposalId, model, typed);
		}
		catch (OpinionRefusedException ex) {
			log.info("opinion on proposal {} by {}: refused ({})", proposalId, LogSafe.of(viewer.username()),
					ex.getMessage());
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			model.addAttribute("error", ex.getMessage());
			return page(proposalId, model, typed);
		}
		Flash.notice(redirect, done);
		return "redirect:/workspace/unit/opinions/" + proposalId;
	}

	private String page(long proposalId, Model model, String typed) {
		Viewer viewer = this.access.currentViewer();
		model.addAttribute("opinion", this.opinions.ofOwnUnit(viewer, proposalId));
		model.addAttribute("signer", this.access.canSignOpinion(viewer, viewer.unitId()));
		model.addAttribute("typed", typed);
		model.addAttribute("maxBody", CoOpinion.MAX_BODY);
		model.addAttribute("maxComment", CoOpinion.MAX_COMMENT);
		return EDIT_VIEW;
	}

	private static Integer versionOrNull(String version) {
		if (version == null || version.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(version.strip());
		}
		catch (NumberFormatException ex) {
			// a version no page ever showed: stale
			return -1;
		}
	}

}
