package org.dafu.platform.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.dafu.platform.RefusedException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A rule's refusal that no form showed beside its field (a controller shows it there):
 * the request is refused with a 400 page, nothing was changed, never a 500.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class RefusalAdvice {

	private static final Logger log = LoggerFactory.getLogger(RefusalAdvice.class);

	@ExceptionHandler(RefusedException.class)
	public ModelAndView refused(RefusedException ex) {
		log.info("400 refused: {}", LogSafe.of(String.join(",", ex.fields().values())));
		ModelAndView view = new ModelAndView("error");
		view.addObject("status", 400);
		view.addObject("problem", ex.messageKey());
		view.addObject("problemArguments", ex.arguments());
		view.addObject("correlationId", CorrelationIdFilter.current());
		view.setStatus(HttpStatus.BAD_REQUEST);
		return view;
	}

}
