package org.dafu.opendata.web;

import java.util.List;

import org.dafu.access.Viewer;
import org.dafu.platform.web.NotFoundException;
import org.dafu.platform.web.PageView;
import org.dafu.platform.web.Paging;
import org.dafu.reply.LetterReads;
import org.dafu.search.SearchCriteria;
import org.dafu.search.SearchService;
import org.dafu.testing.WebSlice;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The replies API's parameters and errors (problem+json naming the parameter, the same
 * 404 for hidden and missing replies, in the caller's language), in a web slice.
 */
@WebSlice(ReplyApiController.class)
class ReplyApiWebTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	SearchService search;

	@MockitoBean
	LetterReads replies;

	@Test
	void anEmptyResultHasNoNextPage() throws Exception {
		given(this.search.search(eq(Viewer.anonymous()), any(SearchCriteria.class), any(Paging.class)))
			.willReturn(new PageView<>(List.of(), 1, 20, 0));

		this.mvc.perform(get("/api/v1/replies").param("q", "光伏"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.total").value(0))
			.andExpect(jsonPath("$.items").isEmpty())
			.andExpect(jsonPath("$.next").doesNotExist());
	}

	@Test
	void aValueOutsideTheRulesIsAProblemNamingTheParameter() throws Exception {
		this.mvc.perform(get("/api/v1/replies").param("size", "1000"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.parameter").value("size"));
		this.mvc.perform(get("/api/v1/replies").param("result", "E"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("result"));
		this.mvc.perform(get("/api/v1/replies/abc"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("id"));
		verifyNoInteractions(this.search, this.replies);
	}

	@Test
	void aHiddenReplyIsA404InTheCallersLanguage() throws Exception {
		given(this.replies.letter(Viewer.anonymous(), 5L)).willThrow(new NotFoundException("reply", 5L));

		this.mvc.perform(get("/api/v1/replies/5"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("没有找到这件答复。"));
		this.mvc.perform(get("/api/v1/replies/5").param("lang", "en"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("No such reply."));
	}

}
