package org.dafu.platform.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How many requests work at once ({@link WorkLimitFilter}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorkLimitProperties.class)
class WorkLimitConfiguration {

	/**
	 * After Spring Security's filter chain, the open data validators and the page cache:
	 * a page answered from the cache or by {@code 304 Not Modified} does not wait.
	 */
	@Bean
	FilterRegistrationBean<WorkLimitFilter> workLimitFilter(WorkLimitProperties properties) {
		FilterRegistrationBean<WorkLimitFilter> registration = new FilterRegistrationBean<>(
				new WorkLimitFilter(properties));
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 20);
		return registration;
	}

}
