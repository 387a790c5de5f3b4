package org.dafu.opendata.web;

import org.dafu.opendata.BadParameterException;
import org.dafu.opendata.BadSearchException;

import java.net.URI;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.dafu.platform.web.JsonApi;
import org.dafu.platform.web.LogSafe;
import org.dafu.platform.web.NotFoundException;
import org.dafu.search.SearchQuery;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors of the JSON API ({@link JsonApi} controllers) and of the CSV, spreadsheet and
 * feed exports as {@code application/problem+json} (RFC 9457): a hidden reply and a
 * missing one give the same 404; a parameter the API does not accept a 400 naming it
 * ({@code parameter}) and what it accepts ({@code allowed}); a query that cannot be
 * searched a 400. The detail is in the request's language. Errors outside controllers
 * (401, 403, unknown address, 405, 406) get the same shape from the error controller
 * ({@code platform/web/ErrorControllerConfiguration}).
 */
@RestControllerAdvice(annotations = JsonApi.class,
		assignableTypes = { ExportController.class, SpreadsheetController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblemAdvice {

	private static final Logger log = LoggerFactory.getLogger(ApiProblemAdvice.class);

	private final MessageSource messages;

	ApiProblemAdvice(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<ProblemDetail> notFound(NotFoundException ex, Locale locale, HttpServletRequest request) {
		log.info("404 {} {}", ex.what(), LogSafe.of(String.valueOf(ex.id())));
		String key = ex.what().equals("reply") ? "opendata.error.notFound" : "opendata.error.notFoundOther";
		return problem(HttpStatus.NOT_FOUND, this.messages.getMessage(key, null, locale), request);
	}

	@ExceptionHandler(BadParameterException.class)
	ResponseEntity<ProblemDetail> badParameter(BadParameterException ex, Locale locale, HttpServletRequest request) {
		log.info("400 API parameter {}={}", ex.parameter(), LogSafe.of(ex.value()));
		return badParameter(ex.parameter(), ex.allowed(), locale, request);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex, Locale locale,
			HttpServletRequest request) {
		log.info("400 API parameter {} of the wrong type", ex.getName());
		return badParameter(ex.getName(), "an integer from 1", locale, request);
	}

	@ExceptionHandler(BadSearchException.class)
	ResponseEntity<ProblemDetail> badSearch(BadSearchException ex, Locale locale, HttpServletRequest request) {
		String message = ex.messageKeys()
			.stream()
			.map((key) -> this.messages.getMessage(key, new Object[] { SearchQuery.MAX_LENGTH }, locale))
			.collect(Collectors.joining(" "));
		ResponseEntity<ProblemDetail> problem = problem(HttpStatus.BAD_REQUEST, message, request);
		problem.getBody().setProperty("parameter", ex.parameter());
		return problem;
	}

	private ResponseEntity<ProblemDetail> badParameter(String parameter, String allowed, Locale locale,
			HttpServletRequest request) {
		ResponseEntity<ProblemDetail> problem = problem(HttpStatus.BAD_REQUEST,
				this.messages.getMessage("opendata.error.badParameter", new Object[] { parameter, allowed }, locale),
				request);
		problem.getBody().setProperty("parameter", parameter);
		problem.getBody().setProperty("allowed", allowed);
		return problem;
	}

	static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, HttpServletRequest request) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
		body.setInstance(URI.create(request.getRequestURI()));
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
	}

}
