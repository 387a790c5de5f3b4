package org.dafu.generate;

import java.security.MessageDigest;
import java.sql.Connection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The generator (a tool in src/tools/java, not in the application's jar) writes the same
 * letters for the same seed, shaped like real replies, into the schema as migrated today.
 * Each run goes into its own scope of the shared test database.
 */
@SpringBootTest
class ReplyGeneratorTests {

	private static final int REPLIES = 200;

	@Autowired
	DataSource dataSource;

	@Autowired
	NamedParameterJdbcTemplate jdbc;

	ReplyGenerator generator;

	@BeforeEach
	void generator() {
		this.generator = new ReplyGenerator(this.dataSource);
	}

	@Test
	void theColumnsItWritesAreInTheMigratedSchemaWithTheirTypes() throws Exception {
		try (Connection connection = this.dataSource.getConnection()) {
			assertThat(GeneratedTables.problems(connection, GeneratedTables.ALL)).isEmpty();
			assertThatNoException().isThrownBy(() -> GeneratedTables.check(connection));
		}
	}

	@Test
	void aColumnTheSchemaNoLongerTakesIsNamed() throws Exception {
		// As after a migration that renamed, retyped or added a column of reply, or
		// dropped a table.
		GeneratedTables.Table reply = new GeneratedTables.Table("reply", "id", GeneratedTables.Kind.INTEGER,
				"proposal_id", GeneratedTables.Kind.INTEGER, "unit_id", GeneratedTables.Kind.INTEGER, "summary_line",
				GeneratedTables.Kind.TEXT, "status", GeneratedTables.Kind.DATE);
		GeneratedTables.Table gone = new GeneratedTables.Table("reply_draft", "id", GeneratedTables.Kind.INTEGER);
		try (Connection connection = this.dataSource.getConnection()) {
			assertThat(GeneratedTables.problems(connection, List.of(reply, gone))).containsExactly(
					"reply.summary_line: no such column",
					"reply.status: is character varying, the generator writes DATE", "reply_draft: no such table");
		}
		GeneratedTables.Table withoutUnit = new GeneratedTables.Table("reply", "id", GeneratedTables.Kind.INTEGER,
				"proposal_id", GeneratedTables.Kind.INTEGER);
		try (Connection connection = this.dataSource.getConnection()) {
			assertThat(GeneratedTables.problems(connection, List.of(withoutUnit)))
				.containsExactly("reply.unit_id: required (not null, no default) but not written by the generator");
		}
	}

	@Test
	void theSameSeedGivesTheSameLettersAndAnotherSeedOthers() throws Exception {
		String tag = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
		GenerateResult first = this.generator.generate(new GenerateSettings(REPLIES, 42, "A" + tag, 64));
		GenerateResult second = this.generator.generate(new GenerateSettings(REPLIES, 42, "B" + tag, 64));
		GenerateResult other = this.generator.generate(new GenerateSettings(REPLIES, 43, "C" + tag, 64));
		assertThat(first.replies()).isEqualTo(REPLIES);
		assertThat(first.sections()).isEqualTo(second.sections());
		assertThat(first.figures()).isEqualTo(second.figures());
		assertThat(fingerprint(first)).isEqualTo(fingerprint(second));
		assertThat(fingerprint(first)).isNotEqualTo(fingerprint(other));
	}

	@Test
	void lettersAreShapedLikeRealReplies() {
		String tag = "S" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
		GenerateResult result = this.generator.generate(new GenerateSettings(REPLIES, 7, tag));
		Map<String, Object> units = Map.of("units", result.unitIds());
		assertThat(count("select count(*) from reply r where r.unit_id in (:units)", units)).isEqualTo(REPLIES);
		assertThat(this.jdbc.queryForList("""
				select count(*) from reply_section s join reply r on r.id = s.reply_id
				where r.unit_id in (:units) group by r.id""", units, Long.class)).hasSize(REPLIES)
			.allSatisfy((sections) -> assertThat(sections).isBetween(4L, 8L));
		assertThat(this.jdbc.queryForList(
				"select distinct result_class from reply r where r.unit_id in (:units) and status = 'ISSUED'", units,
				String.class))
			.containsExactlyInAnyOrder("A", "B", "C", "D");
		assertThat(this.jdbc.queryForList("select distinct disclosure_mode from reply r where r.unit_id in (:units)",
				units, String.class))
			.containsExactlyInAnyOrder("PROACTIVE", "ON_REQUEST", "NOT_PUBLIC");
		assertThat(this.jdbc.queryForList("select distinct status from reply r where r.unit_id in (:units)", units,
				String.class))
			.containsExactlyInAnyOrder("ISSUED", "DRAFT");
		assertThat(this.jdbc.queryForList("""
				select distinct f.kind from figure f join reply r on r.id = f.reply_id where r.unit_id in (:units)""",
				units, String.class))
			.containsExactlyInAnyOrder("TARGET", "ACHIEVEMENT");
		// Every figure's sentence is in its section's text, and regions are set for most.
		assertThat(
				count("""
						select count(*) from figure f join reply_section s on s.id = f.section_id join reply r on r.id = f.reply_id
						where r.unit_id in (:units) and position(f.source_sentence in s.body) = 0""",
						units))
			.isZero();
		assertThat(count("""
				select count(*) from figure f join reply r on r.id = f.reply_id
				where r.unit_id in (:units) and f.region is not null""", units)).isPositive();
		assertThat(count("""
				select count(*) from evaluation e join reply r on r.id = e.reply_id where r.unit_id in (:units)""",
				units))
			.isPositive();
		assertThat(count("""
				select count(*) from proposal p join assignment a on a.proposal_id = p.id and a.role = 'LEAD'
				where a.unit_id in (:units)""", units)).isEqualTo(REPLIES);
		assertThat(
				count("select count(*) from congress_session where id in (:ids)", Map.of("ids", result.sessionIds())))
			.isEqualTo(5);
		// Letters are about as long as the real sample (11.7 KB).
		Long averageBytes = this.jdbc.queryForObject("""
				select avg(octet_length(s.body))::bigint * count(distinct s.id) / count(distinct r.id)
				from reply_section s join reply r on r.id = s.reply_id where r.unit_id in (:units)""", units,
				Long.class);
		assertThat(averageBytes).isBetween(5_000L, 25_000L);
		// Issuing through the portal later continues after the generated serials.
		assertThat(count("""
				select count(*) from reply r join handling_unit u on u.id = r.unit_id
				join index_number_counter c on c.org_code = u.org_code
				 and c.year = cast(split_part(split_part(r.index_number, '/', 2), '-', 1) as integer)
				where r.unit_id in (:units) and r.status = 'ISSUED'
				  and cast(split_part(r.index_number, '-', 2) as integer) > c.last_serial""", units)).isZero();
	}

	@Test
	void settingsRefuseNonsense() {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> new GenerateSettings(0, 1, ""));
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> new GenerateSettings(10, 1, "'; drop table reply;--"));
	}

	private long count(String sql, Map<String, ?> params) {
		Long n = this.jdbc.queryForObject(sql, params, Long.class);
		return (n != null) ? n : -1;
	}

	/** Everything a reader sees, in order, without the scope's names and ids. */
	private String fingerprint(GenerateResult result) throws Exception {
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		List<String> rows = this.jdbc.queryForList(
				"""
						select concat_ws('|', p.number, p.title, p.body, d.name, p.status, r.status, r.disclosure_mode,
						       r.result_class, r.addressee, r.opening, r.closing, r.signed_on, r.issued_at,
						       split_part(r.index_number, '/', 2),
						       (select string_agg(concat_ws('~', s.ordinal, s.kind, s.heading, s.body), '#' order by s.ordinal)
						        from reply_section s where s.reply_id = r.id),
						       (select string_agg(concat_ws('~', f.subject, f.value, f.unit, f.kind, f.region, f.comparator,
						                                    f.period, f.deadline_year, f.growth_rate, f.rank), '#'
						                          order by f.section_id, f.ordinal)
						        from figure f where f.reply_id = r.id),
						       (select concat_ws('~', e.attitude, e.result, e.comment) from evaluation e where e.reply_id = r.id))
						from reply r join proposal p on p.id = r.proposal_id join deputy d on d.id = p.lead_deputy_id
						join congress_session cs on cs.id = p.session_id
						where r.unit_id in (:units)
						order by cs.year, p.number""",
				Map.of("units", result.unitIds()), String.class);
		assertThat(rows).hasSize(REPLIES);
		for (String row : rows) {
			digest.update(row.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
		return HexFormat.of().formatHex(digest.digest());
	}

}
