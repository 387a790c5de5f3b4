package org.dafu.account;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.ServletException;
import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The errors Tomcat answers itself, before a request reaches the application: a request
 * line it cannot parse or decode ({@code /%}), a header section over
 * {@code server.max-http-request-header-size}, a form over
 * {@code server.tomcat.max-http-form-post-size}. Spring Security never sees those, so
 * they would go out without the security headers; so would a query Tomcat cannot decode
 * ({@code ?a=%zz}), which fails in the first filter that reads the parameters, before
 * Spring Security. The host's error report valve is replaced by
 * {@link HeadersErrorReportValve}: every response gets the same headers as every page
 * ({@link SecurityConfiguration#CSP}, nosniff, {@code X-Frame-Options: DENY},
 * {@code Referrer-Policy}), and Tomcat's own errors a minimal generic body in Chinese and
 * English, with no server version, stack trace or style.
 */
@Component
class ContainerErrorPages implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	private final MessageSource messages;

	ContainerErrorPages(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextCustomizers((context) -> {
			Container host = context.getParent();
			// After every customizer (Boot adds its own ErrorReportValve in one): just
			// before the host starts, whatever error report valve it has is replaced.
			host.addLifecycleListener((event) -> {
				if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
					install(host);
				}
			});
		});
	}

	private void install(Container host) {
		for (Valve valve : host.getPipeline().getValves()) {
			if (valve instanceof ErrorReportValve && !(valve instanceof HeadersErrorReportValve)) {
				host.getPipeline().removeValve(valve);
			}
		}
		if (host instanceof StandardHost standard) {
			standard.setErrorReportValveClass(HeadersErrorReportValve.class.getName());
		}
		host.getPipeline().addValve(new HeadersErrorReportValve(this.messages));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	/** Sets the security headers on every response, writes a generic body on errors. */
	static final class HeadersErrorReportValve extends ErrorReportValve {

		private final MessageSource messages;

		/** For Tomcat, which may create the host's valve by its class name. */
		public HeadersErrorReportValve() {
			this(null);
		}

		HeadersErrorReportValve(MessageSource messages) {
			this.messages = messages;
			setShowReport(false);
			setShowServerInfo(false);
		}

		/**
		 * Every response gets the headers before anything else runs: also those that fail
		 * before Spring Security's header writer (a query Tomcat cannot decode fails when
		 * the first filter reads the parameters, and Spring Security writes no headers on
		 * the error dispatch that follows). Spring Security's writers then find them set,
		 * with the same values.
		 */
		@Override
		public void invoke(Request request, Response response) throws IOException, ServletException {
			headers(request, response);
			super.invoke(request, response);
		}

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0 || response.isCommitted()) {
				return;
			}
			if (!response.setErrorReported()) {
				return;
			}
			headers(request, response);
			response.setHeader("Cache-Control", "no-store");
			try {
				response.setContentType("text/html");
				response.setCharacterEncoding(StandardCharsets.UTF_8.name());
				Writer writer = response.getReporter();
				if (writer != null) {
					writer.write(body(status));
					response.finishResponse();
				}
			}
			catch (IOException | IllegalStateException ex) {
				// the client is gone or the response cannot take a body: headers only
			}
		}

		static void headers(Request request, Response response) {
			response.setHeader("Content-Security-Policy", SecurityConfiguration.CSP);
			response.setHeader("X-Content-Type-Options", "nosniff");
			response.setHeader("X-Frame-Options", "DENY");
			response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
			if (request.isSecure()) {
				response.setHeader("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
			}
		}

		private String body(int status) {
			String key = (status == 400 || status == 413) ? "error.container." + status : "error.container.other";
			return "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" + status + " "
					+ text("error.container.title", Locale.SIMPLIFIED_CHINESE) + "</title></head>\n<body><main><h1>"
					+ status + " " + text("error.container.title", Locale.SIMPLIFIED_CHINESE) + "</h1><p>"
					+ text(key, Locale.SIMPLIFIED_CHINESE) + "</p>\n<p lang=\"en\">"
					+ text("error.container.title", Locale.ENGLISH) + ". " + text(key, Locale.ENGLISH)
					+ "</p></main></body></html>\n";
		}

		private String text(String key, Locale locale) {
			String text = (this.messages != null) ? this.messages.getMessage(key, null, "", locale) : "";
			return HtmlUtils.htmlEscape((text != null) ? text : "");
		}

	}

}
