package org.dafu.reply.web;

import java.util.List;
import java.util.Map;

import org.dafu.platform.web.PageView;
import org.dafu.reply.LetterReads;
import org.dafu.reply.ReplyListOptions;
import org.dafu.reply.ReplyListReads;
import org.dafu.testing.WebSlice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The language switch (platform/i18n/LanguageLinks) keeps the page and its query, and
 * escapes what it repeats: on the public reply list, in a web slice (the switch is the
 * layouts', whatever the page shows).
 */
@WebSlice(ReplyController.class)
class LanguageLinksTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ReplyListReads reads;

	@MockitoBean
	LetterReads letters;

	@MockitoBean
	ReplyListOptions options;

	@BeforeEach
	void anEmptyList() {
		given(this.reads.latest(any(), any(), any())).willReturn(new PageView<>(List.of(), 1, 20, 0));
		given(this.options.options())
			.willReturn(new ReplyListOptions.Options(List.of(), List.of(), Map.of(), List.of(), List.of()));
	}

	@Test
	void theSwitchKeepsTheQuery() throws Exception {
		this.mvc.perform(get("/replies?page=2"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("href=\"/replies?page=2&amp;lang=en\""),
					containsString("href=\"/replies?page=2&amp;lang=zh-CN\""))));
		this.mvc.perform(get("/replies?page=2&lang=en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/replies?page=2&amp;lang=zh-CN\"")))
			.andExpect(content().string(not(containsString("lang=en&amp;lang"))));
	}

	@Test
	void aHostileQueryIsRepeatedEscaped() throws Exception {
		this.mvc.perform(get("/replies").queryParam("x", "\"><script>alert(1)</script>"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("<script>alert(1)"))));
	}

}
