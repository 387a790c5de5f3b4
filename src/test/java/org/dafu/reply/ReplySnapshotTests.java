package org.dafu.reply;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.dafu.history.HistoryService;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history's snapshot of a change is read from the entity the change made, not from a
 * full view loaded again: it must be the same text the full view renders, so that the
 * line diff between revisions shows what changed and nothing else.
 */
@SpringBootTest
@Import(TestDataConfiguration.class)
class ReplySnapshotTests {

	@Autowired
	TestData data;

	@Autowired
	ReplyService replies;

	@Autowired
	ReplyDrafting drafting;

	@Autowired
	HistoryService history;

	@Test
	void theSnapshotOfAnEditIsTheTextOfTheFullView() {
		Scenario s = this.data.scenario();
		long id = this.data.draft(s, "快照前");
		ReplyView before = this.replies.ofOwnUnit(s.official(), id);
		LetterContent content = before.content();
		List<SectionContent> sections = new ArrayList<>(content.sections());
		SectionContent first = sections.get(0);
		List<FigureContent> figures = new ArrayList<>(first.figures());
		FigureContent f = figures.get(0);
		figures.set(0, new FigureContent(f.subject(), new BigDecimal("98.5"), f.unit(), f.kind(), f.comparator(),
				f.period(), f.deadlineYear(), f.region(), f.growthRate(), f.rank(), f.taskShare(), f.sourceSentence()));
		sections.set(0, new SectionContent(first.kind(), first.heading(), first.body() + "\n快照后的新段落", figures));
		this.drafting.editDraft(s.official(), id, before.version(),
				new LetterContent(content.writtenOn(), content.signedOn(), content.disclosureMode(),
						content.disclosureReason(), content.catalogCategory(), content.addressee(), content.opening(),
						content.closing(), content.issuer(), content.resultClass(), sections));

		String recorded = this.history.latestSnapshot(ReplyHistoryListener.TYPE, id);
		assertThat(recorded).isEqualTo(ReplySnapshot.render(this.replies.ofOwnUnit(s.official(), id)));
		assertThat(recorded).contains("快照后的新段落").contains(" 98.5");
	}

}
