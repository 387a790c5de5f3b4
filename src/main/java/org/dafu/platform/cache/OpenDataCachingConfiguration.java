package org.dafu.platform.cache;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.LocaleResolver;

/**
 * HTTP validators and {@code Cache-Control} of open data (docs/operations.md):
 * {@code dafu.open-data.max-age} (60s) is how long a browser or proxy may reuse an
 * anonymous response without asking.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class OpenDataCachingConfiguration {

	/** After Spring Security's filter chain, so that the signed-in viewer is known. */
	@Bean
	FilterRegistrationBean<OpenDataValidatorsFilter> openDataValidatorsFilter(JdbcTemplate jdbc, Clock clock,
			LocaleResolver localeResolver, @Value("${dafu.open-data.max-age:60s}") Duration maxAge,
			ObjectProvider<BuildProperties> build) {
		BuildProperties properties = build.getIfAvailable();
		FilterRegistrationBean<OpenDataValidatorsFilter> registration = new FilterRegistrationBean<>(
				new OpenDataValidatorsFilter(jdbc, clock, localeResolver, maxAge,
						(properties != null) ? properties.getTime() : null));
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 5);
		return registration;
	}

}
