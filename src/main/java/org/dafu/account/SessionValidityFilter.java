package org.dafu.account;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session, before the security context is read from it, when
 * <ul>
 * <li>it is older than the absolute timeout, counted from sign-in (the idle timeout is
 * the container's {@code server.servlet.session.timeout});</li>
 * <li>its account was disabled or had its password changed since sign-in (the account's
 * session epoch moved on).</li>
 * </ul>
 * The request then continues as anonymous, so protected pages send it to the sign-in
 * page. Checking the database on each signed-in request works with any session store and
 * any number of instances.
 */
class SessionValidityFilter extends OncePerRequestFilter {

	/** Session attribute: when the session signed in. */
	static final String SIGNED_IN_AT = SessionValidityFilter.class.getName() + ".signedInAt";

	private final Duration absoluteTimeout;

	private final Clock clock;

	private final SessionStates states;

	SessionValidityFilter(Duration absoluteTimeout, Clock clock, SessionStates states) {
		this.absoluteTimeout = absoluteTimeout;
		this.clock = clock;
		this.states = states;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (session != null && shouldEnd(session)) {
			session.invalidate();
		}
		chain.doFilter(request, response);
	}

	private boolean shouldEnd(HttpSession session) {
		Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
		if (!(context instanceof SecurityContext securityContext)) {
			return false;
		}
		Authentication authentication = securityContext.getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof AccountUser user)) {
			return false;
		}
		Object signedInAt = session.getAttribute(SIGNED_IN_AT);
		Instant since = (signedInAt instanceof Instant at) ? at : Instant.ofEpochMilli(session.getCreationTime());
		if (since.plus(this.absoluteTimeout).isBefore(this.clock.instant())) {
			return true;
		}
		return !this.states.stillValid(user.accountId(), user.sessionEpoch());
	}

	/** Whether an account's sessions signed in under an epoch may go on. */
	@FunctionalInterface
	interface SessionStates {

		boolean stillValid(long accountId, int sessionEpoch);

	}

}
