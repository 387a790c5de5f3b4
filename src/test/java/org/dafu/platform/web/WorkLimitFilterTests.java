package org.dafu.platform.web;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A fixed number of requests at work; the others wait their turn, and one that waits too
 * long is answered 503 with {@code Retry-After}, never worked on; long transfers and
 * static files never wait; a request that fails returns its turn.
 */
class WorkLimitFilterTests {

	private final CountDownLatch release = new CountDownLatch(1);

	@AfterEach
	void releaseHeld() {
		this.release.countDown();
	}

	@Test
	void aRequestWaitsForItsTurnThenIsWorkedOn() throws Exception {
		WorkLimitFilter filter = filter(1, Duration.ofSeconds(30));
		CompletableFuture<MockHttpServletResponse> first = hold(filter, "/replies/1");
		until(() -> filter.atWork() == 1);
		CompletableFuture<MockHttpServletResponse> second = CompletableFuture.supplyAsync(() -> run(filter, "/search",
				(request, response) -> ((MockHttpServletResponse) response).getWriter().write("worked")));
		// the second waits while the first works
		until(() -> filter.waiting() == 1);
		assertThat(second).isNotDone();
		this.release.countDown();
		assertThat(first.get(30, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
		MockHttpServletResponse response = second.get(30, TimeUnit.SECONDS);
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString()).isEqualTo("worked");
	}

	@Test
	void aRequestThatWaitsTooLongIsAnswered503AndNotWorkedOn() throws Exception {
		WorkLimitFilter filter = filter(1, Duration.ofMillis(50));
		CompletableFuture<MockHttpServletResponse> first = hold(filter, "/replies/1");
		until(() -> filter.atWork() == 1);
		boolean[] worked = { false };
		MockHttpServletResponse response = run(filter, "/statistics", (request, r) -> worked[0] = true);
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("5");
		assertThat(worked[0]).isFalse();
		this.release.countDown();
		assertThat(first.get(30, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
		// the turn was returned: the next request is worked on
		assertThat(run(filter, "/statistics", (request, r) -> worked[0] = true).getStatus()).isEqualTo(200);
		assertThat(worked[0]).isTrue();
	}

	@Test
	void longTransfersStaticFilesAndHealthNeverWait() throws Exception {
		WorkLimitFilter filter = filter(1, Duration.ofMillis(1));
		CompletableFuture<MockHttpServletResponse> first = hold(filter, "/replies/1");
		until(() -> filter.atWork() == 1);
		for (String path : List.of("/replies.csv", "/replies.xlsx", "/statistics/sessions/3.xlsx", "/css/site.css",
				"/js/app.js", "/actuator/health", "/replies/7/original", "/workspace/unit/replies/7/original",
				"/api/v1/imports", "/api/v1/imports/preview", "/workspace/unit/import/confirm")) {
			boolean[] worked = { false };
			assertThat(run(filter, path, (request, response) -> worked[0] = true).getStatus()).as(path).isEqualTo(200);
			assertThat(worked[0]).as(path).isTrue();
		}
		// what is not excluded waits, here past the limit
		assertThat(run(filter, "/replies", (request, response) -> {
		}).getStatus()).isEqualTo(503);
		this.release.countDown();
		first.get(30, TimeUnit.SECONDS);
	}

	@Test
	void aRequestThatFailsReturnsItsTurn() {
		WorkLimitFilter filter = filter(1, Duration.ofMillis(1));
		assertThatThrownBy(
				() -> filter.doFilter(request("/replies/1"), new MockHttpServletResponse(), (request, response) -> {
					throw new IllegalStateException("failed");
				}))
			.isInstanceOf(IllegalStateException.class);
		assertThat(run(filter, "/replies/1", (request, response) -> {
		}).getStatus()).isEqualTo(200);
	}

	@Test
	void byDefaultTwiceTheProcessors() {
		int processors = Runtime.getRuntime().availableProcessors();
		assertThat(new WorkLimitProperties(null, null, null).permits()).isEqualTo(2 * processors);
		assertThat(new WorkLimitProperties(0, null, null).permits()).isEqualTo(2 * processors);
		assertThat(new WorkLimitProperties(3, null, null).permits()).isEqualTo(3);
		assertThat(new WorkLimitProperties(null, null, null).maxWait()).isEqualTo(Duration.ofSeconds(20));
	}

	private static WorkLimitFilter filter(int permits, Duration maxWait) {
		return new WorkLimitFilter(new WorkLimitProperties(permits, maxWait, null));
	}

	/** A request that works until the test releases it. */
	private CompletableFuture<MockHttpServletResponse> hold(WorkLimitFilter filter, String path) {
		return CompletableFuture.supplyAsync(() -> run(filter, path, (request, response) -> {
			try {
				this.release.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}));
	}

	/** Waits until the condition holds (at most 30 s). */
	private static void until(BooleanSupplier condition) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("the condition held within 30 s").isLessThan(deadline);
			Thread.onSpinWait();
		}
	}

	private static MockHttpServletResponse run(WorkLimitFilter filter, String path, FilterChain chain) {
		MockHttpServletResponse response = new MockHttpServletResponse();
		try {
			filter.doFilter(request(path), response, chain);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return response;
	}

	private static MockHttpServletRequest request(String path) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		request.setRequestURI(path);
		return request;
	}

}
