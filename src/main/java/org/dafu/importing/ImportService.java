package org.dafu.importing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.dafu.access.AccessPolicy;
import org.dafu.access.Viewer;
import org.dafu.congress.CongressService;
import org.dafu.congress.SessionView;
import org.dafu.history.AuditLog;
import org.dafu.letter.LetterFormatException;
import org.dafu.letter.LetterParser;
import org.dafu.letter.LetterReader;
import org.dafu.letter.ParsedLetter;
import org.dafu.platform.web.NotFoundException;
import org.dafu.proposal.ProposalService;
import org.dafu.proposal.ProposalView;
import org.dafu.reply.DisclosureMode;
import org.dafu.reply.LetterContent;
import org.dafu.reply.LetterLimits;
import org.dafu.reply.ReplyDrafting;
import org.dafu.reply.ReplyKind;
import org.dafu.reply.ReplyService;
import org.dafu.reply.ResultClass;
import org.dafu.unit.UnitService;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Importing a reply letter: reading and parsing it (nothing written), then saving what
 * the official confirmed as a draft reply of their unit, in one transaction.
 */
@Service
@Transactional(readOnly = true)
public class ImportService {

	static final Pattern INDEX_NUMBER = Pattern.compile("^[0-9A-Z]{6,30}/[0-9]{4}-[0-9]{1,10}$");

	private final LetterParser parser = new LetterParser();

	private final CongressService congress;

	private final ProposalService proposals;

	private final ReplyService replies;

	private final ReplyDrafting drafting;

	private final LetterImports imports;

	private final AuditLog audit;

	private final UnitService units;

	private final AccessPolicy access;

	private final long maxBytes;

	ImportService(CongressService congress, ProposalService proposals, ReplyService replies, ReplyDrafting drafting,
			LetterImports imports, AuditLog audit, UnitService units, AccessPolicy access,
			@Value("${dafu.import.max-bytes:2MB}") DataSize maxFileSize) {
		this.congress = congress;
		this.proposals = proposals;
		this.replies = replies;
		this.drafting = drafting;
		this.imports = imports;
		this.audit = audit;
		this.units = units;
		this.access = access;
		this.maxBytes = Math.min(maxFileSize.toBytes(), LetterReader.MAX_BYTES);
	}

	/** The largest letter accepted, in bytes (file or pasted text as UTF-8). */
	public long maxBytes() {
		return this.maxBytes;
	}

	/**
	 * Reads and parses an uploaded letter file. Writes nothing.
	 * @throws LetterFormatException when the file cannot be read or holds no letter
	 */
	public Read parseFile(byte[] content, String filename) {
		if (content != null && content.length > this.maxBytes) {
			throw tooLarge();
		}
		String text = LetterReader.read(content, filename, this.maxBytes);
		return new Read(text, this.parser.requireLetter(text));
	}

	/**
	 * Parses pasted text. Writes nothing.
	 * @throws LetterFormatException when the text is empty, too long, holds control
	 * characters or no letter
	 */
	public Read parseText(String text) {
		if (text == null || text.isBlank()) {
			throw new LetterFormatException(LetterFormatException.EMPTY, "empty");
		}
		if (text.length() > this.maxBytes || text.getBytes(StandardCharsets.UTF_8).length > this.maxBytes) {
			throw tooLarge();
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F) {
				throw new LetterFormatException(LetterFormatException.BINARY, "control character");
			}
		}
		return new Read(text, this.parser.requireLetter(text));
	}

	/** Every session, newest first, for the official to choose from. */
	public List<SessionView> sessions() {
		return this.congress.sessions();
	}

	/**
	 * The existing session a letter cites: by its exact name, else by the name without
	 * spaces and 第.
	 */
	public Optional<SessionView> sessionMatching(String name) {
		if (name == null || name.isBlank()) {
			return Optional.empty();
		}
		Optional<SessionView> exact = this.congress.sessionNamed(name.strip());
		if (exact.isPresent()) {
			return exact;
		}
		String wanted = loose(name);
		return this.congress.sessions().stream().filter((s) -> loose(s.name()).equals(wanted)).findFirst();
	}

	/** What confirming would do with the proposal: attach to it, or refuse. */
	public ProposalMatch proposalMatch(Viewer viewer, Long sessionId, Integer number) {
		if (sessionId == null || number == null) {
			return ProposalMatch.UNKNOWN;
		}
		return this.proposals.proposal(sessionId, number)
			.filter((p) -> isLedBy(p, viewer))
			.map((p) -> ProposalMatch.EXISTS)
			.orElse(ProposalMatch.NOT_YOURS);
	}

	/**
	 * Whether a letter with this 索引号 is already in the portal, imported or issued,
	 * whoever may read it: for the bulk import, which runs as the system.
	 */
	boolean isKnownIndexNumber(String indexNumber) {
		return indexNumber != null && !indexNumber.isBlank() && holderOf(indexNumber.strip()).isPresent();
	}

	/**
	 * What the preview may tell an official about a letter's 索引号. That a reply already
	 * has it is said only when the official may read that reply: otherwise nothing is
	 * said, so that the preview cannot be used to find out which numbers exist.
	 */
	public IndexNumberCheck indexNumberCheck(Viewer viewer, String indexNumber) {
		String number = blankToNull(indexNumber);
		if (number == null || !INDEX_NUMBER.matcher(number).matches() || !viewer.isOfficial()) {
			return IndexNumberCheck.FREE;
		}
		if (isAnotherUnits(viewer, number)) {
			return IndexNumberCheck.OTHER_UNIT;
		}
		return holderOf(number).filter((id) -> this.access.canRead(viewer, this.replies.facts(id)))
			.map((id) -> IndexNumberCheck.KNOWN)
			.orElse(IndexNumberCheck.FREE);
	}

	/** The reply that has this 索引号: issued under it, or imported with it. */
	private Optional<Long> holderOf(String indexNumber) {
		Optional<Long> issued = this.replies.idOfIndexNumber(indexNumber);
		return issued.isPresent() ? issued : this.imports.replyWithIndexNumber(indexNumber);
	}

	/** Whether the 索引号's organisation code is that of another unit. */
	private boolean isAnotherUnits(Viewer viewer, String indexNumber) {
		String orgCode = indexNumber.substring(0, indexNumber.indexOf('/'));
		return this.units.unitWithCode(orgCode).filter((u) -> !u.id().equals(viewer.unitId())).isPresent();
	}

	/**
	 * The refusal of a 索引号 that a reply already has: said plainly when the official may
	 * read that reply; otherwise the same refusal as for another unit's number, which
	 * does not tell whether the number exists.
	 */
	private ImportRefusedException taken(Viewer viewer, long holder, String indexNumber) {
		if (this.access.canRead(viewer, this.replies.facts(holder))) {
			return new ImportRefusedException(ImportRefusedException.DUPLICATE_INDEX_NUMBER, indexNumber);
		}
		return unavailable(indexNumber);
	}

	private static ImportRefusedException unavailable(String indexNumber) {
		return new ImportRefusedException(ImportRefusedException.INDEX_NUMBER_UNAVAILABLE, indexNumber);
	}

	/**
	 * Saves a confirmed letter as a draft reply of the viewer's unit, attached to its
	 * proposal, which must be assigned to the unit as lead. All or nothing: any refusal
	 * or failure rolls everything back.
	 * @return the draft's id
	 * @throws ImportRefusedException when the import cannot be saved as asked
	 */
	@Transactional
	public long confirm(Viewer viewer, ImportCommand command) {
		if (!viewer.isOfficial()) {
			throw new AccessDeniedException("only unit officials import letters");
		}
		SessionView session = session(command.sessionId());
		if (command.number() == null || command.number() <= 0) {
			throw new ImportRefusedException(ImportRefusedException.NUMBER_MISSING);
		}
		if (command.content().sections().isEmpty()) {
			throw new ImportRefusedException(ImportRefusedException.NO_SECTIONS);
		}
		if (!LetterLimits.fits(command.content())) {
			throw new ImportRefusedException(ImportRefusedException.LETTER_TOO_LARGE, LetterLimits.SECTIONS,
					LetterLimits.FIGURES);
		}
		if (command.content().disclosureMode() != DisclosureMode.PROACTIVE
				&& (command.content().disclosureReason() == null || command.content().disclosureReason().isBlank())) {
			throw new ImportRefusedException(ImportRefusedException.REASON_MISSING);
		}
		String indexNumber = blankToNull(command.indexNumber());
		if (indexNumber != null && !INDEX_NUMBER.matcher(indexNumber).matches()) {
			throw new ImportRefusedException(ImportRefusedException.INDEX_NUMBER_MALFORMED);
		}
		if (indexNumber != null && isAnotherUnits(viewer, indexNumber)) {
			// another unit's number: refused whether or not it is in the portal
			throw unavailable(indexNumber);
		}
		long proposalId = proposalFor(viewer, session, command);
		long replyId = this.drafting.createDraft(viewer, proposalId, ReplyKind.ORIGINAL, command.content());
		// Checked last, after the draft exists: the database's unique constraint is the
		// real guard, and its refusal must undo it.
		if (indexNumber != null) {
			Optional<Long> holder = holderOf(indexNumber);
			if (holder.isPresent()) {
				throw taken(viewer, holder.get(), indexNumber);
			}
		}
		try {
			this.imports.record(replyId, indexNumber, command.source(), command.sourceName(), viewer.username());
		}
		catch (ImportRefusedException ex) {
			// imported at the same moment by someone else: whose it is cannot be looked
			// up any more (the transaction failed), so nothing about it is said
			throw unavailable(indexNumber);
		}
		if (indexNumber != null) {
			// the unit published the letter under this number: issuing keeps it (when it
			// is
			// one of the unit's numbers; another unit's gets the unit's next one)
			this.drafting.keepLetterIndexNumber(viewer, replyId, indexNumber);
		}
		this.audit.record(viewer.username(), "LETTER_IMPORTED", "reply:" + replyId, "proposal:" + proposalId
				+ " source:" + command.source() + ((indexNumber != null) ? " index:" + indexNumber : ""), null);
		return replyId;
	}

	/**
	 * Saves a letter as read, as the import API sends it: the session named in the letter
	 * unless one is given, the result class as given (A/B/C/D or 甲/乙/丙/丁), or none.
	 * @return the draft's id
	 * @throws ImportRefusedException when the import cannot be saved as asked
	 */
	@Transactional
	public long confirmAsRead(Viewer viewer, Read read, ImportSource source, String sourceName, Long sessionId,
			String resultClass, String disclosureReason) {
		ParsedLetter letter = read.letter();
		Long session = (sessionId != null) ? sessionId
				: sessionMatching(letter.proposal().session()).map(SessionView::id).orElse(null);
		ResultClass result;
		try {
			result = ResultClass.parse(resultClass);
		}
		catch (IllegalArgumentException ex) {
			throw new ImportRefusedException(ImportRefusedException.RESULT_CLASS_UNKNOWN);
		}
		LetterContent content = ParsedLetters.toContent(letter, result,
				(disclosureReason != null && !disclosureReason.isBlank()) ? disclosureReason.strip() : null);
		return confirm(viewer,
				new ImportCommand(session, letter.proposal().number(), letter.proposal().title(),
						ParsedLetters.leadDeputyOf(letter.addressee()), letter.metadata().indexNumber(), source,
						sourceName, content));
	}

	private SessionView session(Long sessionId) {
		if (sessionId == null) {
			throw new ImportRefusedException(ImportRefusedException.SESSION_UNKNOWN);
		}
		try {
			return this.congress.session(sessionId);
		}
		catch (NotFoundException ex) {
			throw new ImportRefusedException(ImportRefusedException.SESSION_UNKNOWN);
		}
	}

	/**
	 * The proposal the letter answers: it must exist and be assigned to the official's
	 * unit as lead. An official's import never registers a proposal (only coordinators
	 * register them, and the bulk import of past archives records historical ones).
	 */
	private long proposalFor(Viewer viewer, SessionView session, ImportCommand command) {
		Optional<ProposalView> existing = this.proposals.proposal(session.id(), command.number());
		if (existing.isEmpty() || !isLedBy(existing.get(), viewer)) {
			throw new ImportRefusedException(ImportRefusedException.NOT_YOUR_PROPOSAL, session.name(),
					String.valueOf(command.number()));
		}
		return existing.get().id();
	}

	private static boolean isLedBy(ProposalView proposal, Viewer viewer) {
		return viewer.isOfficial() && proposal.lead() != null && viewer.unitId().equals(proposal.lead().unitId());
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static String loose(String name) {
		return name.replaceAll("[\\s\u3000第]", "");
	}

	private LetterFormatException tooLarge() {
		return new LetterFormatException(LetterFormatException.TOO_LARGE, "too large");
	}

	/**
	 * A letter as read and parsed.
	 *
	 * @param text the text (decoded, or extracted from the .docx)
	 * @param letter what the parser found in it
	 */
	public record Read(String text, ParsedLetter letter) {
	}

	/** What the preview says of the letter's 索引号. */
	public enum IndexNumberCheck {

		/**
		 * Nothing to say (none, malformed, free, or held by a reply the official may not
		 * read).
		 */
		FREE,
		/** A reply the official may read already has it: confirming is refused. */
		KNOWN,
		/** It is another unit's number (its organisation code): confirming is refused. */
		OTHER_UNIT

	}

	/** What confirming does with the cited proposal. */
	public enum ProposalMatch {

		/** The unit leads it: the draft is attached to it. */
		EXISTS,
		/**
		 * The session has no proposal of that number assigned to the unit as lead (none
		 * at all, not yet assigned, or led by another unit): confirming is refused.
		 */
		NOT_YOURS,
		/** No session or number chosen yet. */
		UNKNOWN

	}

}
