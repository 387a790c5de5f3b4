package org.dafu.opendata;

import java.net.URI;
import java.time.LocalDate;
import java.util.Locale;

import org.dafu.platform.web.PublicUrl;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The permanent ids of the Atom feed (RFC 4287 §4.2.6: an entry's id never changes):
 * {@code tag:} URIs (RFC 4151) of the 索引号, e.g.
 * {@code tag:dafu.example.gov.cn,2026-01-01:reply/11330800002618015K/2022-137066}, never
 * built from the request. The authority is {@code dafu.feed.tag-authority}, by default
 * the host of {@code dafu.public-url} ({@code localhost} in demo mode without one), and
 * {@code dafu.feed.tag-date} a date on which the portal held that name: set both once and
 * keep them when the portal moves (docs/operations.md).
 */
@Component
public class AtomIds {

	private final String prefix;

	AtomIds(PublicUrl publicUrl, @Value("${dafu.feed.tag-authority:}") String authority,
			@Value("${dafu.feed.tag-date:2026-01-01}") LocalDate date) {
		String name = StringUtils.hasText(authority) ? authority.strip()
				: (publicUrl.configured() != null) ? URI.create(publicUrl.configured()).getHost() : "localhost";
		if (!name.matches("[A-Za-z0-9.-]+(@[A-Za-z0-9.-]+)?")) {
			throw new IllegalStateException(
					"dafu.feed.tag-authority must be a domain name or an e-mail address, not: " + name);
		}
		this.prefix = "tag:" + name.toLowerCase(Locale.ROOT) + "," + date + ":";
	}

	/** The id of a reply's entry, by its 索引号. */
	String reply(String indexNumber) {
		return this.prefix + "reply/" + indexNumber;
	}

	/**
	 * The id of a feed: its path and query (already encoded), e.g.
	 * {@code replies.atom?unit=3}.
	 */
	public String feed(String pathAndQuery) {
		return this.prefix + (pathAndQuery.startsWith("/") ? pathAndQuery.substring(1) : pathAndQuery);
	}

}
