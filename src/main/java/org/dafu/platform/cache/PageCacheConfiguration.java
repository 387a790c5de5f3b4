package org.dafu.platform.cache;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The public page cache (docs/operations.md): switched on by default,
 * {@code dafu.page-cache.enabled=false} switches it off.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PageCacheProperties.class)
@ConditionalOnProperty(name = "dafu.page-cache.enabled", havingValue = "true", matchIfMissing = true)
class PageCacheConfiguration {

	/** The cookie that holds the chosen language (platform/i18n). */
	static final String LANGUAGE_COOKIE = "dafu-lang";

	@Bean
	PageCache pageCache(PageCacheProperties properties, PublicChangeLog changes) {
		PageCache cache = new PageCache(properties.maxSize().toBytes());
		changes.follow(cache);
		return cache;
	}

	@Bean
	PageCacheFilter pageCacheFilterInstance(PageCache cache, PublicChangeLog changes, PageCacheProperties properties,
			LocaleResolver localeResolver) {
		return new PageCacheFilter(cache, changes, properties, localeResolver);
	}

	/** After Spring Security's filter chain, so that the signed-in viewer is known. */
	@Bean
	FilterRegistrationBean<PageCacheFilter> pageCacheFilter(PageCacheFilter filter) {
		FilterRegistrationBean<PageCacheFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10);
		return registration;
	}

	/**
	 * Before the session repository (Spring Session's filter, at
	 * {@code HIGHEST_PRECEDENCE + 50}) and Spring Security, after the correlation id and
	 * the database outage page: only requests that cannot be signed in.
	 */
	@Bean
	FilterRegistrationBean<PageCacheFilter.Early> earlyPageCacheFilter(PageCacheFilter filter) {
		FilterRegistrationBean<PageCacheFilter.Early> registration = new FilterRegistrationBean<>(
				new PageCacheFilter.Early(filter, LANGUAGE_COOKIE));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

}
