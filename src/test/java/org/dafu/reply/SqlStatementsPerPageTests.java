package org.dafu.reply;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.dafu.platform.cache.ResultCache;
import org.dafu.testing.SqlStatementCounter;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public pages cost a small, stated number of SQL statements, whatever the letter's
 * size or the page's depth (docs/benchmarks.md, "SQL statements per page"). Counted with
 * the page cache off, on every statement the request's thread sends (an entry per round
 * trip: statements sent together are one entry). The change log is read after this
 * instance's changes only (a check interval of an hour), so that its check once a second
 * does not fall into the counts at random.
 */
@SpringBootTest(properties = { "dafu.page-cache.enabled=false", "dafu.page-cache.version-check-interval=1h" })
@AutoConfigureMockMvc
@Import({ TestDataConfiguration.class, SqlStatementCounter.class })
class SqlStatementsPerPageTests {

	/**
	 * The reply with its proposal, unit and corrections, and its sections with figures:
	 * two statements sent together. No co-handling opinion is read when the proposal has
	 * none signed (kept for the public until a public change).
	 */
	static final int LETTER = 1;

	/**
	 * The result cache's version check; the page's rows (a seek at any depth); the
	 * filters' choices' version check.
	 */
	static final int LIST = 3;

	/** The home page: the version check and the rows. */
	static final int HOME = 2;

	/**
	 * A list page whose page boundaries and count, and the filters' choices, were not
	 * cached yet.
	 */
	static final int LIST_FIRST_AFTER_CHANGE = 5;

	/**
	 * A proposal's record: the proposal with its session and deputies; its units with
	 * their extensions; its replies; its 重新办理 with the ratings of readable replies. As on
	 * a letter, no co-handling opinion is read when the proposal has none signed.
	 */
	static final int RECORD = 4;

	/**
	 * The first public page that may show co-handling opinions after a public change
	 * reads once which proposals have a signed one.
	 */
	static final int FIRST_AFTER_CHANGE = 1;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	ReplyService replies;

	@Autowired
	ReplyCorrections corrections;

	@Autowired
	org.dafu.proposal.ProposalService proposals;

	@Autowired
	org.dafu.evaluation.EvaluationService evaluations;

	@Autowired
	ResultCache cache;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aResultKeptWithinTheIntervalCostsNoStatementUntilAPublicChange() throws Exception {
		String key = "test:kept-" + TestData.unique();
		AtomicInteger computed = new AtomicInteger();
		Supplier<Integer> compute = () -> this.jdbc.queryForObject("select 1", Integer.class)
				+ computed.getAndIncrement();
		assertThat(SqlStatementCounter.record(() -> this.cache.getWithinInterval(key, compute))).hasSize(1);
		assertThat(SqlStatementCounter.record(() -> this.cache.getWithinInterval(key, compute))).isEmpty();
		assertThat(this.cache.getWithinInterval(key, compute)).isEqualTo(1);
		Scenario s = this.data.scenario();
		this.data.issued(s, DisclosureMode.PROACTIVE, "保留的结果");
		// this instance read the change log as the issue committed: computed anew
		assertThat(SqlStatementCounter.record(() -> this.cache.getWithinInterval(key, compute))).hasSize(1);
		assertThat(this.cache.getWithinInterval(key, compute)).isEqualTo(2);
		assertThat(computed).hasValue(2);
	}

	@Test
	void aLetterIsOneRoundTripWhateverItsSectionsFiguresAndCorrections() throws Exception {
		Scenario s = this.data.scenario();
		long id = this.data.issued(s, DisclosureMode.PROACTIVE, "计数页");
		ReplyView issued = this.replies.readable(s.official(), id);
		this.corrections.correct(s.official(), id, issued.version(), issued.content(), "更正一");
		ReplyView corrected = this.replies.readable(s.official(), id);
		assertThat(corrected.sections()).hasSizeGreaterThan(1);
		assertThat(corrected.figures()).isNotEmpty();
		List<String> first = count(get("/replies/{id}", id), "计数页");
		assertThat(first).as("%s", first).hasSize(LETTER + FIRST_AFTER_CHANGE);
		List<String> statements = count(get("/replies/{id}", id), "计数页");
		assertThat(statements).as("%s", statements).hasSize(LETTER);
		// the reply and its sections, sent together
		assertThat(statements.get(0).split(";\\s*\\n")).hasSize(2);
		assertThat(count(get("/replies/index/" + corrected.indexNumber()), "更正一")).hasSize(LETTER);
	}

	@Test
	void listPagesAndTheHomePageAreAFewStatementsAtAnyDepth() throws Exception {
		Scenario s = this.data.scenario();
		long newest = 0;
		for (int i = 0; i < 45; i++) {
			newest = this.data.issued(s, DisclosureMode.PROACTIVE, "计数列表" + i);
		}
		String link = "/replies/" + newest + "\"";
		List<String> first = count(get("/replies"), link);
		assertThat(first).as("%s", first).hasSizeLessThanOrEqualTo(LIST_FIRST_AFTER_CHANGE);
		assertThat(count(get("/replies"), link)).hasSizeLessThanOrEqualTo(LIST);
		assertThat(count(get("/replies").param("page", "2"), "/replies/")).hasSizeLessThanOrEqualTo(LIST);
		String last = this.mvc.perform(get("/replies"))
			.andReturn()
			.getResponse()
			.getContentAsString()
			.replaceAll("(?s).*第 [\\d,]+ / ([\\d,]+) 页.*", "$1")
			.replace(",", "");
		List<String> deep = count(get("/replies").param("page", last), "/replies/");
		assertThat(deep).as("%s", deep).hasSizeLessThanOrEqualTo(LIST);
		// the same work at any depth: a seek, neither skipping rows nor counting them
		List<String> second = count(get("/replies").param("page", "2"), "/replies/");
		assertThat(deep).isEqualTo(second)
			.noneSatisfy((sql) -> assertThat(sql).containsIgnoringCase("offset"))
			.noneSatisfy((sql) -> assertThat(sql).containsIgnoringCase("count("));
		assertThat(count(get("/"), link)).hasSizeLessThanOrEqualTo(HOME);
	}

	@Test
	void aProposalsRecordIsFourStatementsWhateverItsUnitsExtensionsRepliesAndRatings() throws Exception {
		List<List<String>> counted = new java.util.ArrayList<>();
		for (int size : List.of(1, 4)) {
			Scenario s = this.data.scenario();
			int number = 1000 + TestData.unique() % 100_000;
			List<Long> coUnits = new java.util.ArrayList<>();
			for (int i = 0; i < size; i++) {
				coUnits.add(this.data.unit("计数协办"));
			}
			long proposal = this.proposals
				.register(new org.dafu.proposal.ProposalService.RegisterProposalCommand(s.sessionId(), number,
						"关于计数档案" + number + "的建议", "正文", s.leadDeputyId(), java.util.Set.of(s.cosignerId()), null,
						java.time.LocalDate.of(2022, 2, 20), false))
				.id();
			this.proposals.assign(proposal, s.unitId(), coUnits, java.time.LocalDate.of(2022, 3, 1),
					java.time.LocalDate.of(2022, 5, 1));
			for (int i = 0; i < size; i++) {
				int month = 6 + i;
				org.dafu.testing.AsViewer.run(org.dafu.access.Viewer.coordinator("boss"),
						() -> this.proposals.extendDeadline(proposal, this.proposals.proposal(proposal).version(),
								java.time.LocalDate.of(2022, month, 1), "复杂", "boss"));
			}
			long first = 0;
			for (int i = 0; i < size; i++) {
				long id = this.data.issuedWith(proposal, s.unitId(), "T" + s.n(),
						org.dafu.testing.TestData.letter("计数档案" + i, DisclosureMode.PROACTIVE, ResultClass.A));
				this.data.issuedWith(proposal, s.unitId(), "T" + s.n(),
						org.dafu.testing.TestData.letter("计数档案隐" + i, DisclosureMode.ON_REQUEST, ResultClass.A));
				first = (first == 0) ? id : first;
			}
			this.evaluations.rate(s.lead(), first, new org.dafu.evaluation.RateCommand(
					org.dafu.evaluation.Rating.UNSATISFIED, org.dafu.evaluation.Rating.UNSATISFIED, null));
			List<String> afterChange = count(get("/sessions/{s}/proposals/{n}", s.sessionId(), number),
					"关于计数档案" + number);
			assertThat(afterChange).as("%s", afterChange).hasSize(RECORD + FIRST_AFTER_CHANGE);
			List<String> statements = count(get("/sessions/{s}/proposals/{n}", s.sessionId(), number),
					"关于计数档案" + number);
			assertThat(statements).as("%s", statements).hasSize(RECORD);
			counted.add(statements);
		}
		// as many statements, whatever the sizes
		assertThat(counted.get(0)).hasSameSizeAs(counted.get(1));
	}

	private List<String> count(MockHttpServletRequestBuilder request, String expected) throws Exception {
		return SqlStatementCounter.record(() -> this.mvc.perform(request)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(expected))));
	}

}
