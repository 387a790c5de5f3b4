package org.dafu.account;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.dafu.history.AuditLog;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Deny by default: every route is classified here, by the URL scheme every feature
 * follows (docs/architecture.md). Whatever a public page shows is further filtered by the
 * access policy; the roles here are only the first gate, and services check again (method
 * security).
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
 *
 * Two chains: {@code /api/**} is stateless (HTTP Basic for staff writes, anonymous reads
 * of public data, no session, no CSRF token; writes from another site are refused by
 * {@link ApiCrossSiteFilter}, and its 401 never brings up a browser's Basic prompt);
 * everything else signs people in with a form and a session, with CSRF tokens on every
 * form.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	static final String[] PUBLIC_PAGES = { "/", "/replies", "/replies/**", "/replies.csv", "/replies.atom", "/search",
			"/search/**", "/figures", "/figures/**", "/statistics", "/statistics/**", "/sessions", "/sessions/**",
			"/units", "/units/**", "/deputies", "/deputies/**", "/api/v1/**", "/sitemap.xml", "/robots.txt",
			"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/css/**", "/js/**", "/img/**",
			"/vendor/**", "/favicon.ico", "/actuator/health", "/actuator/health/**" };

	/**
	 * Open data as Excel workbooks (opendata/SpreadsheetController,
	 * stats/StatisticsSpreadsheetController): public, their rows filtered by the access
	 * policy as the CSV's are.
	 */
	static final String[] SPREADSHEETS = { "/replies.xlsx", "/statistics/sessions/*.xlsx" };

	/**
	 * The API's 401: a challenge of a scheme no browser knows, so a browser never shows
	 * its Basic login prompt nor saves the password for this site (clients send
	 * {@code Authorization: Basic} with every request, unasked).
	 */
	static final AuthenticationEntryPoint API_ENTRY_POINT = (request, response, ex) -> {
		response.setHeader("WWW-Authenticate", "DafuBasic realm=\"dafu\"");
		response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
	};

	/** Where a sign-in lands when no page was asked for first. */
	static final String AFTER_LOGIN = "/account";

	@Bean
	@Order(1)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	SecurityFilterChain apiChain(HttpSecurity http, AuthenticationManager authenticationManager,
			AccessDeniedHandler accessDeniedHandler, MessageSource messages, LocaleResolver locales, AuditLog audit)
			throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests((auth) -> auth.requestMatchers(HttpMethod.GET, "/api/v1/**")
				.permitAll()
				// HEAD answers as GET does (RFC 9110 §9.3.2)
				.requestMatchers(HttpMethod.HEAD, "/api/v1/**")
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/api/v1/imports", "/api/v1/imports/preview")
				.hasRole("OFFICIAL")
				.requestMatchers("/api/v1/**")
				.hasAnyRole("COORDINATOR", "OFFICIAL")
				.anyRequest()
				.denyAll())
			.authenticationManager(authenticationManager)
			.httpBasic((basic) -> basic.authenticationEntryPoint(API_ENTRY_POINT))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// Stateless, no token: writes from another site are refused by their Origin
			// and content type instead (ApiCrossSiteFilter), before any password check.
			.csrf((csrf) -> csrf.disable())
			// open data readable from any origin, without credentials (OpenDataCors)
			.cors((cors) -> cors.configurationSource(OpenDataCors.source()))
			.addFilterBefore(new ApiCrossSiteFilter(messages, locales, audit), BasicAuthenticationFilter.class)
			.exceptionHandling(
					(ex) -> ex.authenticationEntryPoint(API_ENTRY_POINT).accessDeniedHandler(accessDeniedHandler))
			.headers(SecurityConfiguration::headers);
		return http.build();
	}

	@Bean
	@Order(2)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	SecurityFilterChain webChain(HttpSecurity http, AuthenticationManager authenticationManager,
			AccessDeniedHandler accessDeniedHandler, AccountRepository accounts, Clock clock,
			@Value("${dafu.session.absolute-timeout:8h}") Duration absoluteTimeout,
			@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings)
			throws Exception {
		SessionValidityFilter sessionValidity = new SessionValidityFilter(absoluteTimeout, clock,
				(id, epoch) -> accounts.sessionState(id)
					.map((s) -> s.getEnabled() && s.getSessionEpoch() == epoch)
					.orElse(false));
		http.authorizeHttpRequests((auth) -> auth.requestMatchers(HttpMethod.GET, PUBLIC_PAGES)
			.permitAll()
			.requestMatchers(HttpMethod.GET, SPREADSHEETS)
			.permitAll()
			// HEAD answers as GET does (RFC 9110 §9.3.2): crawlers and link checkers
			.requestMatchers(HttpMethod.HEAD, PUBLIC_PAGES)
			.permitAll()
			.requestMatchers(HttpMethod.HEAD, SPREADSHEETS)
			.permitAll()
			.requestMatchers("/error", "/login")
			.permitAll()
			.requestMatchers("/workspace/coordinator/**")
			.hasRole("COORDINATOR")
			.requestMatchers("/workspace/unit/**")
			.hasRole("OFFICIAL")
			// withdrawing and restoring a reply's disclosure
			// (reply/ReplyDisclosureController):
			// the reply's unit officials and coordinators; making it public again is for
			// coordinators (checked there, with the reply's unit)
			.requestMatchers(HttpMethod.POST, "/workspace/replies/*/redisclosure")
			.hasRole("COORDINATOR")
			.requestMatchers("/workspace/replies/*/disclosure", "/workspace/replies/*/withdrawal")
			.hasAnyRole("COORDINATOR", "OFFICIAL")
			.requestMatchers("/workspace", "/workspace/**")
			.hasAnyRole("COORDINATOR", "OFFICIAL")
			.requestMatchers("/my", "/my/**")
			.hasRole("DEPUTY")
			.requestMatchers("/account/**", "/notifications/**", "/following/**", "/logout")
			.authenticated()
			// an address nothing answers, outside the signed-in areas: the 404 page, not
			// a redirect to sign-in (UnknownPublicAddress); every real route stays
			// classified above or denied below
			.requestMatchers(new UnknownPublicAddress(mappings))
			.permitAll()
			.anyRequest()
			.denyAll())
			.authenticationManager(authenticationManager)
			.formLogin((form) -> form.loginPage("/login")
				.successHandler(signedIn(clock))
				.failureUrl("/login?error")
				.permitAll())
			.logout((logout) -> logout.logoutUrl("/logout")
				.logoutSuccessUrl("/login?logout")
				.invalidateHttpSession(true)
				.deleteCookies("JSESSIONID", "SESSION"))
			.sessionManagement((session) -> session.sessionFixation((fixation) -> fixation.changeSessionId()))
			.addFilterBefore(sessionValidity, SecurityContextHolderFilter.class)
			.exceptionHandling((ex) -> ex.accessDeniedHandler(accessDeniedHandler))
			.headers(SecurityConfiguration::headers)
			.cors((cors) -> cors.configurationSource(OpenDataCors.source()))
			.csrf(Customizer.withDefaults());
		return http.build();
	}

	private static void headers(HeadersConfigurer<HttpSecurity> headers) {
		headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CSP))
			.referrerPolicy((referrer) -> referrer
				.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.frameOptions((frame) -> frame.deny())
			.contentTypeOptions(Customizer.withDefaults())
			// Sent on HTTPS requests only (behind a TLS proxy:
			// server.forward-headers-strategy).
			.httpStrictTransportSecurity((hsts) -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000));
	}

	/**
	 * Where a sign-in lands when it was not sent to the sign-in page by a request (that
	 * request is resumed instead): where the work is. Coordinators on the deadline board,
	 * unit officials (drafters and signers) on their unit's inbox, deputies on 我的建议.
	 */
	static String landing(Authentication authentication) {
		for (var authority : authentication.getAuthorities()) {
			switch (String.valueOf(authority.getAuthority())) {
				case "ROLE_COORDINATOR":
					return "/workspace/coordinator/deadlines";
				case "ROLE_OFFICIAL":
					return "/workspace/unit";
				case "ROLE_DEPUTY":
					return "/my";
				default:
			}
		}
		return AFTER_LOGIN;
	}

	/**
	 * Remembers when the session signed in, for the absolute timeout, and resumes the
	 * saved request or lands where the work is ({@link #landing}).
	 */
	private static AuthenticationSuccessHandler signedIn(Clock clock) {
		SavedRequestAwareAuthenticationSuccessHandler target = new SavedRequestAwareAuthenticationSuccessHandler() {

			@Override
			protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
					Authentication authentication) {
				return landing(authentication);
			}

		};
		target.setDefaultTargetUrl(AFTER_LOGIN);
		return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
			request.getSession().setAttribute(SessionValidityFilter.SIGNED_IN_AT, clock.instant());
			target.onAuthenticationSuccess(request, response, authentication);
		};
	}

	@Bean
	AccessDeniedHandler auditingAccessDeniedHandler(AuditLog audit) {
		AccessDeniedHandlerImpl delegate = new AccessDeniedHandlerImpl();
		return (HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex) -> {
			auditDenial(audit, request);
			delegate.handle(request, response, ex);
		};
	}

	private static void auditDenial(AuditLog audit, HttpServletRequest request) throws IOException, ServletException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		String actor = (authentication != null) ? authentication.getName() : "anonymous";
		audit.record(actor, "ACCESS_DENIED", request.getMethod() + " " + request.getRequestURI(), null,
				request.getRemoteAddr());
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		// {bcrypt} today; older or newer encodings keep working by their prefix.
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	AuthenticationManager authenticationManager(AccountUserDetailsService users, PasswordEncoder passwordEncoder,
			LoginThrottle throttle, AuditLog audit) {
		return new ProviderManager(
				new ThrottlingAuthenticationProvider(passwords(users, passwordEncoder), throttle, audit));
	}

	/**
	 * Passwords checked against the accounts. Every attempt costs one hash comparison:
	 * unknown users are compared with a dummy hash, and a disabled account's password is
	 * compared before it is refused (Spring Security 7's pre-check does both;
	 * ThrottlingAuthenticationProviderTests holds it to that).
	 */
	static DaoAuthenticationProvider passwords(UserDetailsService users, PasswordEncoder passwordEncoder) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
		passwords.setPasswordEncoder(passwordEncoder);
		return passwords;
	}

}
