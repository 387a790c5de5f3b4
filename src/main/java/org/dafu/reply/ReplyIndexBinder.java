package org.dafu.reply;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hibernate.search.engine.backend.document.DocumentElement;
import org.hibernate.search.engine.backend.document.IndexFieldReference;
import org.hibernate.search.engine.backend.document.model.dsl.IndexSchemaElement;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.TermVector;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.mapper.orm.HibernateOrmExtension;
import org.hibernate.search.mapper.pojo.bridge.TypeBridge;
import org.hibernate.search.mapper.pojo.bridge.binding.TypeBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.TypeBinder;
import org.hibernate.search.mapper.pojo.bridge.runtime.TypeBridgeWriteContext;

import static org.dafu.congress.CongressProjections.DEPUTIES;
import static org.dafu.congress.CongressProjections.SESSIONS;
import static org.dafu.proposal.ProposalProjections.ASSIGNMENTS;
import static org.dafu.proposal.ProposalProjections.COSIGNERS;
import static org.dafu.proposal.ProposalProjections.PROPOSALS;
import static org.dafu.proposal.ProposalProjections.TOPICS;
import static org.dafu.unit.UnitProjections.UNITS;

/**
 * What a reply's document holds of its surroundings: the proposal (number, title,
 * session, topic, deputies) and the units. The domain refers to them by id, so the bridge
 * reads them with one SQL query per reply, in the indexing session (also the mass
 * indexer's). A change of one of them re-indexes the replies it concerns
 * ({@link ReplyIndexFreshness}). It also writes the one field every search looks in
 * besides the title ({@link ReplyIndex#TEXT}): the letter's own texts
 * ({@link ReplyLetterBinder}) first, then these texts but the title, and the 索引号.
 */
public class ReplyIndexBinder implements TypeBinder {

	private static final String CONTEXT = """
			select p.number, p.title, s.id, s.name, s.year, u.id, u.name, t.id, t.name,
			       (select string_agg(d.id || ':' || d.name, E'\\n' order by d.id) from %1$s d
			         where d.id = p.lead_deputy_id
			            or d.id in (select c.deputy_id from %2$s c where c.proposal_id = p.id)),
			       (select string_agg(hu.name, E'\\n' order by a.id) from %3$s a
			          join %4$s hu on hu.id = a.unit_id
			         where a.proposal_id = p.id and a.unit_id <> r.unit_id)
			  from reply r
			  join %5$s p on p.id = r.proposal_id
			  join %6$s s on s.id = p.session_id
			  join %4$s u on u.id = r.unit_id
			  left join %7$s t on t.id = p.topic_category_id
			 where r.id = :id""".formatted(DEPUTIES, COSIGNERS, ASSIGNMENTS, UNITS, PROPOSALS, SESSIONS, TOPICS);

	@Override
	public void bind(TypeBindingContext context) {
		context.dependencies()
			.use("proposalId")
			.use("unitId")
			.use("status")
			.use("indexNumber")
			.use("letter.disclosureMode")
			.use("letter.opening")
			.use("letter.closing")
			.use("sections.heading")
			.use("sections.body")
			.use("sections.figures.subject");
		IndexSchemaElement schema = context.indexSchemaElement();
		Fields fields = new Fields(
				schema
					.field(ReplyIndex.TITLE,
							(f) -> f.asString().analyzer(ReplyIndex.CHINESE).projectable(Projectable.YES))
					.toReference(),
				schema
					.field(ReplyIndex.TEXT,
							(f) -> f.asString()
								.analyzer(ReplyIndex.CHINESE)
								.projectable(Projectable.YES)
								.termVector(TermVector.WITH_POSITIONS_OFFSETS)
								.highlightable(List.of(Highlightable.FAST_VECTOR)))
					.multiValued()
					.toReference(),
				schema.field(ReplyIndex.PROPOSAL_NUMBER, (f) -> f.asInteger().projectable(Projectable.YES))
					.toReference(),
				schema.field(ReplyIndex.SESSION_ID, (f) -> f.asLong().projectable(Projectable.YES)).toReference(),
				schema.field(ReplyIndex.SESSION_NAME, (f) -> f.asString().projectable(Projectable.YES)).toReference(),
				schema.field(ReplyIndex.SESSION_FACET, (f) -> f.asString().aggregable(Aggregable.YES)).toReference(),
				schema
					.field(ReplyIndex.YEAR,
							(f) -> f.asInteger().projectable(Projectable.YES).aggregable(Aggregable.YES))
					.toReference(),
				schema.field(ReplyIndex.UNIT_NAME, (f) -> f.asString().projectable(Projectable.YES)).toReference(),
				schema.field(ReplyIndex.UNIT_FACET, (f) -> f.asString().aggregable(Aggregable.YES)).toReference(),
				schema.field(ReplyIndex.TOPIC_ID, (f) -> f.asLong()).toReference(),
				schema.field(ReplyIndex.TOPIC_NAME, (f) -> f.asString().projectable(Projectable.YES)).toReference(),
				schema.field(ReplyIndex.TOPIC_FACET, (f) -> f.asString().aggregable(Aggregable.YES)).toReference(),
				schema.field(ReplyIndex.DEPUTY_IDS, (f) -> f.asLong().aggregable(Aggregable.YES))
					.multiValued()
					.toReference());
		context.bridge(Reply.class, new Bridge(fields));
	}

	private record Fields(IndexFieldReference<String> title, IndexFieldReference<String> text,
			IndexFieldReference<Integer> number, IndexFieldReference<Long> sessionId,
			IndexFieldReference<String> sessionName, IndexFieldReference<String> sessionFacet,
			IndexFieldReference<Integer> year, IndexFieldReference<String> unitName,
			IndexFieldReference<String> unitFacet, IndexFieldReference<Long> topicId,
			IndexFieldReference<String> topicName, IndexFieldReference<String> topicFacet,
			IndexFieldReference<Long> deputyIds) {
	}

	private static final class Bridge implements TypeBridge<Reply> {

		private final Fields fields;

		Bridge(Fields fields) {
			this.fields = fields;
		}

		@Override
		public void write(DocumentElement target, Reply reply, TypeBridgeWriteContext context) {
			if (reply.getId() == null) {
				return;
			}
			Session session = context.extension(HibernateOrmExtension.get()).session();
			List<Object[]> rows = session.createNativeQuery(CONTEXT, Object[].class)
				.setParameter("id", reply.getId())
				.setHibernateFlushMode(FlushMode.MANUAL)
				.getResultList();
			if (rows.isEmpty()) {
				return;
			}
			Object[] row = rows.get(0);
			Fields f = this.fields;
			// the letter's texts first: the highlighter favours passages near the start
			ReplyLetterBinder.bodyOf(reply).forEach((t) -> target.addValue(f.text(), t));
			ReplyLetterBinder.headingsOf(reply).forEach((t) -> target.addValue(f.text(), t));
			ReplyLetterBinder.subjectsOf(reply).forEach((t) -> target.addValue(f.text(), t));
			int number = ((Number) row[0]).intValue();
			target.addValue(f.number(), number);
			target.addValue(f.title(), (String) row[1]);
			target.addValue(f.text(), "第" + number + "号");
			long sessionId = ((Number) row[2]).longValue();
			String sessionName = (String) row[3];
			int year = ((Number) row[4]).intValue();
			target.addValue(f.sessionId(), sessionId);
			target.addValue(f.sessionName(), sessionName);
			target.addValue(f.sessionFacet(), facet(year, sessionId, sessionName));
			target.addValue(f.year(), year);
			String unitName = (String) row[6];
			target.addValue(f.unitName(), unitName);
			target.addValue(f.unitFacet(), facet(((Number) row[5]).longValue(), unitName));
			target.addValue(f.text(), unitName);
			if (row[7] != null) {
				long topicId = ((Number) row[7]).longValue();
				target.addValue(f.topicId(), topicId);
				target.addValue(f.topicName(), (String) row[8]);
				target.addValue(f.topicFacet(), facet(topicId, (String) row[8]));
			}
			if (row[9] != null) {
				for (String deputy : ((String) row[9]).split("\n")) {
					int colon = deputy.indexOf(':');
					long deputyId = Long.parseLong(deputy.substring(0, colon));
					String name = deputy.substring(colon + 1);
					target.addValue(f.deputyIds(), deputyId);
					target.addValue(f.text(), name);
				}
			}
			if (row[10] != null) {
				Set<String> coUnits = new LinkedHashSet<>(List.of(((String) row[10]).split("\n")));
				coUnits.remove(unitName);
				coUnits.forEach((name) -> target.addValue(f.text(), name));
			}
			if (reply.getIndexNumber() != null) {
				target.addValue(f.text(), reply.getIndexNumber());
			}
		}

		private static String facet(Object... parts) {
			StringBuilder out = new StringBuilder();
			for (Object part : parts) {
				if (!out.isEmpty()) {
					out.append(ReplyIndex.SEPARATOR);
				}
				out.append(part);
			}
			return out.toString();
		}

	}

}
