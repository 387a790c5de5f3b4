package org.dafu.platform;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One clock for the application, in China Standard Time; tests replace it to move time.
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@Bean
	public Clock clock() {
		return Clock.system(ZONE);
	}

}
