package org.dafu.opendata;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.dafu.reply.FigureContent;
import org.dafu.reply.ReplyView;
import org.dafu.search.SearchHit;

/** The JSON shapes of the open data API. */
final class ReplyJson {

	private ReplyJson() {
	}

	/**
	 * A reply in a list. {@code highlight} is HTML: the text escaped, matches in mark.
	 */
	record Item(long id, String indexNumber, String url, String proposalTitle, int proposalNumber, long sessionId,
			String session, int year, long unitId, String unit, String topic, String resultClass, LocalDate date,
			String highlight) {

		static Item of(SearchHit hit, String url) {
			return new Item(hit.id(), hit.indexNumber(), url, hit.proposalTitle(), hit.proposalNumber(),
					hit.sessionId(), hit.sessionName(), hit.year(), hit.unitId(), hit.unitName(), hit.topicName(),
					hit.resultClass(), hit.date(), hit.passage().isEmpty() ? null : hit.passage().html());
		}

	}

	/** A page of replies. */
	record Page(List<Item> items, long total, int page, int size, int totalPages, String next) {
	}

	/** One reply with its sections and figures. */
	record Detail(long id, String indexNumber, String url, String status, String kind, LocalDate writtenOn,
			LocalDate signedOn, String disclosureMode, String catalogCategory, String addressee, String opening,
			String closing, String issuer, String resultClass, Instant issuedAt, Proposal proposal, Unit unit,
			List<Section> sections) {

		static Detail of(ReplyView r, String url) {
			ReplyView.ProposalRef p = r.proposal();
			return new Detail(r.id(), r.indexNumber(), url, r.status().name(), r.kind().name(), r.writtenOn(),
					r.signedOn(), r.disclosureMode().name(), r.catalogCategory(), r.addressee(), r.opening(),
					r.closing(), r.issuer(), (r.resultClass() != null) ? r.resultClass().name() : null, r.issuedAt(),
					new Proposal(p.id(), p.number(), p.title(), p.sessionId(), p.sessionName(), p.leadDeputyName()),
					new Unit(r.unit().id(), r.unit().name()),
					r.sections()
						.stream()
						.map((s) -> new Section(s.ordinal(), s.kind().name(), s.numberedHeading(), s.body(),
								s.figures().stream().map(ReplyView.FigureView::content).toList()))
						.toList());
		}

	}

	record Proposal(long id, int number, String title, long sessionId, String session, String leadDeputy) {
	}

	record Unit(long id, String name) {
	}

	record Section(int ordinal, String kind, String heading, String body, List<FigureContent> figures) {
	}

	/** An error: the HTTP status and a message in the request's language. */
	record Error(int status, String message) {
	}

}
