package org.dafu.opendata;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description at {@code /v3/api-docs} (UI at {@code /swagger-ui/index.html}):
 * only the JSON API under {@code /api/}, not the HTML pages.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI dafuOpenApi() {
		return new OpenAPI().info(new Info().title("Dafu open data API")
			.version("v1")
			.description("答复公开数据: replies to people's deputies' proposals that the caller may read "
					+ "(anonymous callers: issued, 主动公开 replies only). Also /replies.csv and /replies.atom "
					+ "with the same parameters.")
			.license(new License().name("Government information, disclosed under the 政府信息公开条例")));
	}

	@Bean
	OpenApiCustomizer onlyTheApi() {
		return (openApi) -> {
			if (openApi.getPaths() != null) {
				openApi.getPaths().keySet().removeIf((path) -> !path.startsWith("/api/"));
			}
		};
	}

}
