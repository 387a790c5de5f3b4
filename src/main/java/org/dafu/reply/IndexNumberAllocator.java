package org.dafu.reply;

import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands out 索引号 serials per organisation code and year. The upsert takes a row lock, so
 * concurrent issuers get distinct serials; serials already used (by imported letters) or
 * kept by an imported draft for its own issuing are skipped.
 */
@Component
class IndexNumberAllocator {

	private static final String NEXT = """
			insert into index_number_counter (org_code, year, last_serial) values (:code, :year, 1)
			on conflict (org_code, year) do update set last_serial = index_number_counter.last_serial + 1
			returning last_serial""";

	private final NamedParameterJdbcTemplate jdbc;

	IndexNumberAllocator(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	String next(String orgCode, int year) {
		while (true) {
			Integer serial = this.jdbc.queryForObject(NEXT, Map.of("code", orgCode, "year", year), Integer.class);
			String candidate = orgCode + "/" + year + "-" + String.format("%06d", serial);
			Boolean used = this.jdbc.queryForObject(
					"select exists (select 1 from reply where index_number = :n or letter_index_number = :n)",
					Map.of("n", candidate), Boolean.class);
			if (!Boolean.TRUE.equals(used)) {
				return candidate;
			}
		}
	}

}
