package org.dafu.platform.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The portal's public address, for the absolute links of robots.txt, the sitemap, the
 * Atom feed, the CSV and the API: {@code dafu.public-url}, e.g.
 * {@code https://dafu.example.gov.cn}. Never the request's {@code Host} or
 * {@code X-Forwarded-Host}, which any client can set.
 *
 * <p>
 * Only in demo mode (the embedded database, {@code dafu.embedded-db.active}) may it be
 * left out: links then follow the request, as a developer's machine needs. Anywhere else
 * a missing or malformed setting stops the start with a message that says what to set
 * (docs/operations.md). Command-line runs without a web server (export, restore, bulk
 * import) build no links and do not need it.
 */
@Component
@ConditionalOnWebApplication
public class PublicUrl {

	private final String base;

	PublicUrl(@Value("${dafu.public-url:}") String configured,
			@Value("${dafu.embedded-db.active:false}") boolean demo) {
		this.base = StringUtils.hasText(configured) ? checked(configured.strip()) : null;
		if (this.base == null && !demo) {
			throw new IllegalStateException("dafu.public-url is not set: set it (environment variable DAFU_PUBLIC_URL) "
					+ "to the portal's public address, e.g. https://dafu.example.gov.cn. Absolute links "
					+ "(robots.txt, sitemap, Atom, API) are built from it, never from the request's Host header. "
					+ "Only the demo mode (embedded database) may leave it out.");
		}
	}

	/** The configured address, or null in demo mode without one. */
	public String configured() {
		return this.base;
	}

	/**
	 * The absolute address of {@code path} (starting with {@code /}, perhaps with an
	 * already encoded query).
	 */
	public String absolute(String path) {
		if (this.base != null) {
			return this.base + path;
		}
		return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).build().toUriString();
	}

	private static String checked(String configured) {
		URI uri;
		try {
			uri = new URI(configured);
		}
		catch (URISyntaxException ex) {
			throw invalid(configured);
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!(scheme.equals("http") || scheme.equals("https")) || !StringUtils.hasText(uri.getHost())
				|| uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
			throw invalid(configured);
		}
		return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
	}

	private static IllegalStateException invalid(String configured) {
		return new IllegalStateException("dafu.public-url must be an http(s) address with a host and "
				+ "no query, e.g. https://dafu.example.gov.cn, not: " + configured);
	}

}
