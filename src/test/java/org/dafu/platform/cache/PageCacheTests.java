package org.dafu.platform.cache;

import org.dafu.access.Viewer;
import org.dafu.reply.DisclosureMode;
import org.dafu.reply.ReplyCorrections;
import org.dafu.reply.ReplyService;
import org.dafu.reply.ReplyView;
import org.dafu.testing.AsViewer;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public page cache: anonymous pages come from memory with an ETag and answer
 * conditional requests with 304; signed-in viewers and error pages never touch it; a
 * change is visible on the very next request, and empties only the pages it touches.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class PageCacheTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	ReplyService replies;

	@Autowired
	ReplyCorrections corrections;

	@Autowired
	PageCache cache;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PublicChangeLog changes;

	@Test
	void anAnonymousPageIsServedWithAnEtagAndAnswersConditionalRequests() throws Exception {
		Scenario s = this.data.scenario();
		long id = this.data.issued(s, DisclosureMode.PROACTIVE, "缓存页");
		String etag = etagOf(get("/replies/{id}", id));
		assertThat(etag).startsWith("\"");
		// The same bytes again, from memory.
		MvcResult again = this.mvc.perform(get("/replies/{id}", id))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.ETAG, etag))
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, "private, no-cache"))
			.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
			.andExpect(content().string(containsString("一、关于产业发展缓存页")))
			.andReturn();
		assertThat(again.getResponse().getHeader(HttpHeaders.LAST_MODIFIED)).isNotBlank();
		this.mvc.perform(get("/replies/{id}", id).header(HttpHeaders.IF_NONE_MATCH, etag))
			.andExpect(status().isNotModified())
			.andExpect(content().string(""));
		this.mvc
			.perform(get("/replies/{id}", id).header(HttpHeaders.IF_MODIFIED_SINCE,
					again.getResponse().getHeader(HttpHeaders.LAST_MODIFIED)))
			.andExpect(status().isNotModified());
		this.mvc.perform(get("/replies/{id}", id).header(HttpHeaders.IF_NONE_MATCH, "\"something-else\""))
			.andExpect(status().isOk());
		// Each language is its own page.
		this.mvc.perform(get("/replies/{id}", id).cookie(new jakarta.servlet.http.Cookie("dafu-lang", "en")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Index number")));
	}

	@Test
	void aCorrectionIsVisibleOnTheNextRequestAndTheOldEtagNoLongerMatches() throws Exception {
		Scenario s = this.data.scenario();
		long id = this.data.issued(s, DisclosureMode.PROACTIVE, "更正前");
		String before = etagOf(get("/replies/{id}", id));
		etagOf(get("/replies"));
		ReplyView reply = this.replies.readable(s.official(), id);
		this.corrections.correct(s.official(), id, reply.version(),
				TestData.letter("更正后", DisclosureMode.PROACTIVE, reply.resultClass()), "错别字");
		this.mvc.perform(get("/replies/{id}", id).header(HttpHeaders.IF_NONE_MATCH, before))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.ETAG, not(before)))
			.andExpect(content().string(containsString("一、关于产业发展更正后")))
			.andExpect(content().string(not(containsString("更正前"))));
	}

	@Test
	void withdrawingDisclosureHidesTheCachedPageAtOnce() throws Exception {
		Scenario s = this.data.scenario();
		long id = this.data.issued(s, DisclosureMode.PROACTIVE, "撤回公开");
		String etag = etagOf(get("/replies/{id}", id));
		this.mvc.perform(get("/replies").param("page", "1")).andExpect(status().isOk());
		ReplyView reply = this.replies.readable(s.official(), id);
		this.corrections.changeDisclosure(s.official(), id, reply.version(), DisclosureMode.NOT_PUBLIC, "涉密");
		this.mvc.perform(get("/replies/{id}", id)).andExpect(status().isNotFound());
		this.mvc.perform(get("/replies/{id}", id).header(HttpHeaders.IF_NONE_MATCH, etag))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/replies").param("page", "1"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("撤回公开"))));
		this.mvc.perform(get("/")).andExpect(content().string(not(containsString("撤回公开"))));
	}

	@Test
	void signedInViewersAndErrorPagesNeverTouchTheCache() throws Exception {
		Scenario s = this.data.scenario();
		long draft = this.data.draft(s, "草稿不缓存");
		// The official sees the draft; that page is neither stored nor served to anyone.
		this.mvc.perform(get("/replies/{id}", draft).with(AsViewer.as(s.official())))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist(HttpHeaders.ETAG))
			.andExpect(content().string(containsString("草稿不缓存")));
		this.mvc.perform(get("/replies/{id}", draft)).andExpect(status().isNotFound());
		this.mvc.perform(get("/replies/{id}", draft))
			.andExpect(status().isNotFound())
			.andExpect(header().doesNotExist(HttpHeaders.ETAG));
		// A public page cached for the anonymous visitor is rendered afresh for a
		// signed-in one.
		long issued = this.data.issued(s, DisclosureMode.PROACTIVE, "登录后");
		etagOf(get("/replies/{id}", issued));
		this.mvc.perform(get("/replies/{id}", issued).with(AsViewer.as(Viewer.coordinator("boss"))))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist(HttpHeaders.ETAG))
			.andExpect(content().string(not(containsString("/login\""))));
	}

	@Test
	void hostileAddressesAreNotCachedAsPages() throws Exception {
		etagOf(get("/replies"));
		this.mvc.perform(get("/replies/<script>")).andExpect(header().doesNotExist(HttpHeaders.ETAG));
		this.mvc.perform(get("/replies").param("page", "'; drop table reply;--"))
			.andExpect(status().isBadRequest())
			.andExpect(header().doesNotExist(HttpHeaders.ETAG));
		this.mvc.perform(get("/replies/999999999999").header(HttpHeaders.IF_NONE_MATCH, "\"<script>\", *"))
			.andExpect(status().isNotFound())
			.andExpect(header().doesNotExist(HttpHeaders.ETAG));
	}

	/**
	 * A change written straight into the database (another instance, a bulk load) is
	 * logged once per transaction and reply, whatever code path wrote it; reading the log
	 * empties that reply's page and the lists, not another reply's page.
	 */
	@Test
	void aChangeByAnyoneIsLoggedOnceAndEmptiesOnlyWhatItTouches() throws Exception {
		Scenario s = this.data.scenario();
		long id = this.data.issued(s, DisclosureMode.PROACTIVE, "变更日志");
		long other = this.data.issued(s, DisclosureMode.PROACTIVE, "另一封");
		etagOf(get("/replies/{id}", id));
		etagOf(get("/replies/{id}", other));
		etagOf(get("/replies"));
		long before = newestChange();
		this.jdbc.update("update reply set closing = closing || '。' where id = ?", id);
		assertThat(this.jdbc.queryForList("select reply_id from public_change where id > ?", Long.class, before))
			.containsExactly(id);
		// Several rows in one transaction count once.
		long middle = newestChange();
		this.jdbc.update("update reply set closing = closing where id in (?, ?)", id, id);
		assertThat(this.jdbc.queryForList("select reply_id from public_change where id > ?", Long.class, middle))
			.containsExactly(id);
		this.changes.refresh();
		long hits = this.cache.hits();
		this.mvc.perform(get("/replies/{id}", other)).andExpect(status().isOk());
		assertThat(this.cache.hits()).as("the other reply's page is still cached").isEqualTo(hits + 1);
		this.mvc.perform(get("/replies/{id}", id)).andExpect(content().string(containsString("感谢您对政府工作的关心和支持。变更日志。")));
		this.mvc.perform(get("/replies"));
		assertThat(this.cache.hits()).as("the changed reply's page and the list were rendered again")
			.isEqualTo(hits + 1);
	}

	private long newestChange() {
		return this.jdbc.queryForObject("select max(id) from public_change", Long.class);
	}

	private String etagOf(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
		String etag = this.mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getHeader(HttpHeaders.ETAG);
		assertThat(etag).isNotNull();
		assertThat(this.cache.size()).isPositive();
		return etag;
	}

}
