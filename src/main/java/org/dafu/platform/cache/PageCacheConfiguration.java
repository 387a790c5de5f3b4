package org.dafu.platform.cache;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The public page cache (docs/operations.md): switched on by default,
 * {@code dafu.page-cache.enabled=false} switches it off.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PageCacheProperties.class)
@ConditionalOnProperty(name = "dafu.page-cache.enabled", havingValue = "true", matchIfMissing = true)
class PageCacheConfiguration {

	@Bean
	PageCache pageCache(PageCacheProperties properties) {
		return new PageCache(properties.maxSize().toBytes());
	}

	@Bean
	ContentVersion contentVersion(JdbcTemplate jdbc, PageCacheProperties properties, PageCache cache) {
		return new ContentVersion(jdbc, properties.versionCheckInterval(), cache::clear);
	}

	/** After Spring Security's filter chain, so that the signed-in viewer is known. */
	@Bean
	FilterRegistrationBean<PageCacheFilter> pageCacheFilter(PageCache cache, ContentVersion version,
			PageCacheProperties properties, LocaleResolver localeResolver) {
		FilterRegistrationBean<PageCacheFilter> registration = new FilterRegistrationBean<>(
				new PageCacheFilter(cache, version, properties, localeResolver));
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10);
		return registration;
	}

	@Bean
	LocalChanges pageCacheLocalChanges(ContentVersion version) {
		return new LocalChanges(version);
	}

	/**
	 * Features publish their changes as events (reply.ReplyChanged and others): once such
	 * a transaction has committed, this instance's pages are stale at once, without
	 * waiting for the next version check. (The platform knows no feature, so it listens
	 * to every event published as a plain object; the database trigger catches the rest.)
	 */
	static class LocalChanges {

		private final ContentVersion version;

		LocalChanges(ContentVersion version) {
			this.version = version;
		}

		@TransactionalEventListener(fallbackExecution = true)
		void afterCommit(PayloadApplicationEvent<?> event) {
			this.version.changed();
		}

	}

}
