package org.dafu.search;

import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenSearch backend for several instances (docs/operations.md), chosen by
 * {@code dafu.search.backend=opensearch}: Hibernate Search's Elasticsearch backend at
 * {@code dafu.search.opensearch.url}, told it talks to OpenSearch 2.19 (no version probe
 * at start), and outbox-polling coordination, so that a change made on any instance
 * reaches the shared index exactly once: each changing transaction writes an event in
 * {@code hsearch_outbox_event}, and the instances' agents share the events out and index
 * each once. With the default Lucene backend each instance has its own index and nothing
 * here applies. Any {@code spring.jpa.properties.hibernate.search.*} set explicitly wins.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "dafu.search.backend", havingValue = "opensearch")
class OpenSearchConfiguration {

	@Bean
	HibernatePropertiesCustomizer openSearchProperties(
			@Value("${dafu.search.opensearch.url:http://localhost:9200}") String url) {
		URI uri = URI.create(url.strip());
		if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
			throw new IllegalStateException("dafu.search.opensearch.url must be an http(s) address, not " + url);
		}
		return (properties) -> {
			properties.putIfAbsent("hibernate.search.backend.uris", uri.toString());
			properties.putIfAbsent("hibernate.search.backend.version", "opensearch:2.19");
			properties.putIfAbsent("hibernate.search.backend.version_check.enabled", "false");
			properties.putIfAbsent("hibernate.search.coordination.strategy", "outbox-polling");
			// a missing index is created at boot; one with another mapping is not refused
			// there but found by the start-up check, which rebuilds it
			// (SearchIndexStartup)
			properties.putIfAbsent("hibernate.search.schema_management.strategy", "create");
		};
	}

}
