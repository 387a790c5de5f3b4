package org.dafu.search;

import java.util.List;

import org.dafu.access.Viewer;
import org.dafu.reply.DisclosureMode;
import org.dafu.reply.ReplyCorrections;
import org.dafu.reply.ReplyService;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Withdrawing a reply's disclosure takes it out of every public exit at once: the search
 * page, the JSON API, the CSV export and the Atom feed (promise 6 of docs/security.md).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class SearchDisclosureTests {

	static final List<String> EXITS = List.of("/search", "/api/v1/replies", "/replies.csv", "/replies.atom");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	ReplyService replies;

	@Autowired
	ReplyCorrections corrections;

	@Test
	void aWithdrawnReplyLeavesSearchFeedsAndTheApiAtOnce() throws Exception {
		Scenario s = this.data.scenario();
		String word = TestData.cjkWord();
		long id = this.data.issued(s, DisclosureMode.PROACTIVE, word);
		Viewer coordinator = Viewer.coordinator("boss");
		String index = this.replies.readable(coordinator, id).indexNumber();
		// every exit names the reply by its 索引号 (the pages link it by its stable URL)
		for (String exit : EXITS) {
			assertThat(body(exit, word)).as(exit + " before").contains(index);
		}
		int version = this.replies.readable(coordinator, id).version();
		this.corrections.changeDisclosure(coordinator, id, version, DisclosureMode.NOT_PUBLIC, "涉及个人信息");
		for (String exit : EXITS) {
			assertThat(body(exit, word)).as(exit + " after").doesNotContain(index);
		}
	}

	private String body(String path, String word) throws Exception {
		return this.mvc.perform(get(path).param("q", word)).andReturn().getResponse().getContentAsString();
	}

}
