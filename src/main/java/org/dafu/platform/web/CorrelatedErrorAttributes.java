package org.dafu.platform.web;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * Error bodies carry the status and the correlation id only: no message, exception class,
 * trace or path details that could leak internals.
 */
@Component
public class CorrelatedErrorAttributes extends DefaultErrorAttributes {

	@Override
	public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
		Map<String, Object> attributes = super.getErrorAttributes(request, ErrorAttributeOptions.defaults());
		if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE, RequestAttributes.SCOPE_REQUEST) == null) {
			// /error asked for directly, with no error forwarded: "not found", as
			// ErrorControllerConfiguration answers (Boot's own would say 999 "None")
			attributes.put("status", HttpStatus.NOT_FOUND.value());
			attributes.put("error", HttpStatus.NOT_FOUND.getReasonPhrase());
		}
		Object id = request.getAttribute(CorrelationIdFilter.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
		attributes.put("correlationId", (id != null) ? id : CorrelationIdFilter.current());
		attributes.remove("message");
		attributes.remove("trace");
		attributes.remove("exception");
		attributes.remove("errors");
		return attributes;
	}

}
