package org.dafu.opendata;

import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.dafu.platform.web.LogSafe;
import org.dafu.platform.web.NotFoundException;
import org.dafu.search.SearchQuery;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of the CSV and spreadsheet exports and the feed as problems (RFC 9457), like the
 * JSON API's ({@link ApiProblemAdvice}): a query that cannot be searched, or a malformed
 * {@code since}, is a 400 naming the parameter, with a message in the request's language.
 */
@RestControllerAdvice(assignableTypes = { ExportController.class, SpreadsheetController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class OpenDataErrorAdvice {

	private static final Logger log = LoggerFactory.getLogger(OpenDataErrorAdvice.class);

	private final MessageSource messages;

	OpenDataErrorAdvice(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<ProblemDetail> notFound(NotFoundException ex, Locale locale, HttpServletRequest request) {
		log.info("404 {} {}", ex.what(), LogSafe.of(String.valueOf(ex.id())));
		return ApiProblemAdvice.problem(HttpStatus.NOT_FOUND,
				this.messages.getMessage("opendata.error.notFound", null, locale), request);
	}

	@ExceptionHandler(BadSearchException.class)
	ResponseEntity<ProblemDetail> badSearch(BadSearchException ex, Locale locale, HttpServletRequest request) {
		String message = ex.messageKeys()
			.stream()
			.map((key) -> this.messages.getMessage(key, new Object[] { SearchQuery.MAX_LENGTH }, locale))
			.collect(Collectors.joining(" "));
		ResponseEntity<ProblemDetail> problem = ApiProblemAdvice.problem(HttpStatus.BAD_REQUEST, message, request);
		problem.getBody().setProperty("parameter", ex.parameter());
		return problem;
	}

}
