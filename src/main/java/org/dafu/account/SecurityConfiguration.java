package org.dafu.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Deny by default: every route is classified here, by the URL scheme every feature
 * follows (docs/architecture.md). Whatever a public page shows is further filtered by the
 * access policy; the roles here are only the first gate.
 *
 * <ul>
 * <li>public GETs: {@code /}, {@code /replies/**}, {@code /search/**},
 * {@code /figures/**}, {@code /statistics/**}, {@code /sessions/**}, {@code /units/**},
 * {@code /deputies/**}, open data, assets;</li>
 * <li>{@code /workspace/coordinator/**}: coordinators; {@code /workspace/unit/**}: unit
 * officials; {@code /workspace/**}: staff (both);</li>
 * <li>{@code /my/**}: deputies; {@code /account/**}, {@code /notifications/**},
 * {@code /following/**}: anyone signed in.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	static final String[] PUBLIC_PAGES = { "/", "/replies", "/replies/**", "/replies.csv", "/replies.atom", "/search",
			"/search/**", "/figures", "/figures/**", "/statistics", "/statistics/**", "/sessions", "/sessions/**",
			"/units", "/units/**", "/deputies", "/deputies/**", "/api/v1/**", "/sitemap.xml", "/robots.txt",
			"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/css/**", "/js/**", "/img/**",
			"/vendor/**", "/favicon.ico", "/actuator/health", "/actuator/health/**" };

	@Bean
	SecurityFilterChain webChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((auth) -> auth.requestMatchers(HttpMethod.GET, PUBLIC_PAGES)
			.permitAll()
			.requestMatchers("/error", "/login")
			.permitAll()
			.requestMatchers("/workspace/coordinator/**")
			.hasRole("COORDINATOR")
			.requestMatchers("/workspace/unit/**")
			.hasRole("OFFICIAL")
			.requestMatchers("/workspace", "/workspace/**")
			.hasAnyRole("COORDINATOR", "OFFICIAL")
			.requestMatchers("/my", "/my/**")
			.hasRole("DEPUTY")
			.requestMatchers("/account/**", "/notifications/**", "/following/**", "/logout")
			.authenticated()
			.anyRequest()
			.denyAll())
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CSP))
				.referrerPolicy((referrer) -> referrer
					.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.frameOptions((frame) -> frame.deny()))
			.csrf(Customizer.withDefaults());
		return http.build();
	}

}
