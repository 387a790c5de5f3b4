package org.dafu.platform.web;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many requests the application works on at once ({@code dafu.work-limit.*},
 * docs/operations.md).
 *
 * @param permits the requests worked on at once; zero or less: twice the processors the
 * JVM sees
 * @param maxWait how long a request waits for its turn before it is answered 503 with
 * {@code Retry-After}
 * @param excludedPaths the requests that never wait (Ant patterns): long transfers
 * (exports, uploads, original documents), static files and the health endpoint
 */
@ConfigurationProperties("dafu.work-limit")
public record WorkLimitProperties(Integer permits, Duration maxWait, List<String> excludedPaths) {

	public WorkLimitProperties {
		permits = (permits != null && permits > 0) ? permits : 2 * Runtime.getRuntime().availableProcessors();
		maxWait = (maxWait != null) ? maxWait : Duration.ofSeconds(20);
		excludedPaths = (excludedPaths != null) ? List.copyOf(excludedPaths)
				: List.of("/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/actuator/**", "/**/*.csv",
						"/**/*.xlsx", "/**/original", "/api/v1/imports/**", "/workspace/unit/import/**");
	}

}
