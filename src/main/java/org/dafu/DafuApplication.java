package org.dafu;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application. Micrometer's metrics and observations are left out: nothing exports or
 * shows them (only the health endpoint is exposed), and with them every request paid for
 * timers around each security filter and the request, and every log-level check
 * (Thymeleaf checks one per expression) went through the metrics' logback turbo filter
 * (docs/benchmarks.md, "Where an uncached letter's time went").
 */
@SpringBootApplication(excludeName = {
		"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
		"org.springframework.boot.micrometer.observation.autoconfigure.ScheduledTasksObservationAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.logging.logback.LogbackMetricsAutoConfiguration" })
public class DafuApplication {

	public static void main(String[] args) {
		SpringApplication.run(DafuApplication.class, args);
	}

}
