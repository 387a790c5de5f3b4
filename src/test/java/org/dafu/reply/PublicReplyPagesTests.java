package org.dafu.reply;

import java.time.LocalDate;
import java.util.List;

import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class PublicReplyPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	ReplyService replies;

	@Test
	void aPublicReplyRendersAsItsLetter() throws Exception {
		Scenario s = this.data.scenario();
		long id = this.data.issued(s, DisclosureMode.PROACTIVE, "信函页");
		String index = this.replies.readable(s.official(), id).indexNumber();
		this.mvc.perform(get("/replies/{id}", id))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("一、关于产业发展信函页")))
			.andExpect(content().string(containsString(index)))
			.andExpect(content().string(containsString("2022年11月6日")))
			.andExpect(content().string(containsString("亿元")))
			.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")));
		this.mvc.perform(get("/replies/index/" + index)).andExpect(status().isOk());
		this.mvc.perform(get("/replies/{id}", id).param("lang", "en"))
			.andExpect(content().string(containsString("Index number")));
	}

	@Test
	void aLetterWithoutAnOpeningOrAddresseeStillRenders() throws Exception {
		Scenario s = this.data.scenario();
		LetterContent letter = new LetterContent(LocalDate.of(2022, 11, 1), LocalDate.of(2022, 11, 6),
				DisclosureMode.PROACTIVE, null, null, null, null, null, "测试单位", ResultClass.B,
				List.of(new SectionContent(SectionKind.RESPONSE, "一、无开头信函", "正文无开头信函", List.of())));
		long id = this.data.issuedWith(s.proposalId(), s.unitId(), "11330800002618015K", letter);
		this.mvc.perform(get("/replies/{id}", id))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("正文无开头信函")));
	}

	@Test
	void undisclosedRepliesAreMissingForTheAnonymousVisitor() throws Exception {
		Scenario s = this.data.scenario();
		long onRequest = this.data.issued(s, DisclosureMode.ON_REQUEST, "不该出现甲");
		long draft = this.data.draft(s, "不该出现乙");
		this.mvc.perform(get("/replies/{id}", onRequest))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString("不该出现"))));
		this.mvc.perform(get("/replies/{id}", draft)).andExpect(status().isNotFound());
		this.mvc.perform(get("/replies").param("page", "1"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("不该出现"))));
		this.mvc.perform(get("/")).andExpect(content().string(not(containsString("不该出现"))));
	}

	@Test
	void hostileParametersAreHarmless() throws Exception {
		this.mvc.perform(get("/replies").param("page", "'; drop table reply;--")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/replies").param("page", "99999999")).andExpect(status().isOk());
		this.mvc.perform(get("/replies/<script>")).andExpect(status().is4xxClientError());
		this.mvc.perform(get("/replies/999999999999"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString("Exception"))));
	}

}
