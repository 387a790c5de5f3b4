package org.dafu.notify.web;

import org.dafu.notify.FollowKind;
import org.dafu.notify.FollowService;

import jakarta.validation.Valid;

import org.dafu.access.AccessPolicy;
import org.dafu.platform.web.forms.Flash;
import org.dafu.unit.UnitService;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 我的关注: follow proposals, units and keywords. */
@Controller
class FollowingController {

	static final String VIEW = "notify/following";

	private final FollowService follows;

	private final UnitService units;

	private final AccessPolicy access;

	FollowingController(FollowService follows, UnitService units, AccessPolicy access) {
		this.follows = follows;
		this.units = units;
		this.access = access;
	}

	@GetMapping("/following")
	String list(Model model) {
		model.addAttribute("follows", this.follows.follows(this.access.currentViewer()));
		model.addAttribute("units", this.units.units());
		model.addAttribute("kinds", FollowKind.values());
		return VIEW;
	}

	@PostMapping("/following")
	String follow(@Valid @ModelAttribute FollowForm form, BindingResult errors, RedirectAttributes redirect) {
		if (errors.hasErrors() || !form.complete()) {
			Flash.alert(redirect, "notify.following.invalid");
			return "redirect:/following";
		}
		try {
			this.follows.follow(this.access.currentViewer(), form.kind(), form.targetId(), form.keyword());
			Flash.notice(redirect, "notify.following.added");
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			Flash.alert(redirect, "notify.following.invalid");
		}
		return "redirect:/following";
	}

	@PostMapping("/following/{id:[0-9]{1,18}}/delete")
	String unfollow(@PathVariable long id, RedirectAttributes redirect) {
		this.follows.unfollow(this.access.currentViewer(), id);
		Flash.notice(redirect, "notify.following.removed");
		return "redirect:/following";
	}

}
