package org.dafu.account;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down password guessing: after {@code maxPerUser} failed sign-ins for one username
 * (from anywhere), or {@code maxPerAddress} from one client address (for any usernames),
 * within {@code window}, further attempts are refused, even with the right password,
 * until older failures fall out of the window. Failures are kept in the database, so
 * every instance of the application counts the same. The refusal looks exactly like a
 * wrong password, so it tells nothing about whether the account exists.
 */
@Component
class LoginThrottle {

	private final JdbcClient jdbc;

	private final int maxPerUser;

	private final int maxPerAddress;

	private final Duration window;

	LoginThrottle(JdbcClient jdbc, @Value("${dafu.login.max-failures-per-user:5}") int maxPerUser,
			@Value("${dafu.login.max-failures-per-address:20}") int maxPerAddress,
			@Value("${dafu.login.window:15m}") Duration window) {
		this.jdbc = jdbc;
		this.maxPerUser = maxPerUser;
		this.maxPerAddress = maxPerAddress;
		this.window = window;
	}

	@Transactional(readOnly = true)
	public boolean blocked(String username, String address) {
		long seconds = this.window.toSeconds();
		Long byUser = this.jdbc
			.sql("select count(*) from login_failure where lower(username) = lower(:u) "
					+ "and failed_at > now() - make_interval(secs => :s)")
			.param("u", normalise(username))
			.param("s", seconds)
			.query(Long.class)
			.single();
		if (byUser >= this.maxPerUser) {
			return true;
		}
		Long byAddress = this.jdbc
			.sql("select count(*) from login_failure where remote_addr = :a "
					+ "and failed_at > now() - make_interval(secs => :s)")
			.param("a", normalise(address))
			.param("s", seconds)
			.query(Long.class)
			.single();
		return byAddress >= this.maxPerAddress;
	}

	@Transactional
	public void failed(String username, String address) {
		this.jdbc.sql("delete from login_failure where failed_at < now() - make_interval(secs => :s)")
			.param("s", this.window.toSeconds() * 2)
			.update();
		this.jdbc.sql("insert into login_failure (username, remote_addr) values (:u, :a)")
			.param("u", normalise(username))
			.param("a", normalise(address))
			.update();
	}

	/** A successful sign-in forgives that username's failures (not the address's). */
	@Transactional
	public void succeeded(String username) {
		this.jdbc.sql("delete from login_failure where lower(username) = lower(:u)")
			.param("u", normalise(username))
			.update();
	}

	private static String normalise(String value) {
		String v = (value != null) ? value.strip() : "";
		return (v.length() > 64) ? v.substring(0, 64) : v;
	}

}
