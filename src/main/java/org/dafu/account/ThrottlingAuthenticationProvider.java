package org.dafu.account;

import org.dafu.history.AuditLog;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in (form and HTTP Basic) behind the {@link LoginThrottle}, with every
 * success and failure in the audit log. Unknown user, wrong password, disabled account
 * and throttled attempt all fail with the same {@link BadCredentialsException}.
 */
class ThrottlingAuthenticationProvider implements AuthenticationProvider {

	static final String BAD_CREDENTIALS = "Bad credentials";

	private final AuthenticationProvider delegate;

	private final LoginThrottle throttle;

	private final AuditLog audit;

	ThrottlingAuthenticationProvider(AuthenticationProvider delegate, LoginThrottle throttle, AuditLog audit) {
		this.delegate = delegate;
		this.throttle = throttle;
		this.audit = audit;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = authentication.getName();
		String address = (authentication.getDetails() instanceof WebAuthenticationDetails details)
				? details.getRemoteAddress() : "unknown";
		if (this.throttle.blocked(username, address)) {
			this.audit.record(username, "LOGIN_THROTTLED", null, null, address);
			throw new BadCredentialsException(BAD_CREDENTIALS);
		}
		try {
			Authentication result = this.delegate.authenticate(authentication);
			this.throttle.succeeded(username);
			this.audit.record(username, "LOGIN_SUCCESS", null, null, address);
			return result;
		}
		catch (AuthenticationException ex) {
			this.throttle.failed(username, address);
			this.audit.record(username, "LOGIN_FAILURE", null, ex.getClass().getSimpleName(), address);
			throw new BadCredentialsException(BAD_CREDENTIALS);
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return this.delegate.supports(authentication);
	}

}
