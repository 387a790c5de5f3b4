package org.dafu.proof;

import org.dafu.access.Role;
import org.dafu.access.Viewer;
import org.dafu.account.AccountService;
import org.dafu.account.AccountView;
import org.dafu.reply.DisclosureMode;
import org.dafu.reply.ReplyKind;
import org.dafu.reply.ReplyService;
import org.dafu.reply.ResultClass;
import org.dafu.testing.AsViewer;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Rows and real accounts (with a password, for the login form) for the proof tests, made
 * through the services: a {@link TestData} scenario whose proposal 第4号 has an issued,
 * public reply with figures, and accounts for its lead deputy, an official of its unit
 * and a coordinator.
 */
public class ProofData {

	/** The password of every account made here (the policy asks for 12 characters). */
	public static final String PASSWORD = "proof-password-2026";

	private final TestData data;

	private final ReplyService replies;

	private final AccountService accounts;

	private final JdbcTemplate jdbc;

	private Fixture shared;

	ProofData(TestData data, ReplyService replies, AccountService accounts, JdbcTemplate jdbc) {
		this.data = data;
		this.replies = replies;
		this.accounts = accounts;
		this.jdbc = jdbc;
	}

	/** One fixture for the whole context, for tests that only read. */
	public synchronized Fixture shared() {
		if (this.shared == null) {
			this.shared = create();
		}
		return this.shared;
	}

	/** A new fixture, for a test that changes things. */
	public Fixture create() {
		Scenario s = this.data.scenario();
		String marker = "证明" + s.n();
		long draft = this.replies.createDraft(s.official(), s.proposalId(), ReplyKind.ORIGINAL,
				TestData.letter(marker, DisclosureMode.PROACTIVE, ResultClass.A));
		long reply = this.replies.issue(s.official(), draft, this.replies.readable(s.official(), draft).version()).id();
		String indexNumber = this.replies.readable(s.official(), reply).indexNumber();
		long figure = this.jdbc.queryForObject("select id from figure where reply_id = ? and kind = 'TARGET'",
				Long.class, reply);
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(AsViewer.authenticationOf(Viewer.coordinator("proof-setup")));
		SecurityContextHolder.setContext(context);
		try {
			AccountView coordinator = this.accounts.create("proof-coordinator-" + s.n(), PASSWORD, Role.COORDINATOR,
					null, null);
			AccountView deputy = this.accounts.create("proof-deputy-" + s.n(), PASSWORD, Role.DEPUTY, null,
					s.leadDeputyId());
			AccountView official = this.accounts.create("proof-official-" + s.n(), PASSWORD, Role.OFFICIAL, s.unitId(),
					null);
			return new Fixture(s, reply, indexNumber, figure, coordinator, deputy, official);
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	/**
	 * What a proof test works on: the scenario, its issued public reply and one of that
	 * reply's targets, and three accounts whose password is {@link #PASSWORD}.
	 */
	public record Fixture(Scenario scenario, long replyId, String indexNumber, long figureId, AccountView coordinator,
			AccountView deputy, AccountView official) {

		/** The username to sign in with as {@code who}; null for a visitor. */
		public String username(Who who) {
			return switch (who) {
				case VISITOR -> null;
				case DEPUTY -> this.deputy.username();
				case OFFICIAL -> this.official.username();
				case COORDINATOR -> this.coordinator.username();
			};
		}

	}

	/** Who looks at a page. */
	public enum Who {

		VISITOR, DEPUTY, OFFICIAL, COORDINATOR

	}

}
