package org.dafu.account.web;

import java.time.Instant;

import org.dafu.account.AccountView;
import org.dafu.account.AccountService;
import org.dafu.account.AccountProblem;
import org.dafu.access.Role;
import org.dafu.access.Viewer;
import org.dafu.testing.AsViewer;
import org.dafu.testing.WebSlice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** 我的账户 and the sign-in page: binding, refusals and messages, in a web slice. */
@WebSlice({ AccountController.class, LoginController.class })
class AccountWebTests {

	static final Viewer ME = Viewer.coordinator("account-slice");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	AccountService accounts;

	@BeforeEach
	void me() {
		given(this.accounts.me()).willReturn(new AccountView(3, "account-slice", Role.COORDINATOR, null, null, null,
				null, true, Instant.parse("2022-01-01T00:00:00Z"), null, false));
	}

	@Test
	void theSignInPageIsOpenToEveryone() throws Exception {
		this.mvc.perform(get("/login")).andExpect(status().isOk());
	}

	@Test
	void theAccountPageWantsASignedInPerson() throws Exception {
		this.mvc.perform(get("/account")).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/account").with(AsViewer.as(ME)))
			.andExpect(status().isOk())
			.andExpect(view().name(AccountController.VIEW))
			.andExpect(content().string(containsString("account-slice")));
	}

	@Test
	void twoDifferentNewPasswordsChangeNothing() throws Exception {
		this.mvc
			.perform(post("/account/password").with(AsViewer.as(ME))
				.with(csrf())
				.param("currentPassword", "old-password-1")
				.param("newPassword", "new-password-long-1")
				.param("confirmPassword", "new-password-long-2"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("两次输入的新密码不一致。")));
		verify(this.accounts, never()).changeOwnPassword(any(), any(), any());
	}

	@Test
	void aWrongCurrentPasswordIsSaidOnThePage() throws Exception {
		willThrow(new AccountProblem("account.error.current-password")).given(this.accounts)
			.changeOwnPassword("wrong", "new-password-long-1", "127.0.0.1");

		this.mvc
			.perform(post("/account/password").with(AsViewer.as(ME))
				.with(csrf())
				.param("currentPassword", "wrong")
				.param("newPassword", "new-password-long-1")
				.param("confirmPassword", "new-password-long-1"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("当前密码不正确。")));
	}

	@Test
	void aBadEmailAddressIsSaidInTheChosenLanguage() throws Exception {
		willThrow(new AccountProblem("account.error.email")).given(this.accounts).changeOwnEmail("not-an-address");

		this.mvc
			.perform(post("/account/email").with(AsViewer.as(ME))
				.with(csrf())
				.param("email", "not-an-address")
				.param("lang", "en"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("That is not an e-mail address")));
	}

	@Test
	void aNewEmailAddressIsSavedAndSaidSo() throws Exception {
		this.mvc.perform(post("/account/email").with(AsViewer.as(ME)).with(csrf()).param("email", "me@example.gov.cn"))
			.andExpect(redirectedUrl("/account"))
			.andExpect(flash().attribute("message", "account.email.changed"));
		verify(this.accounts).changeOwnEmail("me@example.gov.cn");
	}

	@Test
	void changesNeedTheFormsToken() throws Exception {
		this.mvc.perform(post("/account/email").with(AsViewer.as(ME)).param("email", "me@example.gov.cn"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/account/password").with(AsViewer.as(ME))
				.param("currentPassword", "a")
				.param("newPassword", "b")
				.param("confirmPassword", "b"))
			.andExpect(status().isForbidden());
		verify(this.accounts, never()).changeOwnEmail(any());
		verify(this.accounts, never()).changeOwnPassword(any(), any(), any());
		verifyNoInteractions(this.accounts);
	}

}
