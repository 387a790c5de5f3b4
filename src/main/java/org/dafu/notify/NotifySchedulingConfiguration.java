package org.dafu.notify;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The notification jobs: deadline and rating reminders (hourly by default) and mail
 * retries (every minute). Several instances may run them at once; the database keeps them
 * from sending twice. Tests switch them off ({@code dafu.notify.scheduler.enabled=false})
 * and call the jobs directly.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "dafu.notify.scheduler.enabled", havingValue = "true", matchIfMissing = true)
class NotifySchedulingConfiguration {

	private final DeadlineReminders reminders;

	private final MailDispatcher dispatcher;

	private final RatingReminders ratingReminders;

	NotifySchedulingConfiguration(DeadlineReminders reminders, MailDispatcher dispatcher,
			RatingReminders ratingReminders) {
		this.reminders = reminders;
		this.dispatcher = dispatcher;
		this.ratingReminders = ratingReminders;
	}

	@Scheduled(initialDelayString = "${dafu.notify.reminders.initial-delay:PT1M}",
			fixedDelayString = "${dafu.notify.reminders.interval:PT1H}")
	void sendReminders() {
		this.reminders.run();
	}

	/** 待测评 reminders to deputies, on the same schedule as the deadline reminders. */
	@Scheduled(initialDelayString = "${dafu.notify.reminders.initial-delay:PT1M}",
			fixedDelayString = "${dafu.notify.reminders.interval:PT1H}")
	void sendRatingReminders() {
		this.ratingReminders.run();
	}

	@Scheduled(initialDelayString = "PT30S", fixedDelayString = "${dafu.notify.mail.retry-interval:PT1M}")
	void retryMail() {
		this.dispatcher.dispatchDue();
	}

}
