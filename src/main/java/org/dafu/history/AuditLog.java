package org.dafu.history;

import org.dafu.platform.web.ClientAddress;
import org.dafu.platform.web.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log: sign-ins, denials, account changes, disclosure changes and issuing. Each
 * entry goes to the {@code dafu.audit} logger and to the {@code audit_log} table. Callers
 * never pass passwords; every value is made safe for a log line here, so user input
 * cannot forge entries with line breaks.
 */
@Component
public class AuditLog {

	/** The log category operators route to their audit store. */
	public static final String CATEGORY = "dafu.audit";

	private static final Logger log = LoggerFactory.getLogger(CATEGORY);

	private final JdbcClient jdbc;

	AuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records one entry, in the caller's transaction when there is one (so it commits
	 * with the change it describes), otherwise in its own.
	 * @param actor the username, or {@code anonymous}/{@code system}
	 * @param action what happened, e.g. {@code LOGIN_FAILURE}
	 * @param target what it happened to, e.g. {@code reply:42}
	 * @param detail free text without secrets
	 * @param remoteAddr the client address, when known; kept only when it is a literal
	 * IPv4 or IPv6 address ({@link ClientAddress})
	 */
	@Transactional
	public void record(String actor, String action, String target, String detail, String remoteAddr) {
		String safeActor = cut(LogSafe.of((actor != null) ? actor : "anonymous"), 100);
		String safeAction = cut(LogSafe.of(action), 40);
		String safeTarget = (target != null) ? cut(LogSafe.of(target), 200) : null;
		String safeDetail = (detail != null) ? cut(LogSafe.of(detail), 500) : null;
		// A valid literal address or nothing: never what a client wrote in a header.
		String safeAddr = ClientAddress.of(remoteAddr).orElse(null);
		log.info("action={} actor={} target={} addr={} detail={}", safeAction, safeActor, safeTarget, safeAddr,
				safeDetail);
		this.jdbc
			.sql("insert into audit_log (actor, action, target, detail, remote_addr) "
					+ "values (:actor, :action, :target, :detail, :addr)")
			.param("actor", safeActor)
			.param("action", safeAction)
			.param("target", safeTarget)
			.param("detail", safeDetail)
			.param("addr", safeAddr)
			.update();
	}

	private static String cut(String value, int max) {
		return (value.length() <= max) ? value : value.substring(0, max);
	}

}
