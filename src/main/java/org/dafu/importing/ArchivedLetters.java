package org.dafu.importing;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.dafu.congress.CongressService;
import org.dafu.congress.SessionView;
import org.dafu.history.AuditLog;
import org.dafu.letter.ParsedLetter;
import org.dafu.platform.ClockConfiguration;
import org.dafu.proposal.ProposalService;
import org.dafu.proposal.ProposalService.RegisterProposalCommand;
import org.dafu.proposal.ProposalView;
import org.dafu.reply.DisclosureMode;
import org.dafu.reply.LetterContent;
import org.dafu.reply.LetterLimits;
import org.dafu.reply.ReplyKind;
import org.dafu.reply.ReplyReview;
import org.dafu.unit.UnitService;
import org.dafu.unit.UnitView;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records one letter of an archive as an issued reply, in its own transaction: the unit
 * (by the organisation code of the 索引号), the session (by name), the proposal (by session
 * and number) are found or created, then the reply is recorded as issued under the
 * letter's 索引号 on its signing date. Any refusal or failure rolls back all of it.
 */
@Service
class ArchivedLetters {

	static final String ACTOR = "bulk-import";

	private static final LocalTime ISSUED_AT = LocalTime.of(9, 0);

	private final UnitService units;

	private final CongressService congress;

	private final ProposalService proposals;

	private final ReplyReview review;

	private final ImportService imports;

	private final LetterImports records;

	private final AuditLog audit;

	ArchivedLetters(UnitService units, CongressService congress, ProposalService proposals, ReplyReview review,
			ImportService imports, LetterImports records, AuditLog audit) {
		this.units = units;
		this.congress = congress;
		this.proposals = proposals;
		this.review = review;
		this.imports = imports;
		this.records = records;
		this.audit = audit;
	}

	/**
	 * Records a parsed letter as an issued reply.
	 * @param letter the letter, whose 索引号 is well formed and not yet in the portal
	 * @param sourceName the file's path inside the archive
	 * @param options the run's options (session fallback, result class, disclosure
	 * reason)
	 * @return the reply's id
	 * @throws BulkRefusal or ImportRefusedException when the letter cannot be recorded
	 */
	@Transactional
	long record(ParsedLetter letter, String sourceName, BulkOptions options) {
		String indexNumber = letter.metadata().indexNumber();
		LocalDate written = letter.metadata().writtenDate();
		LocalDate signed = (letter.signedDate() != null) ? letter.signedDate() : written;
		if (signed == null) {
			throw new BulkRefusal(BulkRefusal.DATE_MISSING);
		}
		LetterContent content = ParsedLetters.toContent(letter, options.resultClass(), options.disclosureReason());
		if (content.sections().isEmpty()) {
			throw new ImportRefusedException(ImportRefusedException.NO_SECTIONS);
		}
		if (content.disclosureMode() != DisclosureMode.PROACTIVE
				&& (content.disclosureReason() == null || content.disclosureReason().isBlank())) {
			throw new ImportRefusedException(ImportRefusedException.REASON_MISSING);
		}
		if (!LetterLimits.fits(content)) {
			// a correction opens the letter in the editor, which must be able to save it
			throw new ImportRefusedException(ImportRefusedException.LETTER_TOO_LARGE, LetterLimits.SECTIONS,
					LetterLimits.FIGURES);
		}
		UnitView unit = unit(indexNumber.substring(0, indexNumber.indexOf('/')), letter.issuer());
		SessionView session = session(letter, options, (written != null) ? written : signed);
		long proposal = proposal(session, letter, unit, (written != null) ? written : signed);
		long reply = this.review.recordIssued(proposal, unit.id(), ReplyKind.ORIGINAL, content, indexNumber,
				signed.atTime(ISSUED_AT).atZone(ClockConfiguration.ZONE).toInstant());
		this.proposals.markReplied(proposal);
		this.records.record(reply, indexNumber, ImportSource.BULK, sourceName, ACTOR);
		this.audit.record(ACTOR, "LETTER_IMPORTED", "reply:" + reply,
				"proposal:" + proposal + " source:BULK index:" + indexNumber, null);
		return reply;
	}

	/**
	 * The unit whose organisation code the 索引号 carries; else the unit named like the
	 * issuer when it has no code yet; else a new unit with the issuer's name and the
	 * code.
	 */
	private UnitView unit(String orgCode, String issuer) {
		Optional<UnitView> byCode = this.units.unitWithCode(orgCode);
		if (byCode.isPresent()) {
			return byCode.get();
		}
		if (issuer == null || issuer.isBlank()) {
			throw new BulkRefusal(BulkRefusal.ISSUER_MISSING, orgCode);
		}
		Optional<UnitView> byName = this.units.unitNamed(issuer.strip());
		if (byName.isPresent()) {
			throw new BulkRefusal(BulkRefusal.UNIT_CODE_CONFLICT, issuer.strip(), byName.get().orgCode(), orgCode);
		}
		return this.units.create(issuer.strip(), orgCode);
	}

	/** The session the letter cites, else the run's; created when no session matches. */
	private SessionView session(ParsedLetter letter, BulkOptions options, LocalDate written) {
		String cited = (letter.proposal() != null) ? letter.proposal().session() : null;
		String name = (cited != null && !cited.isBlank()) ? cited.strip() : options.session();
		if (name == null || name.isBlank()) {
			throw new BulkRefusal(BulkRefusal.SESSION_MISSING);
		}
		return this.imports.sessionMatching(name)
			.orElseGet(() -> this.congress.sessionNamedOrCreate(name.strip(), written.getYear()));
	}

	/**
	 * The proposal of that number in the session: it must be led by the unit (or not
	 * assigned yet, then it is assigned to the unit); a new one is registered with the
	 * letter's title and lead deputy, marked as a historical record (imported from an
	 * archive), and assigned to the unit on the written date.
	 */
	private long proposal(SessionView session, ParsedLetter letter, UnitView unit, LocalDate assignedOn) {
		Integer number = (letter.proposal() != null) ? letter.proposal().number() : null;
		if (number == null || number <= 0) {
			throw new ImportRefusedException(ImportRefusedException.NUMBER_MISSING);
		}
		Optional<ProposalView> existing = this.proposals.proposal(session.id(), number);
		if (existing.isPresent()) {
			ProposalView proposal = existing.get();
			if (proposal.lead() == null) {
				this.proposals.assign(proposal.id(), unit.id(), List.of(), assignedOn, null);
			}
			else if (!unit.id().equals(proposal.lead().unitId())) {
				throw new BulkRefusal(BulkRefusal.PROPOSAL_OF_OTHER_UNIT, session.name(), number);
			}
			return proposal.id();
		}
		String title = letter.proposal().title();
		if (title == null || title.isBlank()) {
			throw new ImportRefusedException(ImportRefusedException.TITLE_MISSING);
		}
		String lead = leadDeputy(letter.addressee());
		if (lead == null) {
			throw new ImportRefusedException(ImportRefusedException.DEPUTY_MISSING);
		}
		long deputy = this.congress.deputyNamedOrCreate(lead, null).id();
		long proposal = this.proposals
			.registerHistorical(new RegisterProposalCommand(session.id(), number, title.strip(), null, deputy, Set.of(),
					null, null, false))
			.id();
		this.proposals.assign(proposal, unit.id(), List.of(), assignedOn, null);
		return proposal;
	}

	/** 朱伟正等代表 → 朱伟正; 朱伟正代表 → 朱伟正. */
	static String leadDeputy(String addressee) {
		if (addressee == null) {
			return null;
		}
		String name = addressee.strip().replaceAll("[:：]$", "").replaceAll("(等)?(位)?代表$", "").strip();
		return name.isEmpty() ? null : name;
	}

}
