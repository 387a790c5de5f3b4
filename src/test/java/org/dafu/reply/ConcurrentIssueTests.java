package org.dafu.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fifty drafts of one unit issued at the same moment get fifty distinct, consecutive 索引号:
 * the allocator's row lock serialises them, nobody gets a duplicate or a gap.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class ConcurrentIssueTests {

	static final int DRAFTS = 50;

	@Autowired
	ReplyReview review;

	@Autowired
	TestData data;

	@Test
	void fiftyParallelIssuesAllocateFiftyConsecutiveIndexNumbers() throws Exception {
		Scenario s = this.data.scenario();
		List<Long> drafts = new ArrayList<>();
		for (int i = 0; i < DRAFTS; i++) {
			drafts.add(this.data.draft(s, this.data.anotherProposal(s), "并发" + i));
		}
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(10);
		try {
			List<Future<String>> issued = new ArrayList<>();
			for (long draft : drafts) {
				issued.add(pool.submit(() -> {
					start.await();
					return this.review.issue(s.official(), draft, 0).indexNumber();
				}));
			}
			start.countDown();
			Set<String> numbers = new TreeSet<>();
			for (Future<String> future : issued) {
				numbers.add(future.get(2, TimeUnit.MINUTES));
			}
			Set<String> expected = new TreeSet<>();
			for (int serial = 1; serial <= DRAFTS; serial++) {
				expected.add("T" + s.n() + "/2022-" + String.format("%06d", serial));
			}
			assertThat(numbers).isEqualTo(expected);
		}
		finally {
			pool.shutdownNow();
		}
	}

}
