package org.dafu.importing.web;

import org.dafu.importing.ImportService;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.dafu.letter.LetterFormatException;
import org.dafu.platform.web.CorrelationIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload larger than the server's multipart limits (far above the import's own limit,
 * which the import checks itself) is refused before any controller runs. When Spring sees
 * it, this turns it into the import page with a clear message (or a problem+json on the
 * API); other pages get the generic error page with status 413.
 */
@ControllerAdvice
class UploadLimitAdvice {

	private static final Logger log = LoggerFactory.getLogger(UploadLimitAdvice.class);

	private final ImportService imports;

	private final MessageSource messages;

	UploadLimitAdvice(ImportService imports, MessageSource messages) {
		this.imports = imports;
		this.messages = messages;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	Object tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		log.info("upload over the size limit refused: {}", request.getMethod());
		String key = "importing.error." + LetterFormatException.TOO_LARGE;
		if (path.startsWith("/api/")) {
			Locale locale = LocaleContextHolder.getLocale();
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
					this.messages.getMessage(key, new Object[] { Uploads.megabytes(this.imports.maxBytes()) }, locale));
			problem.setProperty("error", LetterFormatException.TOO_LARGE);
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem);
		}
		ModelAndView view;
		if (path.startsWith("/workspace/unit/import")) {
			view = new ModelAndView(ImportController.START_VIEW);
			view.addObject("error", key);
			view.addObject("maxMegabytes", Uploads.megabytes(this.imports.maxBytes()));
		}
		else {
			view = new ModelAndView("error");
			view.addObject("status", HttpStatus.CONTENT_TOO_LARGE.value());
			view.addObject("correlationId", CorrelationIdFilter.current());
		}
		view.setStatus(HttpStatus.CONTENT_TOO_LARGE);
		return view;
	}

}
