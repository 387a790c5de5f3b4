package org.dafu.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.FileSystemUtils;

/**
 * Hibernate Search's settings (docs/search.md). {@code dafu.search.backend} chooses the
 * backend: {@code lucene} (the default: an index on local disk, under the data directory
 * unless {@code dafu.search.index-dir} says where; a temporary directory when that is set
 * empty, as in tests) or {@code opensearch} (Hibernate Search's Elasticsearch backend,
 * configured with {@code spring.jpa.properties.hibernate.search.backend.*}). Any
 * {@code spring.jpa.properties.hibernate.search.*} set explicitly wins over what is set
 * here.
 */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SearchConfiguration.class);

	@Bean
	HibernatePropertiesCustomizer searchProperties(@Value("${dafu.search.backend:lucene}") String backend,
			@Value("${dafu.search.index-dir:${dafu.embedded-db.dir:./data}/search-index}") String indexDir,
			@Value("${dafu.search.synchronization:sync}") String synchronization,
			@Value("${dafu.search.commit-interval:10s}") Duration commitInterval) {
		return (properties) -> {
			String type = backend.strip().toLowerCase(Locale.ROOT);
			switch (type) {
				case "lucene" -> {
					putIfAbsent(properties, "hibernate.search.backend.type", "lucene");
					putIfAbsent(properties, "hibernate.search.backend.analysis.configurer",
							"class:" + LuceneChineseAnalysis.class.getName());
					putIfAbsent(properties, "hibernate.search.backend.directory.type", "local-filesystem");
					putIfAbsent(properties, "hibernate.search.backend.directory.root", indexRoot(indexDir));
					// how long a change not committed with its transaction (a draft's
					// edit,
					// reply/ReplySearchIndex.forDraftEdit) waits for the index's commit
					putIfAbsent(properties, "hibernate.search.backend.io.commit_interval",
							Long.toString(commitInterval.toMillis()));
				}
				case "opensearch", "elasticsearch" -> {
					putIfAbsent(properties, "hibernate.search.backend.type", "elasticsearch");
					putIfAbsent(properties, "hibernate.search.backend.analysis.configurer",
							"class:" + ElasticsearchChineseAnalysis.class.getName());
				}
				default ->
					throw new IllegalStateException("dafu.search.backend must be lucene or opensearch, not " + backend);
			}
			// a transaction that changes replies ends once the change is searchable; not
			// with
			// the outbox-polling coordination of several instances
			// (OpenSearchConfiguration),
			// which indexes from a queue, asynchronously, and refuses this setting
			if (!"outbox-polling".equals(properties.get("hibernate.search.coordination.strategy"))
					&& !"opensearch".equals(type)) {
				putIfAbsent(properties, "hibernate.search.indexing.plan.synchronization.strategy", synchronization);
			}
		};
	}

	private static void putIfAbsent(Map<String, Object> properties, String key, String value) {
		properties.putIfAbsent(key, value);
	}

	/**
	 * The index directory, or a fresh temporary one (deleted on exit) when none is set.
	 */
	static String indexRoot(String indexDir) {
		try {
			if (indexDir == null || indexDir.isBlank()) {
				Path temporary = Files.createTempDirectory("dafu-search-");
				Runtime.getRuntime().addShutdownHook(new Thread(() -> {
					try {
						FileSystemUtils.deleteRecursively(temporary);
					}
					catch (IOException ex) {
						// a temporary directory
					}
				}));
				return temporary.toString();
			}
			Path dir = Path.of(indexDir).toAbsolutePath().normalize();
			Files.createDirectories(dir);
			log.info("search: Lucene index in {}", dir);
			return dir.toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
