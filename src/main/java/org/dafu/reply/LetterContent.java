package org.dafu.reply;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything a unit writes in a reply letter, as one value: what the editor and the
 * importer hand to {@link ReplyService}.
 */
public record LetterContent(LocalDate writtenOn, LocalDate signedOn, DisclosureMode disclosureMode,
		String disclosureReason, String catalogCategory, String addressee, String opening, String closing,
		String issuer, ResultClass resultClass, List<SectionContent> sections) {

	public static final String DEFAULT_CATALOG_CATEGORY = "人大代表建议";

	public LetterContent {
		disclosureMode = (disclosureMode != null) ? disclosureMode : DisclosureMode.PROACTIVE;
		catalogCategory = (catalogCategory == null || catalogCategory.isBlank()) ? DEFAULT_CATALOG_CATEGORY
				: catalogCategory.strip();
		sections = (sections != null) ? List.copyOf(sections) : List.of();
	}

}
