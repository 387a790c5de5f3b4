package org.dafu.opendata;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;

import org.dafu.search.SearchHit;

/**
 * Issued replies found by a search as an Atom 1.0 feed, newest first, built and written
 * by Rome; drafts are not entries. Each entry's id is a {@code tag:} URI of its 索引号
 * ({@link AtomIds}: the same whatever address the feed was fetched by, RFC 4287 §4.2.6),
 * its {@code published} the issue, its {@code updated} the last public change (issue,
 * correction or disclosure change, as in the sitemap); the feed's {@code updated} is its
 * newest entry's.
 */
public final class AtomFeed {

	private AtomFeed() {
	}

	public static String write(String title, String feedId, String selfUrl, String pageUrl, String author,
			List<SearchHit> hits, AtomIds ids, Map<Long, Instant> changes) {
		SyndFeed feed = new SyndFeedImpl();
		feed.setFeedType("atom_1.0");
		feed.setTitle(title);
		feed.setUri(feedId);
		feed.setLink(pageUrl);
		feed.setLinks(List.of(link(selfUrl, "self", "application/atom+xml"), link(pageUrl, "alternate", "text/html")));
		feed.setAuthor(author);
		Date newest = null;
		List<SyndEntry> entries = new ArrayList<>();
		for (SearchHit h : hits) {
			if (h.issuedAt() == null || h.indexNumber() == null) {
				// only issued replies are news (SearchService.firstIssued); an entry
				// needs the date it was published
				continue;
			}
			SyndEntry entry = new SyndEntryImpl();
			String url = OpenDataLinks.reply(h.id(), h.indexNumber());
			entry.setTitle(h.proposalTitle());
			entry.setLink(url);
			entry.setUri(ids.reply(h.indexNumber()));
			entry.setAuthor(h.unitName());
			Instant changed = changes.get(h.id());
			Date updated = Date.from((changed != null && changed.isAfter(h.issuedAt())) ? changed : h.issuedAt());
			entry.setUpdatedDate(updated);
			entry.setPublishedDate(Date.from(h.issuedAt()));
			SyndContent summary = new SyndContentImpl();
			summary.setType("text");
			summary.setValue(h.sessionName() + " · " + h.unitName()
					+ ((h.indexNumber() != null) ? " · " + h.indexNumber() : ""));
			entry.setDescription(summary);
			entries.add(entry);
			if (newest == null || updated.after(newest)) {
				newest = updated;
			}
		}
		feed.setEntries(entries);
		feed.setPublishedDate((newest != null) ? newest : new Date(0));
		try {
			return new SyndFeedOutput().outputString(feed);
		}
		catch (FeedException ex) {
			throw new IllegalStateException("feed could not be written", ex);
		}
	}

	private static SyndLink link(String href, String rel, String type) {
		SyndLink link = new SyndLinkImpl();
		link.setHref(href);
		link.setRel(rel);
		link.setType(type);
		return link;
	}

}
