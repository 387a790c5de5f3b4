package org.dafu.proof;

import java.util.List;
import java.util.function.Function;

import org.dafu.proof.ProofData.Fixture;
import org.dafu.proof.ProofData.Who;

import static org.dafu.proof.ProofData.Who.COORDINATOR;
import static org.dafu.proof.ProofData.Who.DEPUTY;
import static org.dafu.proof.ProofData.Who.OFFICIAL;
import static org.dafu.proof.ProofData.Who.VISITOR;

/**
 * Every page the HTML validity ({@link HtmlValidityTests}) and accessibility
 * ({@link AccessibilityTests}) checks visit: one line per page, the path built from the
 * shared {@link Fixture}. A new page is one more line here (see docs/quality.md).
 */
final class ProofPages {

	static final List<Page> ALL = List.of(
			// public
			page("home", VISITOR, (f) -> "/"), page("replies", VISITOR, (f) -> "/replies"),
			page("reply", VISITOR, (f) -> "/replies/" + f.replyId()),
			page("reply-by-index", VISITOR, (f) -> "/replies/index/" + f.indexNumber()),
			page("figures", VISITOR, (f) -> "/figures"), page("figure", VISITOR, (f) -> "/figures/" + f.figureId()),
			page("statistics", VISITOR, (f) -> "/statistics"),
			page("session-statistics", VISITOR, (f) -> "/statistics/sessions/" + f.scenario().sessionId()),
			page("sessions", VISITOR, (f) -> "/sessions"),
			page("session", VISITOR, (f) -> "/sessions/" + f.scenario().sessionId()),
			page("units", VISITOR, (f) -> "/units"), page("unit", VISITOR, (f) -> "/units/" + f.scenario().unitId()),
			page("deputies", VISITOR, (f) -> "/deputies"),
			page("deputy", VISITOR, (f) -> "/deputies/" + f.scenario().leadDeputyId()),
			page("login", VISITOR, (f) -> "/login"), page("not-found", VISITOR, (f) -> "/replies/999999999999", 404),
			// a deputy
			page("account", DEPUTY, (f) -> "/account"), page("my-proposals", DEPUTY, (f) -> "/my"),
			page("my-proposal", DEPUTY, (f) -> "/my/proposals/" + f.scenario().proposalId()),
			page("notifications", DEPUTY, (f) -> "/notifications"), page("following", DEPUTY, (f) -> "/following"),
			page("reply-signed-in", DEPUTY, (f) -> "/replies/" + f.replyId()),
			// a unit official
			page("unit-follow-ups", OFFICIAL, (f) -> "/workspace/unit/follow-ups"),
			// a coordinator
			page("accounts", COORDINATOR, (f) -> "/workspace/coordinator/accounts"),
			page("account-new", COORDINATOR, (f) -> "/workspace/coordinator/accounts/new"),
			page("account-detail", COORDINATOR, (f) -> "/workspace/coordinator/accounts/" + f.deputy().id()),
			page("outbox", COORDINATOR, (f) -> "/workspace/coordinator/outbox"),
			page("reply-history", COORDINATOR, (f) -> "/workspace/history/reply/" + f.replyId()));

	private ProofPages() {
	}

	static Page page(String name, Who who, Function<Fixture, String> path) {
		return new Page(name, who, path, 200);
	}

	static Page page(String name, Who who, Function<Fixture, String> path, int status) {
		return new Page(name, who, path, status);
	}

	/**
	 * A page: a short name (test reports), who looks at it, its path, the status it
	 * answers with.
	 */
	record Page(String name, Who who, Function<Fixture, String> path, int status) {

		@Override
		public String toString() {
			return this.name + " (" + this.who.name().toLowerCase() + ")";
		}

	}

}
