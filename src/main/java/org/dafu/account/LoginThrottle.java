package org.dafu.account;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.dafu.notify.NotificationKind;
import org.dafu.notify.Notifier;
import org.dafu.notify.Recipient;
import org.dafu.platform.web.ClientAddress;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down password guessing without letting anyone lock anyone else out. Failures
 * count against the (account, client address) pair and against the client address; past
 * {@code free-failures-per-pair} (resp. {@code -per-address}) failures the pair (resp.
 * the address, for every account) is blocked for {@code first-delay}, doubled with each
 * further failure up to {@code max-delay}. A key that stays quiet for
 * {@code forget-after} after its block ends starts afresh. Failures from other addresses
 * never block the owner's own address; a sign-in forgives its pair (never its address).
 *
 * <p>
 * The owner of an account is told (one notice, and its mail) when the account collected
 * {@code notice-after-failures} failures from anywhere, at most once per
 * {@code notice-interval}, so the notice cannot be used to flood anyone's mailbox.
 *
 * <p>
 * Everything lives in PostgreSQL ({@code login_throttle}, V62): every instance of the
 * application sees the same counts. The callers always run the password comparison, also
 * when a key is blocked, and answer a blocked attempt exactly like a wrong password.
 */
@Component
class LoginThrottle {

	private final JdbcClient jdbc;

	private final Notifier notifier;

	private final int freePerPair;

	private final int freePerAddress;

	private final Duration firstDelay;

	private final Duration maxDelay;

	private final Duration forgetAfter;

	private final int noticeAfter;

	private final Duration noticeInterval;

	LoginThrottle(JdbcClient jdbc, Notifier notifier, @Value("${dafu.login.free-failures-per-pair:5}") int freePerPair,
			@Value("${dafu.login.free-failures-per-address:20}") int freePerAddress,
			@Value("${dafu.login.first-delay:30s}") Duration firstDelay,
			@Value("${dafu.login.max-delay:1h}") Duration maxDelay,
			@Value("${dafu.login.forget-after:1h}") Duration forgetAfter,
			@Value("${dafu.login.notice-after-failures:5}") int noticeAfter,
			@Value("${dafu.login.notice-interval:24h}") Duration noticeInterval) {
		this.jdbc = jdbc;
		this.notifier = notifier;
		this.freePerPair = freePerPair;
		this.freePerAddress = freePerAddress;
		this.firstDelay = firstDelay;
		this.maxDelay = maxDelay;
		this.forgetAfter = forgetAfter;
		this.noticeAfter = noticeAfter;
		this.noticeInterval = noticeInterval;
	}

	/** Whether attempts for this account from this address must wait. */
	@Transactional(readOnly = true)
	public boolean blocked(String username, String address) {
		return this.jdbc
			.sql("select exists (select 1 from login_throttle where throttle_key in (:pair, :addr) "
					+ "and blocked_until > now())")
			.param("pair", pairKey(username, address))
			.param("addr", addressKey(address))
			.query(Boolean.class)
			.single();
	}

	/**
	 * Counts a wrong password for this account from this address, blocks the pair and the
	 * address as far as their counts say, and tells the owner when it is time.
	 */
	@Transactional
	public void failed(String username, String address) {
		// Rows nobody needs any more: quiet for longer than any block plus the time to
		// forget (by the indexed last failure; a block ends at most max-delay after it).
		this.jdbc.sql("delete from login_throttle where last_failure_at < now() - make_interval(secs => :s)")
			.param("s",
					this.maxDelay.toSeconds() + Math.max(this.forgetAfter.toSeconds(), this.noticeInterval.toSeconds()))
			.update();
		count(pairKey(username, address), this.freePerPair, this.forgetAfter);
		count(addressKey(address), this.freePerAddress, this.forgetAfter);
		String userKey = "user:" + name(username);
		int failures = count(userKey, Integer.MAX_VALUE, this.noticeInterval);
		if (failures >= this.noticeAfter) {
			tellOwner(username, userKey, failures);
		}
	}

	/** A right password forgives the pair's failures (not the address's). */
	@Transactional
	public void succeeded(String username, String address) {
		this.jdbc.sql("delete from login_throttle where throttle_key = :pair")
			.param("pair", pairKey(username, address))
			.update();
	}

	/**
	 * One more failure for the key (a key quiet for {@code forget} past its block starts
	 * at one); blocks it when past {@code free}. Returns the key's failures.
	 */
	private int count(String key, int free, Duration forget) {
		int failures = this.jdbc.sql("""
				insert into login_throttle (throttle_key, failures) values (:k, 1)
				on conflict (throttle_key) do update set
				  failures = case when coalesce(login_throttle.blocked_until, login_throttle.last_failure_at)
				                       < now() - make_interval(secs => :forget)
				                  then 1 else login_throttle.failures + 1 end,
				  last_failure_at = now()
				returning failures""")
			.param("k", key)
			.param("forget", forget.toSeconds())
			.query(Integer.class)
			.single();
		Duration delay = delay(failures, free, this.firstDelay, this.maxDelay);
		if (!delay.isZero()) {
			this.jdbc
				.sql("update login_throttle set blocked_until = now() + make_interval(secs => :s) "
						+ "where throttle_key = :k")
				.param("k", key)
				.param("s", (double) delay.toMillis() / 1000)
				.update();
		}
		return failures;
	}

	/**
	 * How long a key waits after its {@code failures}-th failure: nothing up to
	 * {@code free}, then {@code first}, doubling with every further failure, at most
	 * {@code max}.
	 */
	static Duration delay(int failures, int free, Duration first, Duration max) {
		if (failures <= free) {
			return Duration.ZERO;
		}
		int doublings = Math.min(failures - free - 1, 40);
		Duration delay = first;
		for (int i = 0; i < doublings && delay.compareTo(max) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return (delay.compareTo(max) > 0) ? max : delay;
	}

	/**
	 * One notice (in the portal, and by mail where the account has an address) to the
	 * account's owner; claimed with one atomic update so that only one instance sends it,
	 * and not again within the notice interval. Unknown usernames are nobody's to tell.
	 */
	private void tellOwner(String username, String userKey, int failures) {
		List<String> owners = this.jdbc.sql("select username from account where lower(username) = :u order by id")
			.param("u", name(username))
			.query(String.class)
			.list();
		if (owners.isEmpty()) {
			return;
		}
		int claimed = this.jdbc
			.sql("update login_throttle set noticed_at = now() where throttle_key = :k "
					+ "and (noticed_at is null or noticed_at < now() - make_interval(secs => :s))")
			.param("k", userKey)
			.param("s", this.noticeInterval.toSeconds())
			.update();
		if (claimed == 0) {
			return;
		}
		for (String owner : owners) {
			this.notifier.notify(Recipient.user(owner), NotificationKind.SIGN_IN_FAILURES, owner,
					String.valueOf(failures), "/account", null, null);
		}
	}

	private static String pairKey(String username, String address) {
		return "pair:" + name(username) + "|" + network(address);
	}

	private static String addressKey(String address) {
		return "addr:" + network(address);
	}

	/** Usernames compare without case; a very long one is cut (it is no account's). */
	private static String name(String username) {
		String v = (username != null) ? username.strip().toLowerCase(Locale.ROOT) : "";
		return (v.length() > 100) ? v.substring(0, 100) : v;
	}

	/** The client's network; text that is not an address counts as one shared client. */
	private static String network(String address) {
		return ClientAddress.network(address).orElse("invalid");
	}

}
