package org.dafu.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml sets only variables the app reads: each is a Spring property by
 * relaxed binding (SPRING_DATASOURCE_URL is spring.datasource.url) that Boot documents or
 * the app itself reads, or one the JVM reads. And it has the shape docs/operations.md
 * describes.
 */
class ComposeFileTests {

	/** Read by the JVM, not by Spring. */
	private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");

	@SuppressWarnings("unchecked")
	private static Map<String, Object> compose() throws IOException {
		try (InputStream in = Files.newInputStream(Path.of("docker-compose.yml"))) {
			return new Yaml().load(in);
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void everyVariableSetForTheAppIsOneTheAppReads() throws IOException {
		Map<String, Object> services = (Map<String, Object>) compose().get("services");
		Set<String> known = knownVariables();
		List<String> unknown = new ArrayList<>();
		int checked = 0;
		for (Map.Entry<String, Object> service : services.entrySet()) {
			Map<String, Object> definition = (Map<String, Object>) service.getValue();
			if (!String.valueOf(definition.get("entrypoint")).contains("dafu-")) {
				continue;
			}
			Map<String, Object> environment = (Map<String, Object>) definition.get("environment");
			for (String variable : environment.keySet()) {
				checked++;
				if (!known.contains(variable) && !JVM_VARIABLES.contains(variable)) {
					unknown.add(service.getKey() + ": " + variable);
				}
			}
		}
		assertThat(checked).isGreaterThanOrEqualTo(10);
		assertThat(unknown).isEmpty();
		// The check itself tells a typo from a real property.
		assertThat(known).contains("SPRING_DATASOURCE_URL", "DAFU_ADMIN_PASSWORD", "DAFU_PAGE_CACHE_ENABLED")
			.doesNotContain("SPRING_DATASOURCE_URI", "DAFU_ADMIN_PASSWROD");
	}

	@Test
	@SuppressWarnings("unchecked")
	void itRunsTwoAppInstancesBehindAProxyOnOneDatabaseWithAVolumeAndHealthChecks() throws IOException {
		Map<String, Object> compose = compose();
		Map<String, Object> services = (Map<String, Object>) compose.get("services");
		List<String> apps = services.entrySet()
			.stream()
			.filter((s) -> String.valueOf(((Map<String, Object>) s.getValue()).get("entrypoint")).contains("dafu-"))
			.map(Map.Entry::getKey)
			.toList();
		assertThat(apps).hasSize(2);
		for (Map.Entry<String, Object> service : services.entrySet()) {
			Map<String, Object> definition = (Map<String, Object>) service.getValue();
			assertThat(definition).as(service.getKey()).containsKey("healthcheck");
		}
		for (String app : apps) {
			Map<String, Object> definition = (Map<String, Object>) services.get(app);
			assertThat(definition.get("healthcheck").toString()).contains("/actuator/health");
			assertThat(((Map<String, Object>) definition.get("environment")).get("SPRING_DATASOURCE_URL"))
				.isEqualTo("jdbc:postgresql://db:5432/dafu");
		}
		assertThat(((Map<String, Object>) services.get("db")).get("image").toString()).startsWith("postgres:17");
		assertThat(((Map<String, Object>) services.get("db")).get("volumes").toString()).contains("dafu-db:");
		assertThat((Map<String, Object>) compose.get("volumes")).containsKey("dafu-db");
		String nginx = ((Map<String, Object>) ((Map<String, Object>) compose.get("configs")).get("nginx"))
			.get("content")
			.toString();
		for (String app : apps) {
			assertThat(nginx).contains("server " + app + ":8080");
		}
		// The apps believe X-Forwarded-For from the proxy's fixed address only.
		String proxyAddress = String
			.valueOf(((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) services.get("proxy"))
				.get("networks")).get("default")).get("ipv4_address"));
		assertThat(proxyAddress).matches("[0-9.]+");
		assertThat(compose.get("networks").toString())
			.contains(proxyAddress.substring(0, proxyAddress.lastIndexOf('.')));
		for (String app : apps) {
			Map<String, Object> environment = (Map<String, Object>) ((Map<String, Object>) services.get(app))
				.get("environment");
			assertThat(environment.get("DAFU_TRUSTED_PROXIES")).isEqualTo(proxyAddress);
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void theAppInstancesSearchOneOpenSearchNodeWithAVolumeAndAHealthCheck() throws IOException {
		Map<String, Object> compose = compose();
		Map<String, Object> services = (Map<String, Object>) compose.get("services");
		Map<String, Object> opensearch = (Map<String, Object>) services.get("opensearch");
		assertThat(opensearch).as("an opensearch service").isNotNull();
		assertThat(opensearch.get("image").toString()).startsWith("opensearchproject/opensearch:2.19.");
		Map<String, Object> environment = (Map<String, Object>) opensearch.get("environment");
		assertThat(environment).containsEntry("discovery.type", "single-node")
			.containsEntry("DISABLE_SECURITY_PLUGIN", "true");
		assertThat(environment.get("OPENSEARCH_JAVA_OPTS").toString()).contains("-Xmx");
		// its own named volume for the index, and no port published outside the network
		assertThat(opensearch.get("volumes").toString()).contains("dafu-search:/usr/share/opensearch/data");
		assertThat((Map<String, Object>) compose.get("volumes")).containsKey("dafu-search");
		assertThat(opensearch).doesNotContainKey("ports");
		assertThat(opensearch.get("healthcheck").toString()).contains("/_cluster/health");
		List<String> apps = services.entrySet()
			.stream()
			.filter((s) -> String.valueOf(((Map<String, Object>) s.getValue()).get("entrypoint")).contains("dafu-"))
			.map(Map.Entry::getKey)
			.toList();
		assertThat(apps).hasSize(2);
		for (String app : apps) {
			Map<String, Object> definition = (Map<String, Object>) services.get(app);
			Map<String, Object> appEnvironment = (Map<String, Object>) definition.get("environment");
			assertThat(appEnvironment).as(app)
				.containsEntry("DAFU_SEARCH_BACKEND", "opensearch")
				.containsEntry("DAFU_SEARCH_OPENSEARCH_URL", "http://opensearch:9200");
			Map<String, Object> dependsOn = (Map<String, Object>) definition.get("depends_on");
			assertThat(dependsOn).as(app).containsKey("opensearch");
			assertThat(((Map<String, Object>) dependsOn.get("opensearch")).get("condition"))
				.isEqualTo("service_healthy");
		}
	}

	/**
	 * Environment forms of every property Boot and its libraries document, the
	 * application's own properties files, and the properties the code reads by name.
	 */
	private static Set<String> knownVariables() throws IOException {
		Set<String> properties = new HashSet<>();
		// Every "name" in the metadata files (properties, and groups, which are prefixes
		// of them).
		Pattern name = Pattern.compile("\"name\"\\s*:\\s*\"([a-z0-9.\\[\\]-]+)\"");
		for (Resource resource : new PathMatchingResourcePatternResolver()
			.getResources("classpath*:META-INF/spring-configuration-metadata.json")) {
			try (InputStream in = resource.getInputStream()) {
				Matcher matcher = name.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
				while (matcher.find()) {
					properties.add(matcher.group(1));
				}
			}
		}
		Properties application = new Properties();
		try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
			application.load(in);
		}
		properties.addAll(application.stringPropertyNames());
		Pattern byName = Pattern.compile("(?:getProperty\\(\"|\\$\\{)([a-z0-9.-]+)");
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
			for (Path source : (Iterable<Path>) sources.filter((p) -> p.toString().endsWith(".java"))::iterator) {
				Matcher matcher = byName.matcher(Files.readString(source));
				while (matcher.find()) {
					properties.add(matcher.group(1));
				}
			}
		}
		Set<String> variables = new HashSet<>();
		for (String property : properties) {
			// SPRING_MAIN_LOGSTARTUPINFO and the legacy SPRING_MAIN_LOG_STARTUP_INFO both
			// bind.
			variables.add(property.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT));
			variables.add(property.replace('-', '_').replace('.', '_').toUpperCase(Locale.ROOT));
		}
		return variables;
	}

}
