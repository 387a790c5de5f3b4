package org.dafu.platform.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.dafu.platform.IllegalTransitionException;
import org.dafu.platform.RefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.InvalidPropertyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns domain "not found" into a 404 page, a parameter that cannot be bound or a value a
 * domain rule refuses (that no controller turned into a field message) into a 400, a
 * workflow move the state no longer allows into a 409, and an unreachable database into a
 * 503 page (DatabaseUnavailableFilter does the same for failures outside controllers).
 * Everything else falls through to Spring Boot's error handling, which renders
 * {@code templates/error.html}: generic text and the correlation id, never a stack trace,
 * SQL or class name.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ErrorPageAdvice {

	private static final Logger log = LoggerFactory.getLogger(ErrorPageAdvice.class);

	@ExceptionHandler(NotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	public ModelAndView notFound(NotFoundException ex, HttpServletResponse response) {
		log.info("404 {} {}", ex.what(), LogSafe.of(String.valueOf(ex.id())));
		ModelAndView view = new ModelAndView("error");
		view.addObject("status", 404);
		view.addObject("correlationId", CorrelationIdFilter.current());
		view.setStatus(HttpStatus.NOT_FOUND);
		return view;
	}

	/**
	 * A parameter name the form cannot hold, such as an index on a field that is no list
	 * ({@code email[3]=}) or a path into nothing: the request is malformed, a 400 (Spring
	 * ignores unknown names, but throws on these while binding).
	 */
	@ExceptionHandler(InvalidPropertyException.class)
	public void unbindableParameter(InvalidPropertyException ex, HttpServletResponse response) throws IOException {
		log.info("400 parameter {} cannot be bound to {}", LogSafe.of(ex.getPropertyName()),
				ex.getBeanClass().getSimpleName());
		response.sendError(HttpServletResponse.SC_BAD_REQUEST);
	}

	/**
	 * A workflow move the current state no longer allows (another person moved it first):
	 * a 409 page; nothing was changed.
	 */
	@ExceptionHandler(IllegalTransitionException.class)
	public ModelAndView illegalTransition(IllegalTransitionException ex) {
		log.info("409 {}", LogSafe.of(ex.getMessage()));
		return page(HttpStatus.CONFLICT);
	}

	/**
	 * A rule's refusal that no form showed beside its field (controllers show it there):
	 * a 400 page that says why; nothing was changed, never a 500.
	 */
	@ExceptionHandler(RefusedException.class)
	public ModelAndView refused(RefusedException ex) {
		log.info("400 refused: {}", LogSafe.of(String.join(",", ex.fields().values())));
		ModelAndView view = page(HttpStatus.BAD_REQUEST);
		view.addObject("problem", ex.messageKey());
		view.addObject("problemArguments", ex.arguments());
		return view;
	}

	private static ModelAndView page(HttpStatus status) {
		ModelAndView view = new ModelAndView("error");
		view.addObject("status", status.value());
		view.addObject("correlationId", CorrelationIdFilter.current());
		view.setStatus(status);
		return view;
	}

	/**
	 * The database cannot be reached: a friendly 503 page (the pool gives up after a few
	 * seconds, application.properties), and the app recovers by itself when it returns.
	 */
	@ExceptionHandler({ DataAccessResourceFailureException.class, CannotCreateTransactionException.class })
	@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
	public ModelAndView databaseUnavailable(Exception ex, HttpServletResponse response) {
		log.warn("503: the database is unavailable ({})", ex.getClass().getSimpleName());
		response.setHeader(HttpHeaders.RETRY_AFTER, "10");
		ModelAndView view = new ModelAndView("error");
		view.addObject("status", 503);
		view.addObject("correlationId", CorrelationIdFilter.current());
		view.setStatus(HttpStatus.SERVICE_UNAVAILABLE);
		return view;
	}

}
