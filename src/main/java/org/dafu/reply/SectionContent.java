package org.dafu.reply;

import java.util.List;

import org.dafu.platform.RefusedException;

/** One numbered section of a reply letter with its figures. */
public record SectionContent(SectionKind kind, String heading, String body, List<FigureContent> figures) {

	public SectionContent {
		if (kind == null) {
			throw new RefusedException("kind", "drafting.validation.required");
		}
		heading = (heading != null) ? heading.strip() : "";
		body = (body != null) ? body : "";
		figures = (figures != null) ? List.copyOf(figures) : List.of();
	}

}
