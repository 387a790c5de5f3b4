package org.dafu.search;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManagerFactory;
import org.apache.lucene.index.IndexReader;
import org.dafu.access.Viewer;
import org.dafu.platform.web.Paging;
import org.dafu.reply.DisclosureMode;
import org.dafu.reply.ReplyIndex;
import org.dafu.reply.ReplySearchIndex;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.mapper.orm.Search;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuilt index is one segment: a search pays for each segment, and the mass indexer
 * leaves many (here, with the index writer flushing every two documents, as a large
 * rebuild flushes every few megabytes).
 */
@SpringBootTest(properties = "spring.jpa.properties.hibernate.search.backend.io.writer.max_buffered_docs=2")
@Import(TestDataConfiguration.class)
class SearchIndexMergeTests {

	@Autowired
	TestData data;

	@Autowired
	ReplySearchIndex index;

	@Autowired
	SearchService search;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Test
	void theMassIndexerLeavesOneSegment() throws Exception {
		Scenario s = this.data.scenario();
		String word = TestData.cjkWord();
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			ids.add(this.data.issued(s, DisclosureMode.PROACTIVE, word));
		}
		// written one transaction at a time: a segment (or more) each
		assertThat(segments()).isGreaterThan(1);
		this.index.rebuild();
		assertThat(segments()).isEqualTo(1);
		assertThat(this.index.size()).isEqualTo(this.index.replies());
		SearchCriteria criteria = new SearchCriteria(SearchQuery.parse(word).query(), null, null, null, null, null,
				null, null);
		assertThat(this.search.search(Viewer.anonymous(), criteria, Paging.of(1, 50)).items()).extracting(SearchHit::id)
			.containsExactlyInAnyOrderElementsOf(ids);
	}

	private int segments() throws Exception {
		try (IndexReader reader = Search.mapping(this.entityManagerFactory)
			.scope(Object.class, List.of(ReplyIndex.ENTITY))
			.extension(LuceneExtension.get())
			.openIndexReader()) {
			return reader.leaves().size();
		}
	}

}
