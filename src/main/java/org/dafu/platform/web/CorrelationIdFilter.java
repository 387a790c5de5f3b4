package org.dafu.platform.web;

import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a short id, put in the log context and shown on error pages, so a
 * user's report can be matched to the log without showing them any internals.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CorrelationIdFilter extends OncePerRequestFilter {

	public static final String MDC_KEY = "cid";

	public static final String ATTRIBUTE = CorrelationIdFilter.class.getName();

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// eight hex digits; not a secret, so no SecureRandom (a lock every request
		// shares)
		String id = Integer.toHexString(ThreadLocalRandom.current().nextInt() | 0x10000000);
		request.setAttribute(ATTRIBUTE, id);
		MDC.put(MDC_KEY, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(MDC_KEY);
		}
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	public static String current() {
		String id = MDC.get(MDC_KEY);
		return (id != null) ? id : "-";
	}

}
