package org.dafu.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * When the database is gone, every page answers 503 with the friendly error page (and
 * {@code Retry-After}), whether the failure comes from a controller, the security chain
 * or the session store, and whatever exception the layers above made of it (a failure
 * that does not name a connection problem is a 503 when the database does not answer);
 * the pool's timeouts (application.properties) bound how long that takes. If even the
 * error page cannot be rendered (its own session lookup fails), a minimal localized page
 * is written instead. Nothing about the failure is shown.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class DatabaseUnavailableFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

	private final MessageSource messages;

	private final LocaleResolver locales;

	private final DataSource dataSource;

	DatabaseUnavailableFilter(MessageSource messages, LocaleResolver locales, DataSource dataSource) {
		this.messages = messages;
		this.locales = locales;
		this.dataSource = dataSource;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			if (response.isCommitted() || !(DatabaseUnavailable.causedBy(ex) || !databaseAnswers())) {
				throw ex;
			}
			log.warn("503: the database is unavailable ({})", ex.getClass().getSimpleName());
			response.setHeader(HttpHeaders.RETRY_AFTER, "10");
			if (isAsyncDispatch(request) || request.getDispatcherType() == jakarta.servlet.DispatcherType.ERROR) {
				minimalPage(request, response);
			}
			else {
				response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			}
		}
	}

	/**
	 * A failure that does not say what broke (a rollback on a connection that died under
	 * it hides the original error) is a 503 too while the database does not answer.
	 */
	private boolean databaseAnswers() {
		try (Connection connection = this.dataSource.getConnection()) {
			return connection.isValid(2);
		}
		catch (SQLException | RuntimeException ex) {
			return false;
		}
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	private void minimalPage(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Locale locale;
		try {
			locale = this.locales.resolveLocale(request);
		}
		catch (RuntimeException ex) {
			locale = Locale.SIMPLIFIED_CHINESE;
		}
		String heading = HtmlUtils.htmlEscape(this.messages.getMessage("error.503.heading", null, locale));
		String text = HtmlUtils.htmlEscape(this.messages.getMessage("error.503.text", null, locale));
		response.resetBuffer();
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setContentType("text/html;charset=UTF-8");
		byte[] body = ("<!DOCTYPE html><html lang=\"" + (locale.getLanguage().equals("en") ? "en" : "zh-CN")
				+ "\"><head><meta charset=\"UTF-8\"><title>" + heading + "</title></head><body><main><h1>" + heading
				+ "</h1><p>" + text + "</p></main></body></html>")
			.getBytes(StandardCharsets.UTF_8);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

}
