package org.dafu.opendata.web;

import org.dafu.opendata.OpenDataLinks;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.dafu.reply.PublicReplyReads;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * For search engines: {@code /sitemap.xml} lists the public replies (as the anonymous
 * visitor sees them, whoever asks) by their stable 索引号 address; {@code /robots.txt}
 * points to it and keeps crawlers out of the signed-in areas.
 */
@RestController
class SitemapController {

	/** The sitemap protocol's limit of addresses per file. */
	static final int MAX_URLS = 50_000;

	/** W3C Datetime with seconds, in UTC. */
	private static final DateTimeFormatter LASTMOD = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX")
		.withZone(ZoneOffset.UTC);

	private final PublicReplyReads replies;

	SitemapController(PublicReplyReads replies) {
		this.replies = replies;
	}

	@GetMapping("/sitemap.xml")
	ResponseEntity<String> sitemap() {
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
				+ "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
		url(xml, OpenDataLinks.absolute("/"), null);
		url(xml, OpenDataLinks.absolute("/replies"), null);
		// lastmod: the last public change (issue, correction, disclosure; V73), as the
		// Atom entries' updated
		for (PublicReplyReads.PublicLink link : this.replies.publicLinks(MAX_URLS)) {
			url(xml, OpenDataLinks.reply(link.id(), link.indexNumber()),
					(link.changedAt() != null) ? LASTMOD.format(link.changedAt()) : null);
		}
		xml.append("</urlset>\n");
		return ResponseEntity.ok()
			.contentType(new MediaType("application", "xml", StandardCharsets.UTF_8))
			.body(xml.toString());
	}

	@GetMapping("/robots.txt")
	ResponseEntity<String> robots() {
		String text = """
				User-agent: *
				Disallow: /workspace
				Disallow: /my
				Disallow: /account
				Disallow: /notifications
				Disallow: /following
				Sitemap: %s
				""".formatted(OpenDataLinks.absolute("/sitemap.xml"));
		return ResponseEntity.ok().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8)).body(text);
	}

	private static String xml(String text) {
		return text.replace("&", "&amp;")
			.replace("<", "&lt;")
			.replace(">", "&gt;")
			.replace("\"", "&quot;")
			.replace("'", "&apos;");
	}

	private static void url(StringBuilder xml, String loc, String lastmod) {
		xml.append("  <url><loc>").append(xml(loc)).append("</loc>");
		if (lastmod != null) {
			xml.append("<lastmod>").append(lastmod).append("</lastmod>");
		}
		xml.append("</url>\n");
	}

}
