package org.dafu.search;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * The test's application context searches on the OpenSearch backend: the test JVM's real
 * OpenSearch node ({@link OpenSearchNode}, started on first use) with outbox-polling
 * coordination, as several instances run in production. Indexing is then asynchronous, so
 * every search in the context first waits until the changes committed so far are indexed
 * and visible ({@link OpenSearchIndexing}). The context is its own (cached apart from the
 * Lucene ones); all of them share the JVM's database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextCustomizerFactories(OpenSearchBackend.Factory.class)
public @interface OpenSearchBackend {

	/** Registered by the annotation. */
	class Factory implements ContextCustomizerFactory {

		@Override
		public ContextCustomizer createContextCustomizer(Class<?> testClass,
				List<ContextConfigurationAttributes> configAttributes) {
			return new Customizer();
		}

	}

	/** The backend's properties, and searches that wait for indexing. */
	final class Customizer implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			TestPropertyValues.of("dafu.search.backend=opensearch", "dafu.search.opensearch.url=" + url())
				.applyTo(context);
			context.addBeanFactoryPostProcessor(
					(beanFactory) -> beanFactory.addBeanPostProcessor(OpenSearchIndexing.searchesWaitFor(beanFactory)));
		}

		private static String url() {
			return OpenSearchNode.get().url();
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Customizer;
		}

		@Override
		public int hashCode() {
			return Customizer.class.hashCode();
		}

	}

}
