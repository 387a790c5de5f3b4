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
 * and throttled attempt all fail with the same {@link BadCredentialsException}, and all
 * of them do the same work: the password is compared with a hash every time (the delegate
 * compares with a dummy hash for unknown users), also when the attempt is blocked, so a
 * blocked attempt takes as long as any other.
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
				? details.getRemoteAddress() : null;
		boolean blocked = this.throttle.blocked(username, address);
		Authentication result;
		try {
			// Always: the hash comparison is what takes the time.
			result = this.delegate.authenticate(authentication);
		}
		catch (AuthenticationException ex) {
			this.throttle.failed(username, address);
			this.audit.record(username, blocked ? "LOGIN_THROTTLED" : "LOGIN_FAILURE", null,
					ex.getClass().getSimpleName(), address);
			throw new BadCredentialsException(BAD_CREDENTIALS);
		}
		if (blocked) {
			// The right password, but this pair or address must wait: answered like a
			// wrong one, and not counted against the account.
			this.audit.record(username, "LOGIN_THROTTLED", null, "right password while blocked", address);
			throw new BadCredentialsException(BAD_CREDENTIALS);
		}
		this.throttle.succeeded(username, address);
		this.audit.record(username, "LOGIN_SUCCESS", null, null, address);
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return this.delegate.supports(authentication);
	}

}
