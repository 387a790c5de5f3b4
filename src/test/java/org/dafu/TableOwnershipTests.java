package org.dafu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each table belongs to one module, and only that module's code names it in SQL.
 *
 * <p>
 * {@link #OWNERS} maps every table and view of the schema (as the migrations in
 * {@code db/migration} leave it) to the module that owns it: the module whose entities or
 * services write it, or, for a table the database derives by triggers, the module that
 * reads it. A new table fails {@link #everyTableOfTheSchemaHasAnOwner()} until it is
 * given an owner here.
 *
 * <p>
 * {@link #noModuleNamesAnotherModulesTable()} reads every main source file under
 * {@code org/dafu/<module>/} (the module is the first package segment, subpackages such
 * as {@code web/} included) and fails, naming the class and the table, when a string
 * literal or text block of one module names another module's table after {@code from},
 * {@code join}, {@code update}, {@code into}, {@code using}, {@code copy} or
 * {@code truncate}.
 *
 * <p>
 * Other modules reach a table through its owner's public API: a query service (criteria
 * in, view records out, e.g. {@code reply.ReplyReads}) or events. Where a read is a join
 * that belongs in the reader's own statement (a list sorted and filtered across modules,
 * a count kept in one statement), the owner publishes a <b>read-only projection</b>: a
 * SQL fragment in the owner's module that the reader composes into its statement. The
 * projections are:
 * <ul>
 * <li>{@code congress.CongressProjections}, {@code unit.UnitProjections},
 * {@code proposal.ProposalProjections}, {@code reply.ReplyProjections}: each table as a
 * subquery ({@code (select ... from t)}), which PostgreSQL flattens into the reader's
 * plan (no extra statement, the same plan), and which cannot be written through. A
 * renamed column is renamed once, in the projection, which keeps the old name as an alias
 * until its readers move; every reader names the projection, so a search for it lists
 * them.</li>
 * <li>{@code reply.ReplyVisibility} (who may read a reply, as SQL and as a search
 * predicate), {@code ReplyReads.publicRule} (issued and 主动公开), {@code ReplyReads.dateOf}
 * (the reply's date) and {@code ReplyReads.issuedReplyExists};
 * {@code ProposalProjections.ofDeputy} (the proposals a deputy led or co-signed): the
 * owners' rules as fragments, written once.</li>
 * <li>Upstream, the other way round: an upstream statement that needs a downstream table
 * or rule defines an interface that the downstream owner implements with its own SQL:
 * {@code reply.LatestOriginals} (the letter's one statement shows the newest original;
 * original implements it) and {@code proposal.ProposalReplies.issuedReplyExists} (the
 * deadline board leaves out proposals with an issued reply; reply implements it).</li>
 * </ul>
 * No other exception is allowed ({@link #ALLOWED} is empty).
 */
class TableOwnershipTests {

	private static final Path SOURCES = Path.of("src/main/java/org/dafu");

	private static final Path MIGRATIONS = Path.of("db/migration");

	/** Table (or view) -> owning module. */
	static final Map<String, String> OWNERS = owners(Map.ofEntries(
			// infrastructure: the open module
			Map.entry("platform", "public_change spring_session spring_session_attributes"),
			Map.entry("account", "account login_throttle"), Map.entry("congress", "congress_session deputy"),
			Map.entry("unit", "handling_unit"), Map.entry("history", "audit_log revision"),
			Map.entry("proposal", "proposal proposal_cosigner assignment deadline_extension topic_category"),
			// figure: the figures stated in a letter are part of the reply
			// (reply.ReplyFigure)
			Map.entry("reply", "reply reply_section reply_correction reply_review_step figure index_number_counter"),
			Map.entry("original", "reply_original"), Map.entry("opinion", "co_opinion co_opinion_step"),
			Map.entry("evaluation", "evaluation rehandling"), Map.entry("reminder", "proposal_reminder"),
			Map.entry("importing", "letter_import"),
			// the Hibernate Search outbox of the index of replies
			// (search.SearchConfiguration)
			Map.entry("search", "hsearch_agent hsearch_outbox_event"),
			Map.entry("notify",
					"notification notification_read mail_outbox follow follow_notice reminder_sent rating_reminder_sent"),
			// measurements, and the dashboard's counts the database keeps by triggers
			Map.entry("figure",
					"figure_measurement figure_measurement_held figure_breakdown figure_target_count"
							+ " figure_breakdown_recount figure_target_count_recount"),
			// the statistics' tallies the database keeps by triggers
			Map.entry("stats", "proposal_count proposal_tally evaluation_count evaluation_tally reminder_count"
					+ " proposal_count_part proposal_count_recount proposal_tally_recount evaluation_count_recount"
					+ " evaluation_tally_recount reminder_count_recount")));

	/**
	 * Documented read-only exceptions: "module:table" -> why the module may name the
	 * table. Empty: the owners publish projections instead (see the class comment).
	 */
	static final Map<String, String> ALLOWED = Map.of();

	private static final Pattern KEYWORD_TABLE = Pattern.compile(
			"\\b(?:from|join|update|into|using|copy|truncate(?:\\s+table)?)\\s+(?:only\\s+)?(?:public\\.)?\"?([a-z_][a-z0-9_]*)\"?"
					+ "((?:\\s+(?:as\\s+)?[a-z_][a-z0-9_]*)?(?:\\s*,\\s*(?:public\\.)?[a-z_][a-z0-9_]*(?:\\s+(?:as\\s+)?[a-z_][a-z0-9_]*)?)*)",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern COMMA_TABLE = Pattern.compile(",\\s*(?:public\\.)?([a-z_][a-z0-9_]*)",
			Pattern.CASE_INSENSITIVE);

	@Test
	void everyTableOfTheSchemaHasAnOwner() throws IOException {
		Set<String> schema = schemaTables();
		assertThat(schema).as("tables and views the migrations create").contains("reply", "proposal", "account");
		assertThat(new TreeSet<>(OWNERS.keySet())).as("the owner map names exactly the schema's tables")
			.containsExactlyInAnyOrderElementsOf(schema);
		Set<String> modules = modules();
		assertThat(new TreeSet<>(OWNERS.values())).as("owners are modules").isSubsetOf(modules);
	}

	@Test
	void noModuleNamesAnotherModulesTable() throws IOException {
		List<String> violations = new ArrayList<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path file : files.filter((p) -> p.toString().endsWith(".java")).sorted().toList()) {
				Path relative = SOURCES.relativize(file);
				if (relative.getNameCount() < 2) {
					continue;
				}
				String module = relative.getName(0).toString();
				violations.addAll(violations(module, relative.toString(), Files.readString(file)));
			}
		}
		assertThat(violations).as("SQL naming another module's table (use the owner's API or projection)").isEmpty();
	}

	/**
	 * A projection names its columns: it is the owner's published contract, so a column
	 * the owner renames keeps its old name there as an alias, and a reader cannot come to
	 * depend on a column the owner never published.
	 */
	@Test
	void projectionsNameTheirColumns() throws IOException {
		List<String> starred = new ArrayList<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path file : files.filter((p) -> p.getFileName().toString().endsWith("Projections.java")).toList()) {
				if (Pattern.compile("select\\s+\\*", Pattern.CASE_INSENSITIVE).matcher(Files.readString(file)).find()) {
					starred.add(SOURCES.relativize(file).toString());
				}
			}
		}
		assertThat(starred).as("projections selecting *").isEmpty();
	}

	@Test
	void theScanFindsSqlNamingAnotherModulesTable() {
		String source = """
				package org.dafu.figure;
				// select * from reply (a comment is not SQL)
				class Synthetic {
					/* join proposal p */
					static final String OWN = "select m.id from figure_measurement m";
					static final String JOINED = \"""
							select f.id from figure_measurement m
							join reply r on r.id = m.source_reply_id
							\""";
					static final String SPLIT = "select u.name from " + "handling_unit u";
					static final String COMMA = "select 1 from figure_measurement m, proposal p where p.id = 1";
					static final String WRITE = "update deputy set name = 'x'";
					static final String USING = "delete from figure_measurement m using assignment a where a.id = 1";
					static final String PROJECTED = "select 1 from " + Projections.REPLIES + " r";
					static final String TEXT = "Reply from the unit";
					static final char QUOTE = '"';
				}
				""";
		assertThat(violations("figure", "figure/Synthetic.java", source)).containsExactly(
				"figure/Synthetic.java names reply (owned by reply)",
				"figure/Synthetic.java names handling_unit (owned by unit)",
				"figure/Synthetic.java names proposal (owned by proposal)",
				"figure/Synthetic.java names deputy (owned by congress)",
				"figure/Synthetic.java names assignment (owned by proposal)");
		assertThat(violations("reply", "reply/Synthetic.java", source)).containsExactly(
				"reply/Synthetic.java names figure_measurement (owned by figure)",
				"reply/Synthetic.java names handling_unit (owned by unit)",
				"reply/Synthetic.java names proposal (owned by proposal)",
				"reply/Synthetic.java names deputy (owned by congress)",
				"reply/Synthetic.java names assignment (owned by proposal)");
	}

	/**
	 * The tables another module owns that the file's SQL names, in order of first use.
	 */
	static List<String> violations(String module, String file, String source) {
		Map<String, String> found = new LinkedHashMap<>();
		for (String sql : sqlStrings(source)) {
			for (String table : tablesNamed(sql)) {
				String owner = OWNERS.get(table);
				if (owner != null && !owner.equals(module) && !ALLOWED.containsKey(module + ":" + table)) {
					found.putIfAbsent(table, file + " names " + table + " (owned by " + owner + ")");
				}
			}
		}
		return new ArrayList<>(found.values());
	}

	static Set<String> tablesNamed(String sql) {
		Set<String> tables = new TreeSet<>();
		Matcher m = KEYWORD_TABLE.matcher(sql);
		while (m.find()) {
			tables.add(m.group(1).toLowerCase());
			Matcher comma = COMMA_TABLE.matcher(m.group(2));
			while (comma.find()) {
				tables.add(comma.group(1).toLowerCase());
			}
		}
		return tables;
	}

	/**
	 * The string literals and text blocks of a Java source, comments left out; literals
	 * joined only by {@code +} are read as one string.
	 */
	static List<String> sqlStrings(String source) {
		List<String> strings = new ArrayList<>();
		StringBuilder current = null;
		int i = 0;
		int n = source.length();
		while (i < n) {
			char c = source.charAt(i);
			if (source.startsWith("//", i)) {
				i = indexOrEnd(source, "\n", i);
			}
			else if (source.startsWith("/*", i)) {
				i = indexOrEnd(source, "*/", i + 2) + 2;
			}
			else if (c == '\'') {
				i = skipQuoted(source, i, '\'');
			}
			else if (c == '"') {
				int end;
				String text;
				if (source.startsWith("\"\"\"", i)) {
					end = indexOrEnd(source, "\"\"\"", i + 3);
					text = source.substring(i + 3, Math.min(end, n));
					end += 3;
				}
				else {
					end = skipQuoted(source, i, '"');
					text = source.substring(i + 1, Math.max(i + 1, end - 1));
				}
				current = (current == null) ? new StringBuilder(text) : current.append(text);
				i = end;
				int next = i;
				while (next < n && Character.isWhitespace(source.charAt(next))) {
					next++;
				}
				if (next < n && source.charAt(next) == '+') {
					next++;
					while (next < n && Character.isWhitespace(source.charAt(next))) {
						next++;
					}
					if (next < n && source.charAt(next) == '"') {
						i = next;
						continue;
					}
				}
				strings.add(current.toString());
				current = null;
			}
			else {
				i++;
			}
		}
		return strings;
	}

	private static int skipQuoted(String source, int start, char quote) {
		int i = start + 1;
		while (i < source.length() && source.charAt(i) != quote && source.charAt(i) != '\n') {
			i += (source.charAt(i) == '\\') ? 2 : 1;
		}
		return i + 1;
	}

	private static int indexOrEnd(String source, String what, int from) {
		int at = source.indexOf(what, from);
		return (at < 0) ? source.length() : at;
	}

	/** The tables and views the migrations leave, applied in version order. */
	static Set<String> schemaTables() throws IOException {
		Pattern create = Pattern.compile(
				"\\bcreate\\s+(?:or\\s+replace\\s+)?(?:unlogged\\s+)?(?:materialized\\s+)?(?:table|view)\\s+(?:if\\s+not\\s+exists\\s+)?(?:public\\.)?([a-z_][a-z0-9_]*)",
				Pattern.CASE_INSENSITIVE);
		Pattern drop = Pattern.compile(
				"\\bdrop\\s+(?:materialized\\s+)?(?:table|view)\\s+(?:if\\s+exists\\s+)?((?:public\\.)?[a-z_][a-z0-9_]*(?:\\s*,\\s*(?:public\\.)?[a-z_][a-z0-9_]*)*)",
				Pattern.CASE_INSENSITIVE);
		Pattern rename = Pattern.compile(
				"\\balter\\s+(?:table|view)\\s+(?:if\\s+exists\\s+)?(?:public\\.)?([a-z_][a-z0-9_]*)\\s+rename\\s+to\\s+([a-z_][a-z0-9_]*)",
				Pattern.CASE_INSENSITIVE);
		Set<String> tables = new TreeSet<>();
		List<Path> files;
		try (Stream<Path> list = Files.list(MIGRATIONS)) {
			files = list.filter((p) -> p.getFileName().toString().matches("V[0-9]+__.*\\.sql"))
				.sorted(Comparator.comparingInt(TableOwnershipTests::version))
				.toList();
		}
		for (Path file : files) {
			String sql = Files.readString(file).replaceAll("--[^\n]*", "");
			Pattern any = Pattern.compile(create.pattern() + "|" + drop.pattern() + "|" + rename.pattern(),
					Pattern.CASE_INSENSITIVE);
			Matcher m = any.matcher(sql);
			while (m.find()) {
				if (m.group(1) != null) {
					tables.add(m.group(1).toLowerCase());
				}
				else if (m.group(2) != null) {
					for (String name : m.group(2).split(",")) {
						tables.remove(name.trim().toLowerCase().replace("public.", ""));
					}
				}
				else {
					tables.remove(m.group(3).toLowerCase());
					tables.add(m.group(4).toLowerCase());
				}
			}
		}
		return tables;
	}

	private static int version(Path file) {
		String name = file.getFileName().toString();
		return Integer.parseInt(name.substring(1, name.indexOf("__")));
	}

	private static Set<String> modules() throws IOException {
		try (Stream<Path> dirs = Files.list(SOURCES)) {
			return new TreeSet<>(dirs.filter(Files::isDirectory).map((p) -> p.getFileName().toString()).toList());
		}
	}

	private static Map<String, String> owners(Map<String, String> tablesByModule) {
		Map<String, String> owners = new TreeMap<>();
		tablesByModule.forEach((module, tables) -> {
			for (String table : tables.split("\\s+")) {
				String previous = owners.put(table, module);
				if (previous != null) {
					throw new IllegalStateException(table + " owned by both " + previous + " and " + module);
				}
			}
		});
		return owners;
	}

}
