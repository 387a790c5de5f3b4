package org.dafu.reply;

import org.dafu.access.Viewer;
import org.dafu.platform.web.NotFoundException;
import org.dafu.platform.web.PageView;
import org.dafu.platform.web.Paging;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class ReplyReadsTests {

	@Autowired
	TestData data;

	@Autowired
	ReplyService replies;

	@Autowired
	LetterReads letters;

	@Autowired
	ReplyListReads lists;

	@Autowired
	ReplyCorrections corrections;

	@Autowired
	MockMvc mvc;

	@Test
	void theLetterReadIsTheSameViewAsTheEntity() {
		Scenario s = this.data.scenario();
		long id = this.data.issued(s, DisclosureMode.PROACTIVE, "读取一致");
		ReplyView issued = this.replies.readable(s.official(), id);
		this.corrections.correct(s.official(), id, issued.version(), issued.content(), "更正甲");
		ReplyView corrected = this.replies.readable(s.official(), id);
		this.corrections.correct(s.official(), id, corrected.version(), corrected.content(), "更正乙");
		ReplyView expected = this.replies.readable(s.official(), id);
		assertThat(expected.corrections()).hasSize(2);
		assertThat(expected.figures()).isNotEmpty();
		assertThat(this.letters.letter(Viewer.anonymous(), id)).isEqualTo(expected);
		assertThat(this.letters.letterByIndexNumber(Viewer.anonymous(), expected.indexNumber())).isEqualTo(expected);
	}

	@Test
	void theLetterReadKeepsTheAccessPolicy() {
		Scenario s = this.data.scenario();
		long onRequest = this.data.issued(s, DisclosureMode.ON_REQUEST, "依申请读取");
		long draft = this.data.draft(s, "草稿读取");
		for (long id : new long[] { onRequest, draft }) {
			assertThatExceptionOfType(NotFoundException.class)
				.isThrownBy(() -> this.letters.letter(Viewer.anonymous(), id));
			assertThatExceptionOfType(NotFoundException.class)
				.isThrownBy(() -> this.letters.letter(s.otherOfficial(), id));
			assertThat(this.letters.letter(s.official(), id)).isEqualTo(this.replies.readable(s.official(), id));
		}
		assertThat(this.letters.letter(s.lead(), onRequest).id()).isEqualTo(onRequest);
		assertThat(this.letters.letter(s.cosigner(), onRequest).id()).isEqualTo(onRequest);
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.letters.letter(s.bystander(), onRequest));
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.letters.letter(s.lead(), draft));
	}

	@Test
	void everyPublicPageFoundBySeekIsThePageFoundByOffset() {
		Scenario s = this.data.scenario();
		for (int i = 0; i < 25; i++) {
			this.data.issued(s, (i % 5 == 0) ? DisclosureMode.ON_REQUEST : DisclosureMode.PROACTIVE, "翻页" + i);
		}
		this.data.draft(s, "翻页草稿");
		PageView<ReplySummary> first = this.lists.latest(Viewer.anonymous(), Paging.of(1, null));
		assertThat(first.total()).isEqualTo(this.lists.latestByOffset(Viewer.anonymous(), Paging.of(1, null)).total());
		int pages = Math.min(first.totalPages(), 40);
		for (int page = 1; page <= pages + 1; page++) {
			assertThat(this.lists.latest(Viewer.anonymous(), Paging.of(page, null)))
				.isEqualTo(this.lists.latestByOffset(Viewer.anonymous(), Paging.of(page, null)));
		}
		int last = first.totalPages();
		assertThat(this.lists.latest(Viewer.anonymous(), Paging.of(last, null)))
			.isEqualTo(this.lists.latestByOffset(Viewer.anonymous(), Paging.of(last, null)));
		assertThat(this.lists.latest(Viewer.anonymous(), Paging.of(1, 10)))
			.isEqualTo(this.lists.latestByOffset(Viewer.anonymous(), Paging.of(1, 10)));
		assertThat(this.lists.latest(Viewer.anonymous(), Paging.of(1, null)).items())
			.allSatisfy((r) -> assertThat(r.disclosureMode()).isEqualTo(DisclosureMode.PROACTIVE))
			.allSatisfy((r) -> assertThat(r.status()).isEqualTo(ReplyStatus.ISSUED));
	}

	/**
	 * The public list is read by seek, so its page numbers go as deep as the list (a
	 * million replies make 38,000 pages); the lists read with OFFSET (signed-in viewers,
	 * filters) stop at page {@value Paging#MAX_PAGE}.
	 */
	@Test
	void thePublicListsPagesGoPastTheOffsetListsLastPage() throws Exception {
		Scenario s = this.data.scenario();
		this.data.issued(s, DisclosureMode.PROACTIVE, "深页");
		long total = this.lists.publicCount();
		int deep = Paging.MAX_PAGE + 1;
		PageView<ReplySummary> seek = this.lists.latest(Viewer.anonymous(), Paging.seek(deep, null));
		assertThat(seek.page()).isEqualTo(deep);
		assertThat(seek.total()).isEqualTo(total);
		// past the list's last page: empty, with the total (the pager leads back)
		assertThat(seek.items()).isEmpty();
		assertThat(this.lists.latest(s.official(), Paging.seek(deep, null)).page()).isEqualTo(Paging.MAX_PAGE);
		assertThat(Paging.of(deep, null).page()).isEqualTo(Paging.MAX_PAGE);
		assertThat(Paging.seek(Integer.MAX_VALUE, null).page()).isEqualTo(Paging.MAX_SEEK_PAGE);
		MvcResult list = this.mvc.perform(get("/replies").param("page", String.valueOf(deep)))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(((PageView<?>) list.getModelAndView().getModel().get("page")).page()).isEqualTo(deep);
	}

}
