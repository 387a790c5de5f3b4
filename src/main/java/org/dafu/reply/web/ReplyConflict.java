package org.dafu.reply.web;

import org.dafu.platform.web.forms.Conflict;
import org.dafu.platform.web.forms.Conflict.Text;
import org.dafu.reply.FigureContent;
import org.dafu.reply.LetterContent;
import org.dafu.reply.ReplyView;
import org.dafu.reply.SectionContent;

/**
 * The conflict page of a refused stale save of a letter: the stored letter beside the one
 * the editor submitted, part by part, and where to go on (the editor, the correction, or
 * the issued reply).
 */
final class ReplyConflict {

	private ReplyConflict() {
	}

	/**
	 * @param stored the reply as saved by the other editor
	 * @param submitted the letter this editor submitted (null when the request carried
	 * none: a review or issue button)
	 * @param submittedVersion the version the refused request was made from
	 * @param correcting whether the refused request was a correction of an issued reply
	 */
	static Conflict of(ReplyView stored, LetterContent submitted, int submittedVersion, boolean correcting) {
		String base = "/workspace/unit/replies/" + stored.id();
		Conflict.Builder page = Conflict.titled("drafting.conflict.heading")
			.explanation("drafting.conflict.text", submittedVersion, stored.version())
			.columns(Text.of("drafting.conflict.stored", stored.version()), Text.of("drafting.conflict.submitted"));
		if (submitted == null) {
			page.nothingSubmitted("drafting.conflict.nothingSubmitted");
		}
		if (stored.isIssued() && !correcting) {
			page.note("drafting.conflict.issued", stored.indexNumber());
		}
		LetterContent mine = stored.content();
		page.row("drafting.field.writtenOn", mine.writtenOn(), part(submitted, LetterContent::writtenOn));
		page.row("drafting.field.signedOn", mine.signedOn(), part(submitted, LetterContent::signedOn));
		page.row("drafting.field.disclosureMode", mine.disclosureMode().chinese(),
				part(submitted, (c) -> c.disclosureMode().chinese()));
		page.row("drafting.field.disclosureReason", mine.disclosureReason(),
				part(submitted, LetterContent::disclosureReason));
		page.row("drafting.field.catalogCategory", mine.catalogCategory(),
				part(submitted, LetterContent::catalogCategory));
		page.row("drafting.field.resultClass", mine.resultClass(), part(submitted, LetterContent::resultClass));
		page.row("drafting.field.addressee", mine.addressee(), part(submitted, LetterContent::addressee));
		page.row("drafting.field.opening", mine.opening(), part(submitted, LetterContent::opening));
		int sections = Math.max(mine.sections().size(), (submitted != null) ? submitted.sections().size() : 0);
		for (int i = 0; i < sections; i++) {
			int n = i;
			page.row(Text.of("drafting.conflict.section", n + 1), section(mine, n),
					part(submitted, (c) -> section(c, n)), null);
		}
		page.row("drafting.field.closing", mine.closing(), part(submitted, LetterContent::closing));
		page.row("drafting.field.issuer", mine.issuer(), part(submitted, LetterContent::issuer));
		if (correcting) {
			page.link(base + "/correction", "drafting.conflict.reloadCorrection");
		}
		if (!stored.isIssued()) {
			page.link(base + "/edit", "drafting.conflict.reload");
		}
		else if (!correcting) {
			page.link(base + "/preview", "drafting.conflict.issuedLink");
		}
		return page.build();
	}

	private static Object part(LetterContent content, java.util.function.Function<LetterContent, Object> part) {
		return (content != null) ? part.apply(content) : null;
	}

	private static String section(LetterContent content, int index) {
		if (index >= content.sections().size()) {
			return null;
		}
		SectionContent s = content.sections().get(index);
		StringBuilder out = new StringBuilder();
		out.append('[').append(s.kind().name()).append("] ").append(s.heading()).append('\n').append(s.body());
		for (FigureContent f : s.figures()) {
			out.append('\n')
				.append("· ")
				.append(f.kind().name())
				.append(' ')
				.append(f.subject())
				.append(' ')
				.append((f.comparator() != null) ? f.comparator() + " " : "")
				.append(f.value().stripTrailingZeros().toPlainString())
				.append(f.unit());
		}
		return out.toString();
	}

}
