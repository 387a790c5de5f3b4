package org.dafu.platform.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.ModelAndView;

/**
 * Spring Boot's error controller (HTML page or JSON body, {@code templates/error.html}),
 * except for a request to {@code /error} itself. With no error being forwarded, Boot's
 * answers 500 "None"; this one answers 404, as for any address that shows nothing. Boot
 * leaves its own out when an application declares an error controller.
 */
@Configuration(proxyBeanMethods = false)
class ErrorControllerConfiguration {

	@Bean
	BasicErrorController basicErrorController(ErrorAttributes errorAttributes, WebProperties web,
			ObjectProvider<ErrorViewResolver> resolvers) {
		return new DirectRequestAwareErrorController(errorAttributes, web.getError(),
				resolvers.orderedStream().toList());
	}

	/** No forwarded error (the address was asked for directly): 404. */
	static boolean direct(HttpServletRequest request) {
		return request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null;
	}

	static final class DirectRequestAwareErrorController extends BasicErrorController {

		private static final JsonMapper JSON = JsonMapper.builder().build();

		DirectRequestAwareErrorController(ErrorAttributes errorAttributes, ErrorProperties properties,
				List<ErrorViewResolver> resolvers) {
			super(errorAttributes, properties, resolvers);
		}

		@Override
		protected HttpStatus getStatus(HttpServletRequest request) {
			return direct(request) ? HttpStatus.NOT_FOUND : super.getStatus(request);
		}

		/** JSON: Boot's body, or a problem for the API. */
		@Override
		public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
			if (api(request)) {
				return problem(request);
			}
			return super.error(request);
		}

		/**
		 * The HTML error page, except under {@code /api/}, whose errors are always
		 * {@code application/problem+json} whatever the client accepts.
		 */
		@Override
		public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
			if (api(request)) {
				ResponseEntity<Map<String, Object>> problem = problem(request);
				response.setStatus(problem.getStatusCode().value());
				response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				response.setCharacterEncoding(StandardCharsets.UTF_8.name());
				try {
					response.getWriter().write(JSON.writeValueAsString(problem.getBody()));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				return null;
			}
			return super.errorHtml(request, response);
		}

		/**
		 * An error of the JSON API (RFC 9457): its status, title, the address asked for
		 * and the correlation id, nothing more.
		 */
		private ResponseEntity<Map<String, Object>> problem(HttpServletRequest request) {
			HttpStatus status = getStatus(request);
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("type", "about:blank");
			body.put("title", status.getReasonPhrase());
			body.put("status", status.value());
			Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
			if (uri != null) {
				body.put("instance", uri.toString());
			}
			Object id = request.getAttribute(CorrelationIdFilter.ATTRIBUTE);
			body.put("correlationId", (id != null) ? id : CorrelationIdFilter.current());
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
		}

		private static boolean api(HttpServletRequest request) {
			Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
			return uri != null && uri.toString().startsWith(request.getContextPath() + "/api/");
		}

	}

}
