package org.dafu.proof;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pages as the server sends them (not as a browser rebuilds them), over real HTTP, signed
 * in through the login form with its CSRF token when a username is given.
 */
final class HttpPages {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final String baseUrl;

	private final HttpClient client;

	private HttpPages(String baseUrl) {
		this.baseUrl = baseUrl;
		this.client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	/** A visitor's client. */
	static HttpPages anonymous(int port) {
		return new HttpPages("http://127.0.0.1:" + port);
	}

	/** A client signed in through the login form. */
	static HttpPages signedIn(int port, String username, String password) throws IOException, InterruptedException {
		HttpPages pages = anonymous(port);
		Matcher token = CSRF.matcher(pages.get("/login").body());
		if (!token.find()) {
			throw new IllegalStateException("No CSRF token on the login page");
		}
		String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf="
				+ encode(token.group(1));
		HttpResponse<String> response = pages.client.send(HttpRequest.newBuilder(URI.create(pages.baseUrl + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		String location = response.headers().firstValue("Location").orElse("");
		if (response.statusCode() != 302 || location.contains("/login")) {
			throw new IllegalStateException(
					"Sign-in of " + username + " failed: " + response.statusCode() + " " + location);
		}
		return pages;
	}

	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.client.send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Accept", "text/html")
			.header("Accept-Language", "zh-CN,zh;q=0.9")
			.timeout(Duration.ofSeconds(30))
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/**
	 * Posts {@code fields} (URL-encoded) to {@code action} with the CSRF token of the
	 * page at {@code formPage}, as the form on that page would.
	 */
	HttpResponse<String> post(String formPage, String action, Map<String, String> fields)
			throws IOException, InterruptedException {
		Matcher token = CSRF.matcher(get(formPage).body());
		if (!token.find()) {
			throw new IllegalStateException("No CSRF token on " + formPage);
		}
		StringBuilder form = new StringBuilder("_csrf=" + encode(token.group(1)));
		fields.forEach((name, value) -> form.append('&').append(encode(name)).append('=').append(encode(value)));
		return this.client.send(HttpRequest.newBuilder(URI.create(this.baseUrl + action))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.header("Accept-Language", "zh-CN,zh;q=0.9")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(form.toString()))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
