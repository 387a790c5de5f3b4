package org.dafu.account.web;

import org.dafu.account.AccountProblem;
import org.dafu.account.AccountService;
import org.dafu.account.AccountView;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.dafu.access.Role;
import org.dafu.congress.CongressService;
import org.dafu.platform.web.forms.Flash;
import org.dafu.unit.UnitService;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Coordinators manage accounts: list, create, disable, re-enable, reset passwords. */
@Controller
@RequestMapping("/workspace/coordinator/accounts")
class AccountAdminController {

	static final String LIST_VIEW = "account/list";

	static final String NEW_VIEW = "account/new";

	static final String DETAIL_VIEW = "account/detail";

	private static final String REDIRECT_LIST = "redirect:/workspace/coordinator/accounts";

	private final AccountService accounts;

	private final UnitService units;

	private final CongressService congress;

	AccountAdminController(AccountService accounts, UnitService units, CongressService congress) {
		this.accounts = accounts;
		this.units = units;
		this.congress = congress;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("accounts", this.accounts.accounts());
		return LIST_VIEW;
	}

	@GetMapping("/new")
	String newAccount(Model model) {
		return newForm(model, NewAccountForm.empty(), null);
	}

	@PostMapping
	String create(@ModelAttribute("form") NewAccountForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			AccountView created = this.accounts.create(form.username(), form.password(), form.role(), form.unitId(),
					form.deputyId(), form.signer());
			Flash.notice(redirect, "account.created");
			return REDIRECT_LIST + "/" + created.id();
		}
		catch (AccountProblem ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return newForm(model, new NewAccountForm(form.username(), null, form.role(), form.unitId(), form.deputyId(),
					form.signer()), ex.messageKey());
		}
	}

	@GetMapping("/{accountId:[0-9]{1,18}}")
	String detail(@PathVariable long accountId, Model model) {
		model.addAttribute("account", this.accounts.account(accountId));
		return DETAIL_VIEW;
	}

	@PostMapping("/{accountId:[0-9]{1,18}}/disable")
	String disable(@PathVariable long accountId, RedirectAttributes redirect) {
		return act(accountId, redirect, "account.disabled", () -> this.accounts.disable(accountId));
	}

	@PostMapping("/{accountId:[0-9]{1,18}}/enable")
	String enable(@PathVariable long accountId, RedirectAttributes redirect) {
		return act(accountId, redirect, "account.enabled", () -> this.accounts.enable(accountId));
	}

	/** 签发人 or 经办人, for an official's account. */
	@PostMapping("/{accountId:[0-9]{1,18}}/signing")
	String changeSigning(@PathVariable long accountId,
			@RequestParam(name = "signer", defaultValue = "false") boolean signer, RedirectAttributes redirect) {
		return act(accountId, redirect, "account.signing.changed",
				() -> this.accounts.changeSigning(accountId, signer));
	}

	@PostMapping("/{accountId:[0-9]{1,18}}/password")
	String resetPassword(@PathVariable long accountId, @ModelAttribute PasswordResetForm form,
			RedirectAttributes redirect) {
		return act(accountId, redirect, "account.password.reset",
				() -> this.accounts.resetPassword(accountId, form.newPassword()));
	}

	@PostMapping("/{accountId:[0-9]{1,18}}/email")
	String changeEmail(@PathVariable long accountId, @ModelAttribute EmailForm form, RedirectAttributes redirect) {
		return act(accountId, redirect, "account.email.changed",
				() -> this.accounts.changeEmail(accountId, form.email()));
	}

	private String act(long accountId, RedirectAttributes redirect, String doneKey, Runnable action) {
		try {
			action.run();
			Flash.notice(redirect, doneKey);
		}
		catch (AccountProblem ex) {
			Flash.alert(redirect, ex.messageKey());
		}
		return REDIRECT_LIST + "/" + accountId;
	}

	private String newForm(Model model, NewAccountForm form, String problem) {
		model.addAttribute("form", form);
		model.addAttribute("problem", problem);
		model.addAttribute("roles", List.of(Role.COORDINATOR, Role.OFFICIAL, Role.DEPUTY));
		model.addAttribute("units", this.units.units());
		model.addAttribute("deputies", this.congress.deputies());
		return NEW_VIEW;
	}

}
