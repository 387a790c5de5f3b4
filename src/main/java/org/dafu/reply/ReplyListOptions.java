package org.dafu.reply;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.dafu.platform.cache.ResultCache;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.dafu.congress.CongressProjections.DEPUTIES;
import static org.dafu.congress.CongressProjections.SESSIONS;
import static org.dafu.proposal.ProposalProjections.PROPOSALS;
import static org.dafu.unit.UnitProjections.UNITS;

/**
 * The choices of the reply list's filters: sessions (newest first), units and deputies
 * (by name) and the sessions' years. Names are public data; read in one statement and
 * kept in the {@link ResultCache} until a name changes, so the list page costs what it
 * cost before it had filters (docs/benchmarks.md, "SQL statements per page"). Every
 * deputy is known by name (the search page names its deputy facet from them), but the
 * list offers only the {@value #LISTED_DEPUTIES} deputies with the most public replies,
 * and the one chosen: a city's congress has thousands of deputies, and a choice of all of
 * them made every list page a quarter of a megabyte.
 */
@Service
@Transactional(readOnly = true)
public class ReplyListOptions {

	static final int LISTED_DEPUTIES = 50;

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
			Map<Long, String> deputies = new HashMap<>();
			List<Option> listed = new ArrayList<>();
			TreeSet<Integer> years = new TreeSet<>(java.util.Comparator.reverseOrder());
			this.jdbc.query("""
					select 'S' as what, s.id, s.name, s.year from %s s
					union all
					select 'U', u.id, u.name, null from %s u
					union all
					select 'D', d.id, d.name, null from %s d
					union all
					select 'T', d.id, d.name, null
					  from (select p.lead_deputy_id as id, count(*) as n from reply r join %s p on p.id = r.proposal_id
					         where %s group by p.lead_deputy_id order by n desc, p.lead_deputy_id limit %d) t
					  join %s d on d.id = t.id
					order by 1, 4 desc nulls last, 3, 2""".formatted(SESSIONS, UNITS, DEPUTIES, PROPOSALS,
					ReplyReads.publicRule("r"), LISTED_DEPUTIES, DEPUTIES), Map.of(), (ResultSet rs) -> {
						Option option = new Option(rs.getLong("id"), rs.getString("name"));
						switch (rs.getString("what")) {
							case "S" -> {
								sessions.add(option);
								years.add(rs.getInt("year"));
							}
							case "U" -> units.add(option);
							case "T" -> listed.add(option);
							default -> deputies.put(option.id(), option.name());
						}
					});
			return new Options(List.copyOf(sessions), List.copyOf(units), Map.copyOf(deputies), List.copyOf(listed),
					List.copyOf(years));
		});
	}

	public record Option(long id, String name) {
	}

	/**
	 * The filters' choices; {@code deputyNames} names every deputy by id (looked up,
	 * never listed whole), {@code listedDeputies} are those the list offers.
	 */
	public record Options(List<Option> sessions, List<Option> units, Map<Long, String> deputyNames,
			List<Option> listedDeputies, List<Integer> years) {

		/** The deputy with this id, if there is one. */
		public Optional<Option> deputy(long id) {
			String name = this.deputyNames.get(id);
			return (name != null) ? Optional.of(new Option(id, name)) : Optional.empty();
		}

		/**
		 * The deputies the list offers, with the chosen one (a deputy id as the request
		 * gave it) when it is not among them.
		 */
		public List<Option> deputyChoices(String chosen) {
			if (chosen == null || chosen.isBlank()
					|| this.listedDeputies.stream().anyMatch((d) -> Long.toString(d.id()).equals(chosen.strip()))) {
				return this.listedDeputies;
			}
			List<Option> choices = new ArrayList<>(this.listedDeputies);
			String id = chosen.strip();
			if (id.matches("[0-9]{1,18}")) {
				deputy(Long.parseLong(id)).ifPresent(choices::add);
			}
			return List.copyOf(choices);
		}

	}

}
