package org.dafu.reply;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.dafu.platform.cache.ResultCache;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.dafu.congress.CongressProjections.DEPUTIES;
import static org.dafu.congress.CongressProjections.SESSIONS;
import static org.dafu.unit.UnitProjections.UNITS;

/**
 * The choices of the reply list's filters: sessions (newest first), units and deputies
 * (by name) and the sessions' years. Names are public data; read in one statement and
 * kept in the {@link ResultCache} until a name changes, so the list page costs what it
 * cost before it had filters (docs/benchmarks.md, "SQL statements per page"). The search
 * page offers the same deputies.
 */
@Service
@Transactional(readOnly = true)
public class ReplyListOptions {

	private final NamedParameterJdbcTemplate jdbc;

	private final ResultCache cache;

	ReplyListOptions(NamedParameterJdbcTemplate jdbc, ResultCache cache) {
		this.jdbc = jdbc;
		this.cache = cache;
	}

	public Options options() {
		return this.cache.get("reply.list-options", () -> {
			List<Option> sessions = new ArrayList<>();
			List<Option> units = new ArrayList<>();
			List<Option> deputies = new ArrayList<>();
			TreeSet<Integer> years = new TreeSet<>(java.util.Comparator.reverseOrder());
			this.jdbc.query("""
					select 'S' as what, s.id, s.name, s.year from %s s
					union all
					select 'U', u.id, u.name, null from %s u
					union all
					select 'D', d.id, d.name, null from %s d
					order by 1, 4 desc nulls last, 3, 2""".formatted(SESSIONS, UNITS, DEPUTIES), Map.of(),
					(ResultSet rs) -> {
						Option option = new Option(rs.getLong("id"), rs.getString("name"));
						switch (rs.getString("what")) {
							case "S" -> {
								sessions.add(option);
								years.add(rs.getInt("year"));
							}
							case "U" -> units.add(option);
							default -> deputies.add(option);
						}
					});
			return new Options(List.copyOf(sessions), List.copyOf(units), List.copyOf(deputies), List.copyOf(years));
		});
	}

	public record Option(long id, String name) {
	}

	public record Options(List<Option> sessions, List<Option> units, List<Option> deputies, List<Integer> years) {
	}

}
