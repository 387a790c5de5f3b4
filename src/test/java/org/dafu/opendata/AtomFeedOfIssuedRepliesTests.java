package org.dafu.opendata;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;

import org.dafu.access.Viewer;
import org.dafu.reply.DisclosureMode;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dafu.testing.AsViewer.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Atom feed announces issued replies, each dated by its issue. Drafts (which have no
 * issue date) are not in it, even for the official of their unit and for a coordinator,
 * who may read them elsewhere (docs/search.md); whatever else they may read stays in.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class AtomFeedOfIssuedRepliesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Test
	void viewersWhoMayReadDraftsGetAFeedOfTheIssuedRepliesOnly() throws Exception {
		Scenario s = this.data.scenario();
		String word = TestData.cjkWord();
		long published = this.data.issued(s, DisclosureMode.PROACTIVE, "公开" + word);
		long undisclosed = this.data.issued(s, DisclosureMode.NOT_PUBLIC, "不公开" + word);
		long draft = this.data.draft(s, "草稿" + word);
		for (Viewer viewer : List.of(s.official(), Viewer.coordinator("feedboss" + s.n()))) {
			String xml = this.mvc.perform(
					get("/replies.atom").param("q", word).param("unit", String.valueOf(s.unitId())).with(as(viewer)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			SyndFeed feed = new SyndFeedInput().build(new StringReader(xml));
			assertThat(feed.getEntries()).as(viewer.role() + "'s feed")
				.extracting(SyndEntry::getLink)
				.containsExactlyInAnyOrder(link(published), link(undisclosed));
			assertThat(feed.getEntries()).allSatisfy((entry) -> assertThat(entry.getUpdatedDate()).isNotNull());
			assertThat(xml).doesNotContain("/replies/" + draft + "<").doesNotContain("/replies/" + draft + "\"");
		}
		// the same search finds the draft for them on the search page
		String page = this.mvc
			.perform(get("/search").param("q", word).param("unit", String.valueOf(s.unitId())).with(as(s.official())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("/replies/" + draft);
	}

	private String link(long replyId) {
		String index = this.jdbc.sql("select index_number from reply where id = ?")
			.param(replyId)
			.query(String.class)
			.single();
		return "http://localhost/replies/index/" + index;
	}

}
