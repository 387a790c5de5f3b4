package org.dafu.reply;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.dafu.platform.ClockConfiguration;
import org.hibernate.search.engine.backend.document.DocumentElement;
import org.hibernate.search.engine.backend.document.IndexFieldReference;
import org.hibernate.search.engine.backend.document.model.dsl.IndexSchemaElement;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.bridge.TypeBridge;
import org.hibernate.search.mapper.pojo.bridge.binding.TypeBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.TypeBinder;
import org.hibernate.search.mapper.pojo.bridge.runtime.TypeBridgeWriteContext;

/**
 * What a reply's document holds of the letter's own text ({@link ReplyLetterText} and the
 * sections): its date, disclosure and result class, the sections' headings (searched
 * again, ranking first) and the regions its figures name. The opening, bodies, closing
 * and the subjects its figures name are searched and shown from {@link ReplyIndex#TEXT},
 * which {@link ReplyIndexBinder} writes. A change of any of them (a section's too)
 * re-indexes the reply.
 */
public class ReplyLetterBinder implements TypeBinder {

	@Override
	public void bind(TypeBindingContext context) {
		context.dependencies()
			.use("letter.signedOn")
			.use("issuedAt")
			.use("letter.disclosureMode")
			.use("letter.resultClass")
			.use("letter.opening")
			.use("letter.closing")
			.use("sections.heading")
			.use("sections.body")
			.use("sections.figures.subject")
			.use("sections.figures.region");
		IndexSchemaElement schema = context.indexSchemaElement();
		Fields fields = new Fields(
				schema
					.field(ReplyIndex.DATE, (f) -> f.asLocalDate().projectable(Projectable.YES).sortable(Sortable.YES))
					.toReference(),
				schema.field(ReplyIndex.DISCLOSURE_MODE, (f) -> f.asString().projectable(Projectable.YES))
					.toReference(),
				schema
					.field(ReplyIndex.RESULT_CLASS,
							(f) -> f.asString().projectable(Projectable.YES).aggregable(Aggregable.YES))
					.toReference(),
				schema.field(ReplyIndex.HEADINGS, (f) -> f.asString().analyzer(ReplyIndex.CHINESE))
					.multiValued()
					.toReference(),
				schema.field(ReplyIndex.REGIONS, (f) -> f.asString().aggregable(Aggregable.YES))
					.multiValued()
					.toReference());
		context.bridge(Reply.class, new Bridge(fields));
	}

	/** The letter's date: signed on, else the day it was issued. */
	static LocalDate dateOf(Reply reply) {
		if (reply.getSignedOn() != null) {
			return reply.getSignedOn();
		}
		return (reply.getIssuedAt() != null) ? LocalDate.ofInstant(reply.getIssuedAt(), ClockConfiguration.ZONE) : null;
	}

	static List<String> headingsOf(Reply reply) {
		return present(reply.getSections().stream().map(ReplySection::getHeading).toList());
	}

	/** The opening, the sections' bodies and the closing. */
	static List<String> bodyOf(Reply reply) {
		List<String> texts = new ArrayList<>();
		texts.add(reply.getOpening());
		reply.getSections().forEach((s) -> texts.add(s.getBody()));
		texts.add(reply.getClosing());
		return present(texts);
	}

	static List<String> subjectsOf(Reply reply) {
		return present(figures(reply, ReplyFigure::getSubject)).stream().distinct().toList();
	}

	/** The regions its figures name (柯城区 …), once each. */
	static List<String> regionsOf(Reply reply) {
		return present(figures(reply, ReplyFigure::getRegion)).stream().distinct().toList();
	}

	private static List<String> figures(Reply reply, Function<ReplyFigure, String> text) {
		return reply.getSections().stream().flatMap((s) -> s.getFigures().stream()).map(text).toList();
	}

	private static List<String> present(List<String> texts) {
		return texts.stream().filter((t) -> t != null && !t.isBlank()).toList();
	}

	private record Fields(IndexFieldReference<LocalDate> date, IndexFieldReference<String> disclosureMode,
			IndexFieldReference<String> resultClass, IndexFieldReference<String> headings,
			IndexFieldReference<String> regions) {
	}

	private static final class Bridge implements TypeBridge<Reply> {

		private final Fields fields;

		Bridge(Fields fields) {
			this.fields = fields;
		}

		@Override
		public void write(DocumentElement target, Reply reply, TypeBridgeWriteContext context) {
			LocalDate date = dateOf(reply);
			if (date != null) {
				target.addValue(this.fields.date(), date);
			}
			if (reply.getDisclosureMode() != null) {
				target.addValue(this.fields.disclosureMode(), reply.getDisclosureMode().name());
			}
			if (reply.getResultClass() != null) {
				target.addValue(this.fields.resultClass(), reply.getResultClass().name());
			}
			headingsOf(reply).forEach((t) -> target.addValue(this.fields.headings(), t));
			regionsOf(reply).forEach((t) -> target.addValue(this.fields.regions(), t));
		}

	}

}
