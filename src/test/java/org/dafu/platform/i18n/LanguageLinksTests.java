package org.dafu.platform.i18n;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The language switch keeps the page and its query, and escapes what it repeats. */
@SpringBootTest
@AutoConfigureMockMvc
class LanguageLinksTests {

	@Autowired
	MockMvc mvc;

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
