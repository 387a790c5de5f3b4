package org.dafu.proof;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import tools.jackson.databind.json.JsonMapper;

/**
 * The Nu Html Checker (the W3C's validator, {@code nu.validator:validator}) run on a
 * page's HTML in this JVM. It needs the libraries it was built with (an ICU4J older than
 * the application's, Jetty 9's JSON), so the build copies them to
 * {@code target/nu-validator} and they are loaded here in a class loader of their own,
 * apart from the application's classes.
 */
final class NuHtmlChecker {

	private static NuHtmlChecker instance;

	private final Object validator;

	private final Method validate;

	private final JsonMapper json = JsonMapper.builder().build();

	private NuHtmlChecker(Path jars) throws ReflectiveOperationException, IOException {
		URL[] urls;
		try (Stream<Path> files = Files.list(jars)) {
			urls = files.filter((p) -> p.toString().endsWith(".jar"))
				.sorted()
				.map(NuHtmlChecker::url)
				.toArray(URL[]::new);
		}
		if (urls.length == 0) {
			throw new IllegalStateException("No Nu Html Checker jars in " + jars + ": run the build (mvnw test)");
		}
		ClassLoader loader = new URLClassLoader("nu-validator", urls, ClassLoader.getPlatformClassLoader());
		Class<?> type = Class.forName("nu.validator.client.EmbeddedValidator", true, loader);
		Class<?> format = Class.forName("nu.validator.client.EmbeddedValidator$OutputFormat", true, loader);
		this.validator = type.getConstructor().newInstance();
		type.getMethod("setOutputFormat", format).invoke(this.validator, format.getField("JSON").get(null));
		this.validate = type.getMethod("validate", InputStream.class);
	}

	/** The checker, made once (loading its schemas takes a few seconds). */
	static synchronized NuHtmlChecker get() {
		if (instance == null) {
			Path jars = Path.of(System.getProperty("dafu.nu-validator.dir", "target/nu-validator"));
			try {
				instance = new NuHtmlChecker(jars);
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException("Cannot load the Nu Html Checker from " + jars, ex);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return instance;
	}

	/** The errors the checker finds in {@code html} (warnings and notes left aside). */
	synchronized List<Message> errors(String html) {
		String report;
		try {
			report = (String) this.validate.invoke(this.validator,
					new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("The Nu Html Checker failed", ex);
		}
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> messages = (List<Map<String, Object>>) this.json.readValue(report, Map.class)
			.get("messages");
		return messages.stream()
			.filter((m) -> "error".equals(m.get("type")) || "non-document-error".equals(m.get("type")))
			.map((m) -> new Message(number(m.get("lastLine")), number(m.get("firstColumn")), (String) m.get("message"),
					(String) m.get("extract")))
			.toList();
	}

	private static int number(Object value) {
		return (value instanceof Number n) ? n.intValue() : 0;
	}

	private static URL url(Path path) {
		try {
			return path.toUri().toURL();
		}
		catch (MalformedURLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** One error: where, what, and the source around it. */
	record Message(int line, int column, String message, String extract) {

		@Override
		public String toString() {
			return "line " + this.line + ", column " + this.column + ": " + this.message
					+ ((this.extract != null) ? "\n      " + this.extract.replace("\n", "\u21b5") : "");
		}

	}

}
