package org.dafu.opendata;

import java.util.Locale;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.dafu.platform.web.LogSafe;
import org.dafu.platform.web.NotFoundException;
import org.dafu.search.SearchQuery;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of the CSV export and the feed as JSON: a query that cannot be searched a 400
 * with a message in the request's language (the JSON API answers problems instead,
 * {@link ApiProblemAdvice}).
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
	ResponseEntity<ReplyJson.Error> notFound(NotFoundException ex, Locale locale) {
		log.info("404 {} {}", ex.what(), LogSafe.of(String.valueOf(ex.id())));
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.contentType(MediaType.APPLICATION_JSON)
			.body(new ReplyJson.Error(404, this.messages.getMessage("opendata.error.notFound", null, locale)));
	}

	@ExceptionHandler(BadSearchException.class)
	ResponseEntity<ReplyJson.Error> badSearch(BadSearchException ex, Locale locale) {
		String message = ex.messageKeys()
			.stream()
			.map((key) -> this.messages.getMessage(key, new Object[] { SearchQuery.MAX_LENGTH }, locale))
			.collect(Collectors.joining(" "));
		return ResponseEntity.badRequest()
			.contentType(MediaType.APPLICATION_JSON)
			.body(new ReplyJson.Error(400, message));
	}

}
