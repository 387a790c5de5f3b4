package org.dafu.opendata.web;

import org.dafu.opendata.OpenApiConfiguration;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import org.dafu.reply.DisclosureMode;
import org.dafu.reply.FigureContent;
import org.dafu.reply.FigureKind;
import org.dafu.reply.ReplyKind;
import org.dafu.reply.ReplyStatus;
import org.dafu.reply.ReplyView;
import org.dafu.reply.ResultClass;
import org.dafu.reply.SectionKind;
import org.dafu.search.SearchHit;

/**
 * The JSON shapes of the open data API. Every property is always sent (null included);
 * {@link OpenApiConfiguration} marks them all required and the ones listed in
 * {@code NULLABLE} nullable. Sessions and units are named the same way everywhere (and as
 * in the statistics): {@code sessionId}/{@code sessionName},
 * {@code unitId}/{@code unitName}.
 */
public final class ReplyJson {

	private ReplyJson() {
	}

	/**
	 * A reply in a list. {@code highlight} is HTML: the text escaped, matches in mark.
	 */
	@Schema(name = "ReplyItem", description = "A reply in a list")
	record Item(long id, @Schema(description = "索引号; null while the reply has none") String indexNumber,
			@Schema(description = "The reply's page") String url, String proposalTitle, int proposalNumber,
			long sessionId, String sessionName, int year, long unitId, String unitName,
			@Schema(description = "建议类别; null when unclassed") String topic,
			@Schema(description = "办理结果分类; null when not classed") ResultClass resultClass,
			@Schema(description = "The letter's date (signed on, else issued); null for an undated draft") LocalDate date,
			@Schema(description = "HTML: a passage around the first match, escaped, matches in <mark>; "
					+ "null without a query or match") String highlight) {

		static Item of(SearchHit hit, String url) {
			return new Item(hit.id(), hit.indexNumber(), url, hit.proposalTitle(), hit.proposalNumber(),
					hit.sessionId(), hit.sessionName(), hit.year(), hit.unitId(), hit.unitName(), hit.topicName(),
					(hit.resultClass() != null) ? ResultClass.valueOf(hit.resultClass()) : null, hit.date(),
					hit.passage().isEmpty() ? null : hit.passage().html());
		}

	}

	/** A page of replies. */
	@Schema(name = "ReplyPage", description = "A page of replies")
	record Page(List<Item> items,
			@Schema(description = "Matches in all pages; when totalExact is false, a lower bound "
					+ "(a query with very many matches stops counting them exactly)") long total,
			@Schema(description = "Whether total is the exact number of matches") boolean totalExact,
			@Schema(description = "This page, from 1") int page, @Schema(description = "Items per page") int size,
			@Schema(description = "Pages the counted matches fill") int totalPages,
			@Schema(description = "The next page's absolute address with every parameter of this request; "
					+ "null on the last page") String next) {
	}

	/** One reply with its sections and figures. */
	@Schema(name = "ReplyDetail", description = "One reply with its sections and figures")
	record Detail(long id, String indexNumber, String url, ReplyStatus status, ReplyKind kind, LocalDate writtenOn,
			LocalDate signedOn, DisclosureMode disclosureMode, String catalogCategory, String addressee, String opening,
			String closing, String issuer, ResultClass resultClass, Instant issuedAt, Proposal proposal, long unitId,
			String unitName, List<Section> sections) {

		static Detail of(ReplyView r, String url) {
			ReplyView.ProposalRef p = r.proposal();
			return new Detail(r.id(), r.indexNumber(), url, r.status(), r.kind(), r.writtenOn(), r.signedOn(),
					r.disclosureMode(), r.catalogCategory(), r.addressee(), r.opening(), r.closing(), r.issuer(),
					r.resultClass(), r.issuedAt(),
					new Proposal(p.id(), p.number(), p.title(), p.sessionId(), p.sessionName(), p.leadDeputyName()),
					r.unit().id(), r.unit().name(),
					r.sections()
						.stream()
						.map((s) -> new Section(s.ordinal(), s.kind(), s.numberedHeading(), s.body(),
								s.figures().stream().map((f) -> Figure.of(f.content())).toList()))
						.toList());
		}

	}

	@Schema(name = "ReplyProposal", description = "The proposal a reply answers")
	record Proposal(long id, int number, String title, long sessionId, String sessionName, String leadDeputy) {
	}

	@Schema(name = "ReplySection", description = "A numbered section of a reply")
	record Section(int ordinal, SectionKind kind, String heading, String body, List<Figure> figures) {
	}

	@Schema(name = "ReplyFigure", description = "A quantitative figure as stated in the reply")
	record Figure(String subject, BigDecimal value, String unit, FigureKind kind, String comparator, String period,
			Integer deadlineYear, String region, BigDecimal growthRate, String rank, BigDecimal taskShare,
			String sourceSentence) {

		static Figure of(FigureContent f) {
			return new Figure(f.subject(), f.value(), f.unit(), f.kind(), f.comparator(), f.period(), f.deadlineYear(),
					f.region(), f.growthRate(), f.rank(), f.taskShare(), f.sourceSentence());
		}

	}

}
