import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * EXPLAIN ANALYZE of the public list's first and a deep page (a seek) and of the page boundaries, as the app runs them
 * (reply/ReplyListReads), against the benchmark database (docs/benchmarks.md):
 *
 * java -cp ~/.m2/repository/org/postgresql/postgresql/VERSION/postgresql-VERSION.jar bench/Explain.java PORT [DB_DIR] [PAGE] [vacuum]
 *
 * PORT is the embedded server's, from the app log ("Embedded PostgreSQL started on ...").
 */
public class Explain {

	static void explain(Statement s, String title, String sql) throws Exception {
		System.out.println("-- " + title);
		try (ResultSet rs = s.executeQuery("explain (analyze, buffers) " + sql)) {
			while (rs.next()) {
				System.out.println(rs.getString(1));
			}
		}
	}

	public static void main(String[] args) throws Exception {
		String dir = (args.length > 1) ? args[1] : "/var/tmp/dafu-bench";
		int deep = (args.length > 2) ? Integer.parseInt(args[2]) : 2500;
		String password = Files.readString(Path.of(dir, "pg.password")).trim();
		try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + args[0] + "/postgres",
				"postgres", password); Statement s = c.createStatement()) {
			if (args.length > 3 && args[3].equals("vacuum")) {
				s.execute("vacuum (analyze) reply, proposal, assignment, evaluation");
			}
			String pub = "(r.status = 'ISSUED' and r.disclosure_mode = 'PROACTIVE')";
			String columns = """
					select r.id, r.index_number, p.title, p.number, s.name, u.name,
					       r.result_class, r.disclosure_mode, r.status, r.issued_at
					from reply r join proposal p on p.id = r.proposal_id
					join congress_session s on s.id = p.session_id join handling_unit u on u.id = r.unit_id
					where """ + pub;
			String order = " order by r.issued_at desc nulls last, r.id desc limit 20";
			explain(s, "page 1", columns + order);
			// the deep page's first key, as the page boundaries hold it
			String key = "(select r.issued_at, r.id from reply r where " + pub + order.replace("limit 20", "")
					+ " offset " + ((deep - 1) * 20) + " limit 1)";
			String at;
			long id;
			try (ResultSet rs = s.executeQuery(key.substring(1, key.length() - 1))) {
				rs.next();
				at = rs.getTimestamp(1).toInstant().toString();
				id = rs.getLong(2);
			}
			explain(s, "page " + deep + " (seek)",
					columns + " and (r.issued_at, r.id) <= ('" + at + "'::timestamptz, " + id + ")" + order);
			explain(s, "page boundaries and count (once per change)", """
					select issued_at, id, total from (
					    select r.issued_at, r.id, row_number() over (order by r.issued_at desc nulls last, r.id desc) as n,
					           count(*) over () as total
					    from reply r where""" + pub + """
					) k where (n - 1) % 20 = 0 order by n""");
		}
	}

}
