package org.dafu.account.web;

import org.dafu.account.AccountProblem;
import org.dafu.account.AccountService;
import org.dafu.account.AccountUser;
import org.dafu.platform.web.forms.Flash;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Who am I, and changing one's own password. */
@Controller
class AccountController {

	static final String VIEW = "account/me";

	private final AccountService accounts;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	AccountController(AccountService accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/account")
	String me(Model model) {
		model.addAttribute("account", this.accounts.me());
		model.addAttribute("form", PasswordChangeForm.empty());
		return VIEW;
	}

	@PostMapping("/account/email")
	String changeEmail(@ModelAttribute EmailForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			this.accounts.changeOwnEmail(form.email());
		}
		catch (AccountProblem ex) {
			model.addAttribute("account", this.accounts.me());
			model.addAttribute("form", PasswordChangeForm.empty());
			model.addAttribute("emailProblem", ex.messageKey());
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return VIEW;
		}
		Flash.notice(redirect, "account.email.changed");
		return "redirect:/account";
	}

	@PostMapping("/account/password")
	String changePassword(@ModelAttribute("form") PasswordChangeForm form, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		String problem = null;
		if (form.newPassword() == null || !form.newPassword().equals(form.confirmPassword())) {
			problem = "account.error.password-mismatch";
		}
		else {
			try {
				this.accounts.changeOwnPassword(form.currentPassword(), form.newPassword(), request.getRemoteAddr());
			}
			catch (AccountProblem ex) {
				problem = ex.messageKey();
			}
		}
		if (problem != null) {
			model.addAttribute("account", this.accounts.me());
			model.addAttribute("form", PasswordChangeForm.empty());
			model.addAttribute("problem", problem);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return VIEW;
		}
		// The change ended every session of the account; this one continues, signed in
		// again under the new session epoch.
		AccountUser fresh = this.accounts.principal(this.accounts.me().username());
		fresh.eraseCredentials();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities()));
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
		Flash.notice(redirect, "account.password.changed");
		return "redirect:/account";
	}

}
