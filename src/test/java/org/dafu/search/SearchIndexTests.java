package org.dafu.search;

import java.util.List;
import java.util.Set;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.TopDocs;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.mapper.orm.Search;

import jakarta.persistence.EntityManagerFactory;
import org.dafu.access.Viewer;
import org.dafu.platform.web.PageView;
import org.dafu.platform.web.Paging;
import org.dafu.proposal.ProposalService;
import org.dafu.proposal.ProposalService.ReviseProposalCommand;
import org.dafu.reply.DisclosureMode;
import org.dafu.reply.ReplyIndex;
import org.dafu.reply.ReplySearchIndex;
import org.dafu.reply.ResultClass;
import org.dafu.testing.AsViewer;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.dafu.unit.UnitService;
import org.dafu.unit.UnitView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index of replies: what it finds (single characters, two-character words), how its
 * facets respect the access policy, how it follows changes around a reply, and how it is
 * rebuilt when it is empty.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class SearchIndexTests {

	@Autowired
	TestData data;

	@Autowired
	SearchService search;

	@Autowired
	ProposalService proposals;

	@Autowired
	UnitService units;

	@Autowired
	SearchIndexStartup startup;

	@Autowired
	ReplySearchIndex index;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	static SearchCriteria inUnit(String q, Scenario s) {
		return new SearchCriteria(SearchQuery.parse(q).query(), null, null, s.unitId(), null, null, null, null);
	}

	static SearchCriteria everywhere(String q) {
		return new SearchCriteria(SearchQuery.parse(q).query(), null, null, null, null, null, null, null);
	}

	static List<Long> ids(PageView<SearchHit> page) {
		return page.items().stream().map(SearchHit::id).toList();
	}

	List<Long> found(Viewer viewer, SearchCriteria criteria) {
		return ids(this.search.search(viewer, criteria, Paging.of(1, 50)));
	}

	@Test
	void aTwoCharacterWordAndALoneCharacterAreFound() {
		Scenario s = this.data.scenario();
		long id = this.data.issuedWith(s.proposalId(), s.unitId(), "T" + s.n(), TestData.shortLetter("龘龢之事",
				DisclosureMode.PROACTIVE, ResultClass.A, java.time.LocalDate.of(2023, 5, 1), List.of()));
		assertThat(found(Viewer.anonymous(), inUnit("龘龢", s))).containsExactly(id);
		assertThat(found(Viewer.anonymous(), inUnit("龢", s))).containsExactly(id);
		assertThat(found(Viewer.anonymous(), inUnit("龘", s))).containsExactly(id);
		// the characters of a word must be adjacent, in order
		assertThat(found(Viewer.anonymous(), inUnit("龢龘", s))).isEmpty();
	}

	@Test
	void facetsCountOnlyWhatEachViewerMayRead() {
		Scenario s = this.data.scenario();
		String word = TestData.cjkWord();
		this.data.issued(s, DisclosureMode.PROACTIVE, word);
		this.data.issued(s, DisclosureMode.ON_REQUEST, word);
		this.data.issued(s, DisclosureMode.NOT_PUBLIC, word);
		this.data.draft(s, word);
		SearchCriteria criteria = everywhere(word);
		assertThat(unitCount(Viewer.anonymous(), criteria)).containsExactly(1L);
		assertThat(unitCount(s.bystander(), criteria)).containsExactly(1L);
		assertThat(unitCount(s.otherOfficial(), criteria)).containsExactly(1L);
		assertThat(unitCount(s.lead(), criteria)).containsExactly(3L);
		assertThat(unitCount(s.cosigner(), criteria)).containsExactly(3L);
		assertThat(unitCount(s.official(), criteria)).containsExactly(4L);
		assertThat(unitCount(Viewer.coordinator("c"), criteria)).containsExactly(4L);
		// the same for every dimension: the region of the figures, the result classes
		Facets lead = this.search.facets(s.lead(), criteria);
		assertThat(lead.regions()).extracting(Facets.Count::count).containsExactly(3L);
		assertThat(lead.resultClasses()).extracting(Facets.Count::count).containsExactly(3L);
		assertThat(lead.deputies()).extracting(Facets.Count::value)
			.containsExactlyInAnyOrder(String.valueOf(s.leadDeputyId()), String.valueOf(s.cosignerId()));
		assertThat(lead.deputies()).extracting(Facets.Count::count).containsExactly(3L, 3L);
		assertThat(this.search.facets(Viewer.anonymous(), criteria).deputies()).extracting(Facets.Count::count)
			.containsExactly(1L, 1L);
		Facets anonymous = this.search.facets(Viewer.anonymous(), criteria);
		assertThat(anonymous.regions()).extracting(Facets.Count::count).containsExactly(1L);
		assertThat(anonymous.sessions()).extracting(Facets.Count::value).containsExactly(String.valueOf(s.sessionId()));
		assertThat(anonymous.years()).extracting(Facets.Count::value).containsExactly("2022");
		assertThat(this.search.facets(s.official(), criteria).resultClasses()).extracting(Facets.Count::value)
			.containsExactly("A", "B");
	}

	private List<Long> unitCount(Viewer viewer, SearchCriteria criteria) {
		return this.search.facets(viewer, criteria).units().stream().map(Facets.Count::count).toList();
	}

	@Test
	void aRevisedProposalAndARenamedUnitReachTheIndex() {
		Scenario s = this.data.scenario();
		String word = TestData.cjkWord();
		long id = this.data.issued(s, DisclosureMode.PROACTIVE, word);
		String newTitle = TestData.cjkWord();
		String newUnit = TestData.cjkWord();
		SecurityContextHolder.getContext().setAuthentication(AsViewer.authenticationOf(Viewer.coordinator("boss")));
		var proposal = this.proposals.proposal(s.proposalId());
		this.proposals.revise(s.proposalId(), proposal.version(), new ReviseProposalCommand("关于" + newTitle + "的建议",
				"正文", s.leadDeputyId(), Set.of(s.cosignerId()), null, null, false));
		UnitView unit = this.units.unit(s.unitId());
		this.units.update(s.unitId(), unit.version(), "单位" + newUnit, unit.orgCode());
		assertThat(found(Viewer.anonymous(), everywhere(newTitle))).containsExactly(id);
		assertThat(found(Viewer.anonymous(), everywhere(newUnit))).containsExactly(id);
		SearchHit hit = this.search.search(Viewer.anonymous(), everywhere(word), Paging.of(1, 5)).items().get(0);
		assertThat(hit.proposalTitle()).isEqualTo("关于" + newTitle + "的建议");
		assertThat(hit.unitName()).isEqualTo("单位" + newUnit);
		// a co-signer taken off the proposal no longer reads its non-public replies
		long hidden = this.data.issued(s, DisclosureMode.ON_REQUEST, word);
		assertThat(found(s.cosigner(), everywhere(word))).contains(hidden);
		proposal = this.proposals.proposal(s.proposalId());
		this.proposals.revise(s.proposalId(), proposal.version(),
				new ReviseProposalCommand(proposal.title(), "正文", s.leadDeputyId(), Set.of(), null, null, false));
		assertThat(found(s.cosigner(), everywhere(word))).doesNotContain(hidden);
	}

	@Test
	void anEmptiedIndexIsRebuiltByTheMassIndexer() throws Exception {
		Scenario s = this.data.scenario();
		String word = TestData.cjkWord();
		long id = this.data.issued(s, DisclosureMode.PROACTIVE, word);
		Search.mapping(this.entityManagerFactory).scope(Object.class, List.of(ReplyIndex.ENTITY)).workspace().purge();
		assertThat(this.index.size()).isZero();
		assertThat(this.startup.rebuildIfIncomplete()).isTrue();
		assertThat(found(Viewer.anonymous(), everywhere(word))).containsExactly(id);
		assertThat(this.startup.rebuildIfIncomplete()).isFalse();
	}

	/**
	 * An upgrade that changes the mapping leaves an index holding as many replies as the
	 * database, built the old way: it is rebuilt at start all the same.
	 */
	@Test
	void anIndexBuiltWithAnotherMappingIsRebuilt() throws Exception {
		Scenario s = this.data.scenario();
		String word = TestData.cjkWord();
		long id = this.data.issued(s, DisclosureMode.PROACTIVE, word);
		settled();
		assertThat(this.startup.rebuildIfIncomplete()).isFalse();
		this.index.forgetMapping();
		assertThat(this.index.mappingIsCurrent()).isFalse();
		assertThat(this.startup.rebuildIfIncomplete()).isTrue();
		assertThat(this.index.mappingIsCurrent()).isTrue();
		settled();
		assertThat(found(Viewer.anonymous(), everywhere(word))).containsExactly(id);
		assertThat(this.startup.rebuildIfIncomplete()).isFalse();
	}

	/**
	 * The field searched and highlighted keeps term vectors with positions and offsets,
	 * so that the highlighter reads a hit's offsets instead of analysing its stored text
	 * again: on Lucene, the reply's document has them.
	 */
	@Test
	void theSearchedTextKeepsTermVectorsWithOffsetsForTheHighlighter() throws Exception {
		Scenario s = this.data.scenario();
		String word = TestData.cjkWord();
		this.data.issued(s, DisclosureMode.PROACTIVE, word);
		settled();
		try (IndexReader reader = Search.mapping(this.entityManagerFactory)
			.scope(Object.class, List.of(ReplyIndex.ENTITY))
			.extension(LuceneExtension.get())
			.openIndexReader()) {
			// the word's CJK bigrams, in a row: found in this reply only
			String[] bigrams = new String[word.length() - 1];
			for (int i = 0; i < bigrams.length; i++) {
				bigrams[i] = word.substring(i, i + 2);
			}
			TopDocs top = new IndexSearcher(reader).search(new PhraseQuery(ReplyIndex.TEXT, bigrams), 2);
			assertThat(top.scoreDocs).hasSize(1);
			Terms vectors = reader.termVectors().get(top.scoreDocs[0].doc, ReplyIndex.TEXT);
			assertThat(vectors).isNotNull();
			assertThat(vectors.hasPositions()).isTrue();
			assertThat(vectors.hasOffsets()).isTrue();
		}
	}

	/** What a backend needs before its index shows what was written (nothing here). */
	void settled() {
	}

}
