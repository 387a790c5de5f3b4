package org.dafu.platform.db;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * When no datasource URL is configured, starts the embedded PostgreSQL and points the
 * datasource at it. With {@code SPRING_DATASOURCE_URL} set (production) it does nothing.
 *
 * <p>
 * Properties: {@code dafu.embedded-db.enabled} (default true),
 * {@code dafu.embedded-db.dir} (default {@code ./data}),
 * {@code dafu.embedded-db.ephemeral} (tests: a throw-away cluster per JVM).
 */
public class EmbeddedPostgresEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	public static final String PROPERTY_SOURCE = "dafuEmbeddedPostgres";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))
				|| !environment.getProperty("dafu.embedded-db.enabled", Boolean.class, true)
				|| environment.getPropertySources().contains(PROPERTY_SOURCE)) {
			return;
		}
		EmbeddedPostgresServer server = environment.getProperty("dafu.embedded-db.ephemeral", Boolean.class, false)
				? EmbeddedPostgres.ephemeral()
				: EmbeddedPostgres.persistent(Path.of(environment.getProperty("dafu.embedded-db.dir", "./data")));
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.datasource.url", server.jdbcUrl());
		properties.put("spring.datasource.username", server.username());
		properties.put("spring.datasource.password", server.password());
		properties.put("dafu.embedded-db.active", "true");
		// Demo data belongs to the embedded (development) mode only, unless switched off.
		properties.put("dafu.demo.enabled", "true");
		environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, properties));
	}

	@Override
	public int getOrder() {
		// After the config files are loaded, so that application.properties can set the
		// directory or switch the embedded server off.
		return Ordered.LOWEST_PRECEDENCE;
	}

}
