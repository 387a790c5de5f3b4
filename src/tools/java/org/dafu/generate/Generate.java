package org.dafu.generate;

import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.dafu.DafuApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The data generator's command line (docs/benchmarks.md), a tool outside the
 * application's jar (src/tools/java, compiled into target/tools-classes):
 *
 * <pre>
 * ./mvnw -q compile exec:java -Dexec.args="--replies=100000 --seed=42"
 * </pre>
 *
 * It starts the application (so the schema is migrated as usual) on a random local port,
 * against the embedded database ({@code -Ddafu.embedded-db.dir=...}) or
 * {@code SPRING_DATASOURCE_URL}, writes the replies and exits. Options:
 * {@code --replies=N} (default 1000), {@code --seed=S} (default 42), {@code --scope=TAG}
 * (names made unique with a tag, to generate twice into one database).
 */
public final class Generate {

	private Generate() {
	}

	public static void main(String[] args) {
		Map<String, String> options = new HashMap<>();
		for (String arg : args) {
			if (!arg.startsWith("--") || !arg.contains("=")) {
				throw new IllegalArgumentException("expected --name=value, got: " + arg);
			}
			options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
		}
		GenerateSettings settings = new GenerateSettings(Integer.parseInt(options.getOrDefault("replies", "1000")),
				Long.parseLong(options.getOrDefault("seed", "42")), options.getOrDefault("scope", ""));
		// The whole application starts (its security configuration needs the web stack),
		// on
		// a random local port that nothing uses, and stops when the data is written.
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(DafuApplication.class).run(
				"--server.port=0", "--server.address=127.0.0.1", "--dafu.demo.enabled=false",
				"--dafu.notify.scheduler.enabled=false", "--spring.main.banner-mode=off")) {
			GenerateResult result = new ReplyGenerator(context.getBean(DataSource.class)).generate(settings);
			System.out.printf("Generated %d replies (%d sections, %d figures, %d evaluations) in %d s%n",
					result.replies(), result.sections(), result.figures(), result.evaluations(),
					result.took().toSeconds());
		}
	}

}
