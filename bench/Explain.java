import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * EXPLAIN ANALYZE of the public list's first and a deep page, as the app runs them
 * (reply/ReplyQueries), against the benchmark database (docs/benchmarks.md):
 *
 * java -cp ~/.m2/repository/org/postgresql/postgresql/VERSION/postgresql-VERSION.jar bench/Explain.java PORT [DB_DIR] [PAGE] [vacuum]
 *
 * PORT is the embedded server's, from the app log ("Embedded PostgreSQL started on ...").
 */
public class Explain {

	public static void main(String[] args) throws Exception {
		String dir = (args.length > 1) ? args[1] : "/var/tmp/dafu-bench";
		int deep = (args.length > 2) ? Integer.parseInt(args[2]) : 2500;
		String password = Files.readString(Path.of(dir, "pg.password")).trim();
		try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + args[0] + "/postgres",
				"postgres", password); Statement s = c.createStatement()) {
			if (args.length > 3 && args[3].equals("vacuum")) {
				s.execute("vacuum (analyze) reply, proposal, assignment, evaluation");
			}
			for (int page : new int[] { 1, deep }) {
				String sql = """
						explain (analyze, buffers) select r.id, r.index_number, p.title, p.number, s.name, u.name,
						       r.result_class, r.disclosure_mode, r.status, r.issued_at
						from (select r.id from reply r where (r.status = 'ISSUED' and r.disclosure_mode = 'PROACTIVE')
						      order by r.issued_at desc nulls last, r.id desc limit 20 offset %d) page
						join reply r on r.id = page.id join proposal p on p.id = r.proposal_id
						join congress_session s on s.id = p.session_id join handling_unit u on u.id = r.unit_id
						order by r.issued_at desc nulls last, r.id desc""".formatted((page - 1) * 20);
				System.out.println("-- page " + page);
				try (ResultSet rs = s.executeQuery(sql)) {
					while (rs.next()) {
						System.out.println(rs.getString(1));
					}
				}
			}
			System.out.println("-- count (every list page)");
			try (ResultSet rs = s.executeQuery("explain (analyze) select count(*) from reply r "
					+ "where (r.status = 'ISSUED' and r.disclosure_mode = 'PROACTIVE')")) {
				while (rs.next()) {
					System.out.println(rs.getString(1));
				}
			}
		}
	}

}
