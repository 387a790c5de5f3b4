package org.dafu.stats;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.dafu.reply.DisclosureMode;
import org.dafu.reply.ReplyCorrections;
import org.dafu.reply.ReplyReview;
import org.dafu.reply.ResultClass;
import org.dafu.stats.Tally.EvaluationRow;
import org.dafu.stats.Tally.ProposalRow;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tallies the statistics are summed from (migration V81) stay equal to a count from
 * scratch through a reply's life: drafted, issued, corrected, withdrawn, evaluated,
 * re-rated, reassigned, deleted. And the statistics summed from them equal the statistics
 * counted row by row from proposals, assignments, replies and evaluations.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class StatisticsTallyTests {

	/** The rows of one proposal each, counted from the source tables (as before V81). */
	private static final String PROPOSAL_ROWS = """
			select p.id, t.name as topic, a.unit_id, u.name as unit_name, a.assigned_on, a.deadline,
			       (select min(coalesce(r.signed_on, (r.issued_at at time zone 'Asia/Shanghai')::date)) from reply r
			         where r.proposal_id = p.id and r.status = 'ISSUED') as replied_on,
			       (select r.result_class from reply r where r.proposal_id = p.id and r.status = 'ISSUED'
			         order by r.issued_at desc, r.id desc limit 1) as result_class
			from proposal p
			left join topic_category t on t.id = p.topic_category_id
			left join assignment a on a.proposal_id = p.id and a.role = 'LEAD'
			left join handling_unit u on u.id = a.unit_id
			where %s
			""";

	private static final String EVALUATION_ROWS = """
			select r.unit_id, e.result from evaluation e
			join reply r on r.id = e.reply_id and r.status = 'ISSUED'
			join proposal p on p.id = r.proposal_id
			where %s
			""";

	@Autowired
	TestData data;

	@Autowired
	ReplyCorrections corrections;

	@Autowired
	ReplyReview review;

	@Autowired
	StatisticsService statistics;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	NamedParameterJdbcTemplate named;

	@Test
	void talliesStayEqualToACountFromScratchThroughAReplysLife() {
		Scenario s = this.data.scenario();
		assertTalliesMatchARecount();
		assertThat(repliedOn(s.proposalId())).isNull();

		long draft = this.data.draft(s, "记账草稿");
		this.jdbc.update("update reply set signed_on = date '2022-05-20' where id = ?", draft);
		assertTalliesMatchARecount();
		assertThat(repliedOn(s.proposalId())).as("a draft does not count").isNull();

		this.review.issue(s.official(), draft, version(draft));
		assertTalliesMatchARecount();
		assertThat(repliedOn(s.proposalId())).isEqualTo(LocalDate.of(2022, 5, 20));

		this.corrections.correct(s.official(), draft, version(draft), TestData.shortLetter("记账更正",
				DisclosureMode.PROACTIVE, ResultClass.C, LocalDate.of(2022, 5, 25), List.of()), "更正结果类别");
		assertTalliesMatchARecount();
		assertThat(this.jdbc.queryForObject("select result_class from proposal_tally where proposal_id = ?",
				String.class, s.proposalId()))
			.isEqualTo("C");

		Ratings.rate(this.jdbc, draft, s.leadDeputyId(), "SATISFIED");
		Ratings.rate(this.jdbc, draft, s.cosignerId(), "UNSATISFIED");
		assertTalliesMatchARecount();
		this.jdbc.update("update evaluation set result = 'BASICALLY_SATISFIED' where reply_id = ? and deputy_id = ?",
				draft, s.cosignerId());
		assertTalliesMatchARecount();
		assertThat(this.jdbc.queryForList(
				"select satisfied || '/' || basically_satisfied || '/' || unsatisfied from evaluation_tally where reply_id = ?",
				String.class, draft))
			.containsExactly("1/1/0");

		this.corrections.withdraw(s.official(), draft, version(draft), DisclosureMode.NOT_PUBLIC, "涉及内部事项");
		assertTalliesMatchARecount();

		long second = this.data.issued(s, DisclosureMode.PROACTIVE, "记账第二");
		assertTalliesMatchARecount();
		this.jdbc.update("update assignment set deadline = date '2022-05-22', unit_id = ? "
				+ "where proposal_id = ? and role = 'LEAD'", s.otherUnitId(), s.proposalId());
		this.jdbc.update("update proposal set topic_category_id = ? where id = ?", this.data.topic("记账主题"),
				s.proposalId());
		this.jdbc.update("update reply set unit_id = ? where id = ?", s.otherUnitId(), draft);
		assertTalliesMatchARecount();

		this.jdbc.update("delete from evaluation where reply_id = ? and deputy_id = ?", draft, s.leadDeputyId());
		this.jdbc.update("update reply set status = 'DRAFT', index_number = null where id = ?", second);
		assertTalliesMatchARecount();
		this.jdbc.update("delete from reply where id = ?", second);
		this.jdbc.update("delete from assignment where proposal_id = ? and role = 'LEAD'", s.proposalId());
		assertTalliesMatchARecount();

		long other = this.data.anotherProposal(s);
		assertTalliesMatchARecount();
		this.jdbc.update("delete from assignment where proposal_id = ?", other);
		this.jdbc.update("delete from proposal where id = ?", other);
		assertTalliesMatchARecount();
	}

	@Test
	void theReminderCountsStayEqualToACountFromScratch() {
		Scenario s = this.data.scenario();
		long other = this.data.anotherProposal(s);
		remind(s.proposalId(), s.unitId());
		remind(s.proposalId(), s.unitId());
		remind(other, s.otherUnitId());
		assertTalliesMatchARecount();
		assertThat(reminders(s.sessionId(), s.unitId())).isEqualTo(2);
		assertThat(reminders(s.sessionId(), s.otherUnitId())).isEqualTo(1);

		// the proposal moves to another session, and back
		long elsewhere = this.data.session(2023).id();
		this.jdbc.update("update proposal set session_id = ? where id = ?", elsewhere, s.proposalId());
		assertTalliesMatchARecount();
		assertThat(reminders(s.sessionId(), s.unitId())).isZero();
		assertThat(reminders(elsewhere, s.unitId())).isEqualTo(2);
		this.jdbc.update("update proposal set session_id = ? where id = ?", s.sessionId(), s.proposalId());
		// a reminder moved to another unit, one deleted, a proposal deleted with its own
		this.jdbc.update("update proposal_reminder set unit_id = ? where id = (select min(id) from proposal_reminder"
				+ " where proposal_id = ?)", s.otherUnitId(), s.proposalId());
		assertTalliesMatchARecount();
		this.jdbc.update("delete from proposal_reminder where proposal_id = ? and unit_id = ?", s.proposalId(),
				s.unitId());
		assertTalliesMatchARecount();
		assertThat(reminders(s.sessionId(), s.otherUnitId())).isEqualTo(2);
		this.jdbc.update("delete from assignment where proposal_id = ?", other);
		this.jdbc.update("delete from proposal where id = ?", other);
		assertTalliesMatchARecount();
		assertThat(reminders(s.sessionId(), s.otherUnitId())).isEqualTo(1);
	}

	private void remind(long proposal, long unit) {
		this.jdbc.update("insert into proposal_reminder (proposal_id, unit_id, deadline, sent_by)"
				+ " values (?, ?, date '2022-06-01', 'tally')", proposal, unit);
	}

	private int reminders(long session, long unit) {
		return this.jdbc
			.queryForList("select reminders from reminder_count where session_id = ? and unit_id = ?", Integer.class,
					session, unit)
			.stream()
			.findFirst()
			.orElse(0);
	}

	@Test
	void statisticsSummedFromTheTalliesEqualThoseCountedRowByRow() {
		Scenario s = this.data.scenario();
		long unit = s.unitId();
		long topic = this.data.topic("记账对照");
		long deputy = this.data.deputy("记账代表");
		String code = "T" + s.n();
		for (int i = 0; i < 12; i++) {
			LocalDate assigned = LocalDate.of(2022, 3, 1 + i);
			long lead = (i % 3 == 0) ? s.otherUnitId() : unit;
			long proposal = this.data.assignedProposal(s.sessionId(), 200 + i, deputy, (i % 2 == 0) ? topic : null,
					lead, assigned, LocalDate.of(2022, 6, 1));
			if (i % 4 != 3) {
				LocalDate signed = LocalDate.of(2022, 5, 1).plusDays(i * 7L);
				long reply = this.data.issuedWith(proposal, lead, code,
						TestData.shortLetter("对照" + i,
								(i % 5 == 0) ? DisclosureMode.ON_REQUEST : DisclosureMode.PROACTIVE,
								ResultClass.values()[i % 4], signed, List.of()));
				for (int k = 0; k < i % 4; k++) {
					Ratings.rate(this.jdbc, reply, this.data.deputy("记账评" + k),
							List.of("SATISFIED", "BASICALLY_SATISFIED", "UNSATISFIED").get((i + k) % 3));
				}
			}
		}
		// a proposal registered and never assigned
		this.data.assignedProposal(s.sessionId(), 300, deputy, topic, unit, LocalDate.of(2022, 3, 1),
				LocalDate.of(2022, 9, 1));
		this.jdbc.update("delete from assignment where proposal_id = (select id from proposal "
				+ "where session_id = ? and number = 300)", s.sessionId());
		List<Long> proposals = this.jdbc.queryForList("select id from proposal where session_id = ? order by id",
				Long.class, s.sessionId());
		for (int i = 0; i < 3; i++) {
			remind(proposals.get(1), unit);
		}
		remind(proposals.get(2), s.otherUnitId());
		assertTalliesMatchARecount();

		LocalDate today = LocalDate.now();
		Statistics summed = this.statistics.ofSession(s.sessionId());
		List<ProposalRow> rows = proposalRows("p.session_id = :id", s.sessionId());
		List<EvaluationRow> evaluations = evaluationRows("p.session_id = :id", s.sessionId());
		assertThat(summed.rates()).isEqualTo(Tally.rates(rows, evaluations, today));
		assertThat(summed.resultClasses()).isEqualTo(Tally.resultClasses(rows));
		assertThat(summed.topics()).isEqualTo(Tally.topics(rows));
		assertThat(summed.units())
			.isEqualTo(Tally.units(rows, evaluations, remindersFromScratch(s.sessionId()), today));
		assertThat(summed.units()).anySatisfy((u) -> assertThat(u.reminders()).isEqualTo(3));
		assertThat(summed.units()).hasSize(2);
		assertThat(summed.rates().evaluations()).isPositive();

		Statistics ofUnit = this.statistics.ofUnit(unit);
		List<ProposalRow> unitRows = proposalRows("a.unit_id = :id", unit);
		assertThat(ofUnit.rates()).isEqualTo(Tally.rates(unitRows, evaluationRows("r.unit_id = :id", unit), today));
		assertThat(ofUnit.resultClasses()).isEqualTo(Tally.resultClasses(unitRows));
		assertThat(ofUnit.topics()).isEqualTo(Tally.topics(unitRows));
	}

	private List<ProposalRow> proposalRows(String where, long id) {
		return this.named.query(PROPOSAL_ROWS.formatted(where), Map.of("id", id), (rs, i) -> {
			long unitId = rs.getLong("unit_id");
			Long unit = rs.wasNull() ? null : unitId;
			return new ProposalRow(rs.getLong("id"), rs.getString("topic"), unit, rs.getString("unit_name"),
					date(rs.getDate("assigned_on")), date(rs.getDate("deadline")), date(rs.getDate("replied_on")),
					rs.getString("result_class"));
		});
	}

	private Map<Long, Long> remindersFromScratch(long session) {
		Map<Long, Long> counts = new java.util.HashMap<>();
		this.jdbc.query("select r.unit_id from proposal_reminder r join proposal p on p.id = r.proposal_id"
				+ " where p.session_id = ?", (java.sql.ResultSet rs) -> {
					counts.merge(rs.getLong(1), 1L, Long::sum);
				}, session);
		return counts;
	}

	private List<EvaluationRow> evaluationRows(String where, long id) {
		return this.named.query(EVALUATION_ROWS.formatted(where), Map.of("id", id),
				(rs, i) -> new EvaluationRow(rs.getLong("unit_id"), rs.getString("result")));
	}

	private static LocalDate date(Date date) {
		return (date != null) ? date.toLocalDate() : null;
	}

	private void assertTalliesMatchARecount() {
		for (String table : List.of("proposal_tally", "evaluation_tally", "proposal_count", "evaluation_count",
				"reminder_count")) {
			assertThat(this.jdbc.queryForList("""
					(select 'kept' as side, * from %1$s except select 'kept', * from %1$s_recount)
					union all
					(select 'recount', * from %1$s_recount except select 'recount', * from %1$s)
					""".formatted(table))).as(table).isEmpty();
		}
	}

	private LocalDate repliedOn(long proposal) {
		return this.jdbc.queryForObject("select replied_on from proposal_tally where proposal_id = ?", LocalDate.class,
				proposal);
	}

	private int version(long reply) {
		return this.jdbc.queryForObject("select version from reply where id = ?", Integer.class, reply);
	}

}
