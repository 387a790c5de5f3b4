package org.dafu.platform.web;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class PageLinksTests {

	static MockHttpServletRequest request(String uri, String query) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
		request.setQueryString(query);
		return request;
	}

	@Test
	void keepsEveryOtherParameterAndReplacesThePage() {
		assertThat(PageLinks.to(request("/figures", "region=%E6%9F%AF&unit=3&topic=4&page=1&lang=en"), 2))
			.isEqualTo("/figures?region=%E6%9F%AF&unit=3&topic=4&lang=en&page=2");
		assertThat(PageLinks.to(request("/figures", "unit=3"), 2)).isEqualTo("/figures?unit=3&page=2");
		assertThat(PageLinks.to(request("/figures", null), 2)).isEqualTo("/figures?page=2");
		assertThat(PageLinks.to(request("/portal/figures", "page=3&page=4"), 2)).isEqualTo("/portal/figures?page=2");
	}

	@Test
	void keepsHostileValuesEncodedAndDropsAQueryThatIsNotWellEncoded() {
		assertThat(PageLinks.to(request("/search", "q=%22%3E%3Cscript%3E&page=1"), 2))
			.isEqualTo("/search?q=%22%3E%3Cscript%3E&page=2");
		assertThat(PageLinks.to(request("/search", "q=\"><script>"), 2)).isEqualTo("/search?page=2");
		assertThat(PageLinks.to(request("/search", "q=%zz"), 2)).isEqualTo("/search?page=2");
	}

}
