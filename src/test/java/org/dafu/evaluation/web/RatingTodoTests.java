package org.dafu.evaluation.web;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.dafu.evaluation.EvaluationService;
import org.dafu.evaluation.RateCommand;
import org.dafu.evaluation.Rating;
import org.dafu.evaluation.RatingTodo;
import org.dafu.notify.RatingReminders;
import org.dafu.reply.DisclosureMode;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dafu.testing.AsViewer.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 待测评: the lead deputy sees, first on 我的建议, the replies they have not rated with the days
 * left in the rating window (30 days from issue by default); the co-signers, who do not
 * rate, are not asked. The reminder 7 days before the window closes goes out once per
 * deputy and reply, however often and from however many threads (instances) the job runs:
 * the database decides.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class RatingTodoTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RatingTodo todo;

	@Autowired
	RatingReminders reminders;

	@Autowired
	EvaluationService evaluations;

	@Test
	void theLeadDeputySeesWhatToRateFirstWithTheDaysLeftUntilRated() throws Exception {
		Scenario s = this.data.scenario();
		long reply = this.data.issued(s, DisclosureMode.NOT_PUBLIC, "待测评");
		issuedDaysAgo(reply, 10);
		assertThat(this.todo.of(s.lead())).filteredOn((t) -> t.replyId() == reply)
			.singleElement()
			.satisfies((t) -> assertThat(t.daysLeft()).isEqualTo(20));
		assertThat(this.todo.of(s.cosigner())).noneMatch((t) -> t.replyId() == reply);
		String page = this.mvc.perform(get("/my").with(as(s.lead())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"todo-" + reply + "\"")))
			.andExpect(content().string(containsString("剩余 20 天")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page.indexOf("todo-table")).as("待测评 comes first").isLessThan(page.indexOf("my-proposals-table"));
		this.mvc.perform(get("/my").with(as(s.cosigner())))
			.andExpect(content().string(not(containsString("id=\"todo-" + reply + "\""))));

		this.evaluations.rate(s.lead(), reply, new RateCommand(Rating.SATISFIED, Rating.SATISFIED, null));
		assertThat(this.todo.of(s.lead())).noneMatch((t) -> t.replyId() == reply);
	}

	@Test
	void theReminderGoesOutOnceSevenDaysBeforeTheWindowCloses() throws Exception {
		Scenario s = this.data.scenario();
		long early = this.data.issued(s, DisclosureMode.PROACTIVE, "尚早");
		issuedDaysAgo(early, 10);
		long due = this.data.issued(s, DisclosureMode.PROACTIVE, "将到期");
		issuedDaysAgo(due, 25);
		long rated = this.data.issued(s, DisclosureMode.PROACTIVE, "已测评");
		issuedDaysAgo(rated, 25);
		this.evaluations.rate(s.lead(), rated, new RateCommand(Rating.SATISFIED, Rating.SATISFIED, null));

		// several instances at once, then again as after a restart
		CountDownLatch start = new CountDownLatch(1);
		List<CompletableFuture<Integer>> runs = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			runs.add(CompletableFuture.supplyAsync(() -> {
				try {
					start.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return this.reminders.run();
			}));
		}
		start.countDown();
		for (CompletableFuture<Integer> run : runs) {
			run.get(60, TimeUnit.SECONDS);
		}
		this.reminders.run();

		assertThat(notices(due)).isEqualTo(1);
		assertThat(notices(early)).isZero();
		assertThat(notices(rated)).isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from rating_reminder_sent where reply_id = ?",
				Integer.class, due))
			.isEqualTo(1);
		this.mvc.perform(get("/notifications").with(as(s.lead()))).andExpect(content().string(containsString("待测评")));
	}

	private int notices(long reply) {
		return this.jdbc.queryForObject(
				"select count(*) from notification where kind = 'RATING_DUE' and reply_id = ? and recipient_deputy_id is not null",
				Integer.class, reply);
	}

	private void issuedDaysAgo(long reply, int days) {
		this.jdbc.update("update reply set issued_at = now() - make_interval(days => ?) where id = ?", days, reply);
	}

}
