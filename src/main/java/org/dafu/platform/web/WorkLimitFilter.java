package org.dafu.platform.web;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a fixed number of requests work at once (by default twice the processors); the
 * others wait their turn in arrival order, parked, and one that waits longer than
 * {@code dafu.work-limit.max-wait} is answered 503 with {@code Retry-After} (the error
 * page). Pages are work for the processor, and the database connections are few: with
 * Tomcat's 200 threads all working at once on two cores, each page took three times the
 * processor time, the JIT's compiler threads went without a turn for minutes after a
 * start, and the slowest pages waited for a core (docs/benchmarks.md). Long transfers
 * (exports, uploads, original documents), static files and the health endpoint never
 * wait; cached pages are answered before this filter.
 */
class WorkLimitFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(WorkLimitFilter.class);

	private final Semaphore permits;

	private final int size;

	private final long maxWaitNanos;

	private final PathPatterns excluded;

	WorkLimitFilter(WorkLimitProperties properties) {
		this.size = properties.permits();
		this.permits = new Semaphore(this.size, true);
		this.maxWaitNanos = properties.maxWait().toNanos();
		this.excluded = new PathPatterns(properties.excludedPaths());
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return this.excluded.matches(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!acquire()) {
			log.warn("503: no turn to work within {} ms for {} {} ({} more waiting)", this.maxWaitNanos / 1_000_000,
					request.getMethod(), LogSafe.of(request.getRequestURI()), waiting());
			response.setHeader(HttpHeaders.RETRY_AFTER, "5");
			response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.permits.release();
		}
	}

	/** Requests at work now. */
	int atWork() {
		return this.size - this.permits.availablePermits();
	}

	/** Requests waiting for their turn now. */
	int waiting() {
		return this.permits.getQueueLength();
	}

	private boolean acquire() {
		try {
			return this.permits.tryAcquire(this.maxWaitNanos, TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
