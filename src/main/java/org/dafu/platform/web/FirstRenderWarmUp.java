package org.dafu.platform.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Renders the home page, the figures dashboard and the statistics once each (a
 * {@code HEAD}) before the application reports itself ready (docs/operations.md,
 * "Start-up"), so that their first visitors do not pay for parsing their templates,
 * compiling their expressions and loading the classes and bundles of a first render. The
 * requests go to the application's own port over the loopback interface (or the address
 * it listens on) with no cookie and no credentials: they are rendered exactly as for an
 * anonymous visitor, and the page cache never stores the answer to a {@code HEAD}, so
 * nothing is kept of them but what any first visitor leaves behind (the read API's count
 * of public replies, the statistics' tallies read). Their answers are read and dropped. A
 * failure is logged and changes nothing. Off with {@code dafu.warm-up.enabled=false};
 * skipped without a web server (commands, tests without a port).
 */
@Component
@Order(100)
class FirstRenderWarmUp implements ApplicationRunner {

	static final List<String> PATHS = List.of("/", "/figures", "/statistics");

	private static final Logger log = LoggerFactory.getLogger(FirstRenderWarmUp.class);

	private final ApplicationContext context;

	private final Environment environment;

	FirstRenderWarmUp(ApplicationContext context, Environment environment) {
		this.context = context;
		this.environment = environment;
	}

	/** The address the server listens on; the loopback one when it listens on all. */
	private String host() {
		String address = this.environment.getProperty("server.address", "").strip();
		if (address.isEmpty() || address.equals("0.0.0.0") || address.equals("::")) {
			return "127.0.0.1";
		}
		return address.contains(":") ? "[" + address + "]" : address;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.environment.getProperty("dafu.warm-up.enabled", Boolean.class, true)
				|| !(this.context instanceof WebServerApplicationContext web) || web.getWebServer() == null
				|| web.getWebServer().getPort() <= 0) {
			return;
		}
		String contextPath = this.environment.getProperty("server.servlet.context-path", "");
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		for (String path : PATHS) {
			URI uri = URI.create("http://" + host() + ":" + web.getWebServer().getPort() + contextPath + path);
			long started = System.nanoTime();
			try {
				HttpResponse<Void> response = client.send(HttpRequest.newBuilder(uri)
					.timeout(Duration.ofSeconds(30))
					.method("HEAD", HttpRequest.BodyPublishers.noBody())
					.build(), HttpResponse.BodyHandlers.discarding());
				log.info("warm-up: rendered HEAD {} for an anonymous visitor in {} ms ({})", path,
						(System.nanoTime() - started) / 1_000_000, response.statusCode());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (Exception ex) {
				log.warn("warm-up: {} could not be rendered ({}); the first visitor renders it", path, ex.toString());
			}
		}
	}

}
