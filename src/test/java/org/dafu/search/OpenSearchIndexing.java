package org.dafu.search;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.awaitility.Awaitility.await;

/**
 * Waiting for the OpenSearch backend's asynchronous indexing, by its condition, never by
 * time: the outbox holds no pending event (each was indexed by an agent, which deletes it
 * once its document is written), then the node refreshes its indexes so that what was
 * written is searchable.
 */
public final class OpenSearchIndexing {

	/** Generous: a loaded machine shared by several test JVMs. */
	private static final Duration BOUND = Duration.ofMinutes(2);

	private static final HttpClient http = HttpClient.newHttpClient();

	private OpenSearchIndexing() {
	}

	/** Waits until every change committed so far is indexed and searchable. */
	public static void awaitIndexed(DataSource dataSource) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		await("the outbox emptied by the indexing agents").atMost(BOUND)
			.pollInterval(Duration.ofMillis(50))
			.until(() -> pendingEvents(jdbc) == 0);
		refresh();
	}

	/** Index changes written by the application and not yet indexed. */
	public static long pendingEvents(JdbcTemplate jdbc) {
		Long pending = jdbc.queryForObject("select count(*) from hsearch_outbox_event where status = 'PENDING'",
				Long.class);
		return (pending != null) ? pending : 0;
	}

	/** The body of a GET from the node (status 200 required). */
	public static String get(String path) {
		try {
			HttpResponse<String> response = http.send(
					HttpRequest.newBuilder(URI.create(OpenSearchNode.get().url() + path)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(path + ": " + response.statusCode() + " " + response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Makes everything written to the node's indexes searchable. */
	public static void refresh() {
		try {
			HttpResponse<String> response = http
				.send(HttpRequest.newBuilder(URI.create(OpenSearchNode.get().url() + "/_refresh"))
					.POST(HttpRequest.BodyPublishers.noBody())
					.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("refresh: " + response.statusCode() + " " + response.body());
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Wraps the context's {@link SearchService} so that each of its calls (from the
	 * tests, the search page, the API and the exports) first waits for the changes
	 * committed so far, as a visitor arriving after the indexing would see them.
	 */
	static BeanPostProcessor searchesWaitFor(BeanFactory beanFactory) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (!(bean instanceof SearchService)) {
					return bean;
				}
				ProxyFactory proxy = new ProxyFactory(bean);
				proxy.setProxyTargetClass(true);
				proxy.addAdvice((org.aopalliance.intercept.MethodInterceptor) (invocation) -> {
					awaitIndexed(beanFactory.getBean(DataSource.class));
					return invocation.proceed();
				});
				return proxy.getProxy(bean.getClass().getClassLoader());
			}

		};
	}

}
