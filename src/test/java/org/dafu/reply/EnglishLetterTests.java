package org.dafu.reply;

import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * In English mode the letter stays the Chinese letter it is: its text is marked
 * {@code lang="zh-CN"} (screen readers switch to a Chinese voice), its title and its
 * signature date stay as written; the page's own title is in English only.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class EnglishLetterTests {

	static final String HAN = ".*\\p{IsHan}.*";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Test
	void theChineseLetterIsMarkedChineseInEnglishMode() throws Exception {
		Scenario s = this.data.scenario();
		long id = this.data.issued(s, DisclosureMode.PROACTIVE, "英文");
		Document page = page(id, "en");
		assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
		assertThat(page.title()).isEqualTo("Reply to proposal No. 4").doesNotMatch(HAN);

		Element letter = page.selectFirst("article.letter");
		for (String part : new String[] { "h1", "p.addressee", "section h2", "div.signature" }) {
			Element e = letter.selectFirst(part);
			assertThat(e).as(part).isNotNull();
			assertThat(e.attr("lang")).as(part).isEqualTo("zh-CN");
		}
		assertThat(letter.select("section > p[lang=zh-CN]").eachText()).contains("一是推进产业英文。");
		assertThat(letter.selectFirst("h1").text()).isEqualTo("对测试会议" + s.n() + "第4号建议《关于测试建议" + s.n() + "的建议》的答复");
		// the date the letter was signed on, as written in the letter
		assertThat(letter.select("div.signature p").eachText()).contains("2022年11月6日");
		// the labels around the letter stay English
		assertThat(letter.selectFirst("table.disclosure th").attr("lang")).isEmpty();
		assertThat(letter.selectFirst("table.disclosure th").text()).doesNotMatch(HAN);
	}

	@Test
	void theChinesePageIsUnchanged() throws Exception {
		Scenario s = this.data.scenario();
		long id = this.data.issued(s, DisclosureMode.PROACTIVE, "中文");
		Document page = page(id, "zh-CN");
		assertThat(page.title()).isEqualTo("关于测试建议" + s.n() + "的建议");
		assertThat(page.select("div.signature p").eachText()).contains("2022年11月6日");
	}

	private Document page(long id, String lang) throws Exception {
		return Jsoup.parse(this.mvc.perform(get("/replies/{id}", id).param("lang", lang))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

}
