package org.dafu.search;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.MalformedURLException;
import java.net.ServerSocket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.settings.Settings;
import org.opensearch.index.reindex.ReindexPlugin;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.transport.Netty4Plugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real OpenSearch 2.19 node in the test JVM, for the tests of the OpenSearch search
 * backend: the server from Maven Central with its HTTP transport (Netty) and the analysis
 * plugin that has {@code cjk_bigram} and the reindex module (the delete-by-query
 * Hibernate Search's mass indexer purges with), started once per JVM on a free local port
 * on first use, with its data in a temporary directory, and stopped (directory removed)
 * when the JVM exits.
 * <p>
 * The node runs in a class loader of its own, made of the test class path without
 * {@code log4j-to-slf4j}: OpenSearch sets its loggers' levels through Log4j's core
 * ({@code Configurator.setLevel} casts the Log4j context to log4j-core's), which fails
 * with the application's Log4j-to-SLF4J bridge. Its Log4j, Netty and Lucene classes stay
 * apart from the application's.
 */
public final class OpenSearchNode {

	private static final Logger logger = LoggerFactory.getLogger(OpenSearchNode.class);

	private static OpenSearchNode started;

	private final AutoCloseable node;

	private final String url;

	private OpenSearchNode(AutoCloseable node, String url) {
		this.node = node;
		this.url = url;
	}

	/** The node, started on first call. */
	public static synchronized OpenSearchNode get() {
		if (started == null) {
			started = start();
		}
		return started;
	}

	/** Its HTTP address, e.g. {@code http://127.0.0.1:40123}. */
	public String url() {
		return this.url;
	}

	private static OpenSearchNode start() {
		long begin = System.nanoTime();
		try {
			Path home = Files.createTempDirectory("dafu-opensearch");
			int httpPort = freePort();
			ClassLoader loader = new URLClassLoader("opensearch", classPathWithoutLog4jBridge(),
					ClassLoader.getPlatformClassLoader());
			// OpenSearch finds its extensions with ServiceLoader through the context
			// class
			// loader; the threads the node starts inherit it
			Thread thread = Thread.currentThread();
			ClassLoader previous = thread.getContextClassLoader();
			AutoCloseable node;
			thread.setContextClassLoader(loader);
			try {
				node = (AutoCloseable) Class.forName(Launcher.class.getName(), true, loader)
					.getMethod("start", Path.class, int.class, int.class)
					.invoke(null, home, httpPort, freePort());
			}
			finally {
				thread.setContextClassLoader(previous);
			}
			OpenSearchNode started = new OpenSearchNode(node, "http://127.0.0.1:" + httpPort);
			logger.info("Test OpenSearch node started at {} in {} ms", started.url,
					(System.nanoTime() - begin) / 1_000_000);
			Runtime.getRuntime().addShutdownHook(new Thread(() -> started.stop(home), "opensearch-node-stop"));
			return started;
		}
		catch (Exception ex) {
			throw new IllegalStateException("The test OpenSearch node did not start", ex);
		}
	}

	/** Surefire passes the real class path in a property (its own is a manifest jar). */
	private static URL[] classPathWithoutLog4jBridge() throws MalformedURLException {
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<URL> urls = new ArrayList<>();
		for (String entry : classPath.split(File.pathSeparator)) {
			if (!entry.isEmpty() && !Path.of(entry).getFileName().toString().startsWith("log4j-to-slf4j")) {
				urls.add(Path.of(entry).toUri().toURL());
			}
		}
		return urls.toArray(URL[]::new);
	}

	private void stop(Path home) {
		try {
			this.node.close();
		}
		catch (Exception ex) {
			// the JVM is ending: the directory goes anyway
		}
		try (Stream<Path> files = Files.walk(home)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	/** Loaded and run in the node's own class loader. */
	public static final class Launcher {

		private Launcher() {
		}

		public static AutoCloseable start(Path home, int httpPort, int transportPort) throws Exception {
			Settings settings = Settings.builder()
				.put("cluster.name", "dafu-test")
				.put("node.name", "dafu-test")
				.put("path.home", home.toString())
				.put("path.data", home.resolve("data").toString())
				.put("path.logs", home.resolve("logs").toString())
				.put("discovery.type", "single-node")
				.put("network.host", "127.0.0.1")
				.put("http.port", httpPort)
				.put("transport.port", transportPort)
				.put("http.type", "netty4")
				.put("transport.type", "netty4")
				// the tests' temporary disk may be nearly full: never refuse to allocate
				.put("cluster.routing.allocation.disk.threshold_enabled", false)
				// the JVM's heap is shared with the Spring contexts of the tests: only
				// the
				// node's own accounting may trip its breakers
				.put("indices.breaker.total.use_real_memory", false)
				.build();
			Node node = new ClasspathPluginsNode(settings);
			node.start();
			return node;
		}

	}

	/**
	 * A node whose plugins are classes on the class path (the same way OpenSearch's own
	 * test framework starts one), not plugin directories under path.home.
	 */
	private static final class ClasspathPluginsNode extends Node {

		ClasspathPluginsNode(Settings settings) {
			super(InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> "dafu-test"),
					List.of(Netty4Plugin.class, CommonAnalysisPlugin.class, ReindexPlugin.class), true);
		}

	}

}
