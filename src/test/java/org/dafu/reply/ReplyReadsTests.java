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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

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

}
