package org.dafu.platform.web;

import java.util.List;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

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

		DirectRequestAwareErrorController(ErrorAttributes errorAttributes, ErrorProperties properties,
				List<ErrorViewResolver> resolvers) {
			super(errorAttributes, properties, resolvers);
		}

		@Override
		protected HttpStatus getStatus(HttpServletRequest request) {
			return direct(request) ? HttpStatus.NOT_FOUND : super.getStatus(request);
		}

	}

}
