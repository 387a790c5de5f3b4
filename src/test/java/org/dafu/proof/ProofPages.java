package org.dafu.proof;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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

	/** The pages, in the order they are visited. */
	static final List<Page> ALL;

	static {
		List<Page> pages = new ArrayList<>();
		// public
		pages.add(page("home", VISITOR, (f) -> "/"));
		pages.add(page("replies", VISITOR, (f) -> "/replies"));
		pages.add(page("reply", VISITOR, (f) -> "/replies/" + f.replyId()));
		pages.add(page("reply-by-index", VISITOR, (f) -> "/replies/index/" + f.indexNumber()));
		pages.add(page("figures", VISITOR, (f) -> "/figures"));
		pages.add(page("figure", VISITOR, (f) -> "/figures/" + f.figureId()));
		pages.add(page("statistics", VISITOR, (f) -> "/statistics"));
		pages.add(page("session-statistics", VISITOR, (f) -> "/statistics/sessions/" + f.scenario().sessionId()));
		pages.add(page("sessions", VISITOR, (f) -> "/sessions"));
		pages.add(page("session", VISITOR, (f) -> "/sessions/" + f.scenario().sessionId()));
		pages.add(page("units", VISITOR, (f) -> "/units"));
		pages.add(page("unit", VISITOR, (f) -> "/units/" + f.scenario().unitId()));
		pages.add(page("deputies", VISITOR, (f) -> "/deputies"));
		pages.add(page("deputy", VISITOR, (f) -> "/deputies/" + f.scenario().leadDeputyId()));
		pages.add(page("search", VISITOR, (f) -> "/search"));
		pages.add(page("search-results", VISITOR, (f) -> "/search?q=" + q("光伏")));
		pages.add(page("search-filtered", VISITOR, (f) -> "/search?q=" + q("光伏") + "&session="
				+ f.scenario().sessionId() + "&year=2022&unit=" + f.scenario().unitId() + "&result=A&sort=date"));
		pages.add(page("search-nothing-found", VISITOR, (f) -> "/search?q=" + q("没有这样的词语")));
		pages.add(page("login", VISITOR, (f) -> "/login"));
		pages.add(page("login-failed", VISITOR, (f) -> "/login?error"));
		pages.add(page("not-found", VISITOR, (f) -> "/replies/999999999999", 404));
		pages.add(page("reply-corrected", VISITOR, (f) -> "/replies/" + f.extras().correctedReplyId()));
		pages.add(page("reply-with-opinions", VISITOR, (f) -> "/replies/" + f.extras().opinionReplyId()));
		// a proposal's record (its number in the scenario's session is 4), the filtered
		// list, the deputy filter of search and an address nothing answers
		pages.add(page("proposal-record", VISITOR, (f) -> "/sessions/" + f.scenario().sessionId() + "/proposals/4"));
		pages.add(page("replies-filtered", VISITOR, (f) -> "/replies?session=" + f.scenario().sessionId() + "&unit="
				+ f.scenario().unitId() + "&deputy=" + f.scenario().leadDeputyId() + "&year=2022&result=A"));
		pages.add(page("replies-bad-filter", VISITOR, (f) -> "/replies?unit=abc"));
		pages.add(page("search-deputy", VISITOR,
				(f) -> "/search?q=" + q("光伏") + "&deputy=" + f.scenario().leadDeputyId()));
		pages.add(page("not-found-unknown-address", VISITOR, (f) -> "/nonexistent/address", 404));
		// a deputy
		pages.add(page("account", DEPUTY, (f) -> "/account"));
		pages.add(page("my-proposals", DEPUTY, (f) -> "/my"));
		pages.add(page("my-proposal", DEPUTY, (f) -> "/my/proposals/" + f.scenario().proposalId()));
		pages.add(page("my-proposal-rehandling", DEPUTY, (f) -> "/my/proposals/" + f.extras().rehandlingProposalId()));
		pages.add(page("my-proposal-opinions", DEPUTY, (f) -> "/my/proposals/" + f.extras().opinionProposalId()));
		pages.add(page("notifications", DEPUTY, (f) -> "/notifications"));
		pages.add(page("following", DEPUTY, (f) -> "/following"));
		pages.add(page("reply-signed-in", DEPUTY, (f) -> "/replies/" + f.replyId()));
		pages.add(page("proposal-record-deputy", DEPUTY,
				(f) -> "/sessions/" + f.scenario().sessionId() + "/proposals/4"));
		// a unit official
		pages.add(page("unit-follow-ups", OFFICIAL, (f) -> "/workspace/unit/follow-ups"));
		pages.add(page("unit-follow-up-form", OFFICIAL,
				(f) -> "/workspace/unit/follow-ups/" + f.extras().openReplyId() + "/new"));
		pages.add(page("unit-rehandling-form", OFFICIAL,
				(f) -> "/workspace/unit/rehandling/" + f.extras().rehandlingProposalId() + "/new"));
		pages.add(page("unit-notifications", OFFICIAL, (f) -> "/notifications"));
		pages.add(page("unit-inbox", OFFICIAL, (f) -> "/workspace/unit"));
		pages.add(page("reply-editor", OFFICIAL,
				(f) -> "/workspace/unit/replies/" + f.extras().draftReplyId() + "/edit"));
		pages.add(page("reply-preview", OFFICIAL,
				(f) -> "/workspace/unit/replies/" + f.extras().draftReplyId() + "/preview"));
		pages.add(page("submitted-reply-preview", OFFICIAL,
				(f) -> "/workspace/unit/replies/" + f.extras().submittedReplyId() + "/preview"));
		pages.add(page("reply-issue-confirmation", OFFICIAL,
				(f) -> "/workspace/unit/replies/" + f.extras().submittedReplyId() + "/issue"));
		pages.add(page("issued-reply-preview", OFFICIAL, (f) -> "/workspace/unit/replies/" + f.replyId() + "/preview"));
		pages.add(page("reply-correction", OFFICIAL, (f) -> "/workspace/unit/replies/" + f.replyId() + "/correction"));
		pages.add(page("proposal-record-official", OFFICIAL,
				(f) -> "/sessions/" + f.scenario().sessionId() + "/proposals/4"));
		pages.add(page("reply-disclosure-unit", OFFICIAL, (f) -> "/workspace/replies/" + f.replyId() + "/disclosure"));
		pages.add(page("import", OFFICIAL, (f) -> "/workspace/unit/import"));
		pages.add(page("unit-figures", OFFICIAL, (f) -> "/workspace/unit/figures"));
		pages.add(page("figure-unit", OFFICIAL, (f) -> "/figures/" + f.figureId()));
		pages.add(page("unit-opinions", OFFICIAL, (f) -> "/workspace/unit/opinions"));
		pages.add(page("unit-opinion", OFFICIAL, (f) -> "/workspace/unit/opinions/" + f.extras().coProposalId()));
		pages.add(page("reply-editor-opinions", OFFICIAL,
				(f) -> "/workspace/unit/replies/" + f.extras().opinionDraftReplyId() + "/edit"));
		pages.add(page("reply-original", OFFICIAL, (f) -> "/workspace/unit/replies/" + f.replyId() + "/original"));
		pages.add(page("unit-reminders", OFFICIAL, (f) -> "/workspace/unit/reminders"));
		// (the import preview answers a POST: ImportPreviewProofTests; the confirmation
		// of
		// a 不满意 rating answers a POST too: DeputyRatesFromTodoJourneyTests walks it)
		// a coordinator
		pages.add(page("coordinator-dashboard", COORDINATOR, (f) -> "/workspace/coordinator"));
		pages.add(page("deadline-board", COORDINATOR, (f) -> "/workspace/coordinator/deadlines?days=14"));
		pages.add(page("sessions-admin", COORDINATOR, (f) -> "/workspace/coordinator/sessions"));
		pages.add(page("session-new", COORDINATOR, (f) -> "/workspace/coordinator/sessions/new"));
		pages.add(page("session-edit", COORDINATOR,
				(f) -> "/workspace/coordinator/sessions/" + f.scenario().sessionId() + "/edit"));
		pages.add(page("deputies-admin", COORDINATOR, (f) -> "/workspace/coordinator/deputies"));
		pages.add(page("deputy-new", COORDINATOR, (f) -> "/workspace/coordinator/deputies/new"));
		pages.add(page("deputy-edit", COORDINATOR,
				(f) -> "/workspace/coordinator/deputies/" + f.scenario().leadDeputyId() + "/edit"));
		pages.add(page("units-admin", COORDINATOR, (f) -> "/workspace/coordinator/units"));
		pages.add(page("unit-new", COORDINATOR, (f) -> "/workspace/coordinator/units/new"));
		pages.add(page("unit-edit", COORDINATOR,
				(f) -> "/workspace/coordinator/units/" + f.scenario().unitId() + "/edit"));
		pages.add(page("proposals-admin", COORDINATOR,
				(f) -> "/workspace/coordinator/proposals?session=" + f.scenario().sessionId()));
		pages.add(page("proposal-new", COORDINATOR,
				(f) -> "/workspace/coordinator/proposals/new?session=" + f.scenario().sessionId()));
		pages.add(page("proposal-detail", COORDINATOR,
				(f) -> "/workspace/coordinator/proposals/" + f.scenario().proposalId()));
		pages.add(page("proposal-unassigned", COORDINATOR,
				(f) -> "/workspace/coordinator/proposals/" + f.extras().unassignedProposalId()));
		pages.add(page("reminder-form", COORDINATOR,
				(f) -> "/workspace/coordinator/proposals/" + f.extras().overdueProposalId() + "/reminders"));
		pages.add(page("reminder-not-due", COORDINATOR,
				(f) -> "/workspace/coordinator/proposals/" + f.scenario().proposalId() + "/reminders"));
		pages.add(page("proposal-edit", COORDINATOR,
				(f) -> "/workspace/coordinator/proposals/" + f.scenario().proposalId() + "/edit"));
		// (the conflict pages answer a stale POST, not a GET: not in the table)
		pages.add(page("accounts", COORDINATOR, (f) -> "/workspace/coordinator/accounts"));
		pages.add(page("account-new", COORDINATOR, (f) -> "/workspace/coordinator/accounts/new"));
		pages.add(page("account-detail", COORDINATOR, (f) -> "/workspace/coordinator/accounts/" + f.deputy().id()));
		pages.add(page("account-detail-official", COORDINATOR,
				(f) -> "/workspace/coordinator/accounts/" + f.official().id()));
		pages.add(page("outbox", COORDINATOR, (f) -> "/workspace/coordinator/outbox"));
		pages.add(page("figure-coordinator", COORDINATOR, (f) -> "/figures/" + f.figureId()));
		pages.add(page("reply-history", COORDINATOR, (f) -> "/workspace/history/reply/" + f.replyId()));
		pages.add(page("reply-disclosure", COORDINATOR, (f) -> "/workspace/replies/" + f.replyId() + "/disclosure"));
		pages.add(page("reply-withdrawn-disclosure", COORDINATOR,
				(f) -> "/workspace/replies/" + f.extras().withdrawnReplyId() + "/disclosure"));
		pages.add(page("coordinator-opinions", COORDINATOR,
				(f) -> "/workspace/coordinator/proposals/" + f.extras().coProposalId() + "/opinions"));
		// English last: choosing a language is remembered for the pages after it
		pages.add(page("reply-en", VISITOR, (f) -> "/replies/" + f.replyId() + "?lang=en"));
		pages.add(page("reply-editor-en", OFFICIAL,
				(f) -> "/workspace/unit/replies/" + f.extras().draftReplyId() + "/edit?lang=en"));
		ALL = List.copyOf(pages);
	}

	private ProofPages() {
	}

	/** A query parameter's value, URL-encoded. */
	static String q(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
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
