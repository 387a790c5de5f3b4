package org.dafu.letter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes a reply letter's text apart: disclosure header, addressee, the proposal cited in
 * the opening, numbered sections, the next-steps part, closing, issuer, signing date and
 * the quantitative figures; then checks it ({@link LetterWarning}). Stateless and
 * thread-safe.
 */
public class LetterParser {

	private static final int HEADER_SEARCH_LINES = 15;

	private static final Pattern ADDRESSEE = Pattern.compile("^([^：:，,。|\\s]{2,30})[：:]\\s*(.*)$");

	private static final Pattern ADDRESSEE_SUFFIX = Pattern.compile("(?:代表|委员|同志|先生|女士|们)$");

	private static final Pattern CLOSING = Pattern.compile("^(?:感谢|衷心感谢|再次感谢|诚挚感谢|非常感谢|谢谢|特此答复|特此函复|此复|最后，|最后,)");

	private static final Pattern LETTER_TITLE = Pattern
		.compile("^(.{0,40}?)关于.*(?:答复|复函|的函|会办意见|办理意见|办理情况)(?:的函)?[》”]?$|^.{0,40}(?:答复函|复函)$");

	private static final Pattern ISSUER_SUFFIX = Pattern.compile("(?:局|委|办|办公室|政府|院|会|厅|中心|公司|部|处|所|署|队|站|社|馆)$");

	private static final Pattern SIGNER_LABEL = Pattern.compile("^(?:承办单位|答复单位|主办单位|会办单位|单位)\\s*[:：]\\s*");

	private static final Pattern SALUTATION = Pattern.compile("^(?:此致|敬礼)[!！。]?$");

	private static final Pattern INDEX_NUMBER = Pattern.compile("^[0-9A-Z]{6,30}/\\d{4}-\\d{1,8}$");

	public LetterParser() {
	}

	/**
	 * Parses a letter.
	 * @param text the letter's text, as read by {@link LetterReader}
	 * @return the parts found and the warnings; never {@code null}
	 */
	public ParsedLetter parse(String text) {
		List<String> lines = PageClutter
			.strip(TextNormalizer.lines(TextNormalizer.normalize((text != null) ? text : "")));
		List<LetterWarning> warnings = new ArrayList<>();

		int addresseeAt = -1;
		String addressee = null;
		for (int i = 0; i < Math.min(lines.size(), HEADER_SEARCH_LINES); i++) {
			Matcher matcher = ADDRESSEE.matcher(lines.get(i));
			if (!HeaderParser.isHeaderLine(lines.get(i)) && matcher.matches()
					&& (matcher.group(2).isEmpty() || ADDRESSEE_SUFFIX.matcher(matcher.group(1)).find())) {
				addresseeAt = i;
				addressee = matcher.group(1);
				if (!matcher.group(2).isEmpty()) {
					// the letter runs on after the colon: keep that text as the first
					// body line
					lines.add(i + 1, matcher.group(2));
				}
				break;
			}
		}
		int bodyStart = addresseeAt + 1;
		int headerEnd = Math.max(0, addresseeAt);
		if (addressee == null) {
			bodyStart = 0;
			while (bodyStart < lines.size() && HeaderParser.isHeaderLine(lines.get(bodyStart))) {
				bodyStart++;
			}
			headerEnd = bodyStart;
			// letterhead lines and the title above a letter without addressee
			for (int i = bodyStart; i < Math.min(lines.size() - 1, bodyStart + 5); i++) {
				if (LETTER_TITLE.matcher(lines.get(i)).matches()) {
					bodyStart = i + 1;
					break;
				}
			}
		}
		String title = title(lines.subList(0, bodyStart));
		LetterMetadata metadata = HeaderParser.parse(lines.subList(0, headerEnd));

		int end = lines.size();
		LocalDate signedDate = null;
		String issuer = null;
		for (int i = lines.size() - 1; i >= bodyStart && i >= lines.size() - 6; i--) {
			int dateStart = ChineseNumerals.trailingDateStart(lines.get(i));
			if (dateStart >= 0 && lines.get(i).length() - dateStart <= 20 && dateStart <= 40) {
				signedDate = ChineseNumerals.findDate(lines.get(i).substring(dateStart));
				String before = signer(lines.get(i).substring(0, dateStart));
				end = i;
				if (!before.isEmpty()) {
					issuer = before;
				}
				else if (i - 1 >= bodyStart && isIssuerLine(signer(lines.get(i - 1)))) {
					issuer = signer(lines.get(i - 1));
					end = i - 1;
				}
				break;
			}
		}
		if (signedDate == null && end - 1 >= bodyStart && isIssuerLine(signer(lines.get(end - 1)))) {
			issuer = signer(lines.get(end - 1));
			end--;
		}
		if (issuer == null && title != null) {
			issuer = issuerInTitle(title);
		}
		int closingStart = end;
		while (closingStart - 1 >= bodyStart && (CLOSING.matcher(lines.get(closingStart - 1)).find()
				|| SALUTATION.matcher(lines.get(closingStart - 1)).matches())) {
			closingStart--;
		}
		String closing = (closingStart < end) ? String.join("\n", lines.subList(closingStart, end)) : null;

		BodySplitter.Body body = BodySplitter.split(new ArrayList<>(lines.subList(bodyStart, closingStart)));
		ProposalRef proposal = Proposals.find(body.opening(), title);

		FigureExtractor extractor = new FigureExtractor();
		List<ParsedFigure> figures = new ArrayList<>(extractor.extract(0, body.opening()));
		for (ParsedSection section : body.sections()) {
			List<ParsedFigure> found = extractor.extract(section.ordinal(), section.heading() + "\n" + section.text());
			figures.addAll((section.kind() == SectionKind.NEXT_STEPS)
					? found.stream().map(LetterParser::committed).toList() : found);
		}
		warnings.addAll(extractor.warnings());

		check(metadata, addressee, body.sections(), signedDate, figures, warnings);
		if (issuer == null) {
			warnings.add(LetterWarning.issuerMissing());
		}
		if (proposal.number() == null) {
			warnings.add(LetterWarning.proposalNumberMissing());
		}
		else {
			Integer inTitle = Proposals.number(title);
			if (inTitle != null && !inTitle.equals(proposal.number())) {
				warnings.add(LetterWarning.proposalNumberDiffers(inTitle, proposal.number()));
			}
		}
		return new ParsedLetter(metadata, addressee, proposal, body.opening().isEmpty() ? null : body.opening(),
				body.sections(), closing, issuer, signedDate, figures, warnings);
	}

	/**
	 * Parses a letter and insists that it is one.
	 * @param text the letter's text
	 * @return the parsed letter
	 * @throws LetterFormatException with code {@code NO_LETTER} when neither sections nor
	 * a proposal reference were found
	 */
	public ParsedLetter requireLetter(String text) {
		ParsedLetter letter = parse(text);
		if (!letter.isLetter()) {
			throw new LetterFormatException(LetterFormatException.NO_LETTER, "未识别出答复函的内容（既无分段，也无建议标题或编号）");
		}
		return letter;
	}

	private static boolean isIssuerLine(String line) {
		return !line.isEmpty() && line.length() <= 40 && !line.matches(".*[。，,；;：:！？!?].*")
				&& !SALUTATION.matcher(line).matches();
	}

	/** A signer line without its label (承办单位：…). */
	private static String signer(String line) {
		return SIGNER_LABEL.matcher(TextNormalizer.strip(line)).replaceFirst("");
	}

	/** The letter's title among the lines above its body, or {@code null}. */
	private static String title(List<String> above) {
		for (String line : above) {
			if (!HeaderParser.isHeaderLine(line) && LETTER_TITLE.matcher(line).matches()) {
				return line;
			}
		}
		return null;
	}

	/** The issuer named before 关于 in a title (衢州市教育局关于…的答复), or {@code null}. */
	private static String issuerInTitle(String title) {
		Matcher matcher = LETTER_TITLE.matcher(title);
		if (matcher.matches() && matcher.group(1) != null) {
			String issuer = TextNormalizer.strip(matcher.group(1));
			if (ISSUER_SUFFIX.matcher(issuer).find() && issuer.length() >= 3) {
				return issuer;
			}
		}
		return null;
	}

	private static void check(LetterMetadata metadata, String addressee, List<ParsedSection> sections,
			LocalDate signedDate, List<ParsedFigure> figures, List<LetterWarning> warnings) {
		if (metadata.indexNumber() == null) {
			warnings.add(LetterWarning.indexNumberMissing());
		}
		else if (!INDEX_NUMBER.matcher(metadata.indexNumber()).matches()) {
			warnings.add(LetterWarning.indexNumberMalformed(metadata.indexNumber()));
		}
		if (addressee == null) {
			warnings.add(LetterWarning.addresseeMissing());
		}
		if (signedDate == null) {
			warnings.add(LetterWarning.signedDateMissing());
		}
		else if (metadata.writtenDate() != null && signedDate.isBefore(metadata.writtenDate())) {
			warnings.add(LetterWarning.signedBeforeWritten(signedDate.toString(), metadata.writtenDate().toString()));
		}
		int expected = 1;
		for (ParsedSection section : sections) {
			if (section.ordinal() != expected) {
				warnings.add(LetterWarning.sectionGap(expected, section.ordinal()));
			}
			expected = section.ordinal() + 1;
		}
		if (figures.isEmpty()) {
			warnings.add(LetterWarning.noFigures());
		}
	}

	/**
	 * A figure of the next-steps part (下一步) is a commitment: a target, never labelled
	 * 完成情况.
	 */
	private static ParsedFigure committed(ParsedFigure f) {
		return (f.kind() == FigureKind.TARGET) ? f
				: new ParsedFigure(f.section(), f.subject(), f.value(), f.unit(), FigureKind.TARGET, f.comparator(),
						null, f.deadlineYear(), f.region(), f.growthRate(), f.rank(), f.taskShare(), f.source());
	}

}
