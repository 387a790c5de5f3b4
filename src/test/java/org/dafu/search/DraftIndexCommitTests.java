package org.dafu.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import jakarta.persistence.EntityManagerFactory;
import org.apache.lucene.index.SegmentInfos;
import org.dafu.access.Viewer;
import org.dafu.platform.web.Paging;
import org.dafu.reply.DisclosureMode;
import org.dafu.reply.ReplyDrafting;
import org.dafu.reply.ReplyIndex;
import org.dafu.reply.ReplyService;
import org.dafu.reply.ReplyView;
import org.dafu.reply.ResultClass;
import org.dafu.reply.SectionContent;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A draft's edit is searchable by its unit as soon as it is saved, without a commit of
 * the Lucene index (and its fsync) per save; an edit the index had not committed when the
 * process ended is indexed again at the next start. The commit interval is long here, so
 * that only the changes that commit themselves reach the disk during a test, and the
 * catch-up between instances does not look again (it would re-index what these tests
 * write behind the index's back).
 */
@SpringBootTest(properties = { "dafu.search.commit-interval=1h", "dafu.search.catch-up-interval=1h" })
@Import(TestDataConfiguration.class)
class DraftIndexCommitTests {

	@Autowired
	TestData data;

	@Autowired
	ReplyDrafting drafting;

	@Autowired
	ReplyService replies;

	@Autowired
	SearchService search;

	@Autowired
	SearchIndexStartup startup;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSavedDraftIsFoundAtOnceWithoutACommitOfTheIndex() throws Exception {
		Scenario s = this.data.scenario();
		long id = this.data.draft(s, "保存前");
		long committed = commitGeneration();
		String word = TestData.cjkWord();
		ReplyView draft = this.replies.ofOwnUnit(s.official(), id);
		this.drafting.editDraft(s.official(), id, draft.version(), withLastBody(draft, word));
		// searchable by the unit's officials at once; not found by others
		assertThat(found(s.official(), word)).containsExactly(id);
		assertThat(found(Viewer.anonymous(), word)).isEmpty();
		// no commit of the index for the save
		assertThat(commitGeneration()).isEqualTo(committed);
		// a change that is public commits the index, the draft's edit with it
		this.data.issued(s, DisclosureMode.PROACTIVE, TestData.cjkWord());
		assertThat(commitGeneration()).isGreaterThan(committed);
		assertThat(found(s.official(), word)).containsExactly(id);
	}

	@Test
	void anEditTheIndexHadNotCommittedIsIndexedAgainAtStart() throws Exception {
		Scenario s = this.data.scenario();
		long id = this.data.draft(s, "保存前");
		String word = TestData.cjkWord();
		// (the catch-up's first look, which the 1h interval makes the last)
		assertThat(found(s.official(), word)).isEmpty();
		// the index as after a crash that lost its last commit: the database holds the
		// saved text, the index the text before
		this.jdbc
			.sql("update reply_section set body = body || :word where reply_id = :id"
					+ " and ordinal = (select max(ordinal) from reply_section where reply_id = :id)")
			.param("word", word)
			.param("id", id)
			.update();
		this.jdbc.sql("update reply set updated_at = now() where id = :id").param("id", id).update();
		assertThat(found(s.official(), word)).isEmpty();
		// the counts agree, so nothing is rebuilt; the change is indexed again
		assertThat(this.startup.rebuildIfIncomplete()).isFalse();
		assertThat(found(s.official(), word)).containsExactly(id);
	}

	private List<Long> found(Viewer viewer, String word) {
		SearchCriteria criteria = new SearchCriteria(SearchQuery.parse(word).query(), null, null, null, null, null,
				null, null);
		return this.search.search(viewer, criteria, Paging.of(1, 50)).items().stream().map(SearchHit::id).toList();
	}

	private static org.dafu.reply.LetterContent withLastBody(ReplyView draft, String word) {
		org.dafu.reply.LetterContent c = draft.content();
		List<SectionContent> sections = new java.util.ArrayList<>(c.sections());
		SectionContent last = sections.remove(sections.size() - 1);
		sections.add(new SectionContent(last.kind(), last.heading(), last.body() + word, last.figures()));
		return new org.dafu.reply.LetterContent(c.writtenOn(), c.signedOn(), c.disclosureMode(), c.disclosureReason(),
				c.catalogCategory(), c.addressee(), c.opening(), c.closing(), c.issuer(),
				(c.resultClass() != null) ? c.resultClass() : ResultClass.B, sections);
	}

	/** The generation of the index's latest commit on disk ({@code segments_N}). */
	private long commitGeneration() throws IOException {
		Object root = this.entityManagerFactory.getProperties().get("hibernate.search.backend.directory.root");
		try (Stream<Path> files = Files.list(Path.of(root.toString(), ReplyIndex.NAME))) {
			return SegmentInfos
				.getLastCommitGeneration(files.map((f) -> f.getFileName().toString()).toArray(String[]::new));
		}
	}

}
