package org.dafu.platform.web;

import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns domain "not found" into a 404 page. Everything else falls through to Spring
 * Boot's error handling, which renders {@code templates/error.html}: generic text and the
 * correlation id, never a stack trace, SQL or class name.
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

}
