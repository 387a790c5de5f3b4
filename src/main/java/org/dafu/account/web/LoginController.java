package org.dafu.account.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page. The form posts to {@code /login}, handled by Spring Security; every
 * kind of failure shows the same message.
 */
@Controller
class LoginController {

	static final String VIEW = "account/login";

	@GetMapping("/login")
	String login() {
		return VIEW;
	}

}
