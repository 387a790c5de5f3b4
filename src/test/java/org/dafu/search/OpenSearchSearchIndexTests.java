package org.dafu.search;

import java.util.List;

import javax.sql.DataSource;

import org.dafu.access.Viewer;
import org.dafu.reply.DisclosureMode;
import org.dafu.reply.ReplyIndex;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.hibernate.search.mapper.orm.Search;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index follows proposals, units and co-signers, and facets count only what each
 * viewer may read, on the OpenSearch backend too.
 */
@OpenSearchBackend
class OpenSearchSearchIndexTests extends SearchIndexTests {

	@Autowired
	DataSource dataSource;

	/** As on Lucene, once the purge is visible (OpenSearch shows it after a refresh). */
	@Test
	@Override
	void anEmptiedIndexIsRebuiltByTheMassIndexer() throws Exception {
		Scenario s = this.data.scenario();
		String word = TestData.cjkWord();
		long id = this.data.issued(s, DisclosureMode.PROACTIVE, word);
		OpenSearchIndexing.awaitIndexed(this.dataSource);
		Search.mapping(this.entityManagerFactory).scope(Object.class, List.of(ReplyIndex.ENTITY)).workspace().purge();
		OpenSearchIndexing.refresh();
		assertThat(this.index.size()).isZero();
		assertThat(this.startup.rebuildIfIncomplete()).isTrue();
		OpenSearchIndexing.refresh();
		assertThat(found(Viewer.anonymous(), everywhere(word))).containsExactly(id);
	}

	/** Indexing is asynchronous (outbox polling), and shown after a refresh. */
	@Override
	void settled() {
		OpenSearchIndexing.awaitIndexed(this.dataSource);
		OpenSearchIndexing.refresh();
	}

	/**
	 * On OpenSearch the index's mapping says so (its own highlighter then reads the
	 * offsets from the term vectors).
	 */
	@Test
	@Override
	void theSearchedTextKeepsTermVectorsWithOffsetsForTheHighlighter() throws Exception {
		assertThat(OpenSearchIndexing.get("/" + ReplyIndex.NAME + "-read/_mapping"))
			.containsPattern("\"" + ReplyIndex.TEXT + "\":\\{[^{}]*\"term_vector\":\"with_positions_offsets\"");
	}

}
