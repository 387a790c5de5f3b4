package org.dafu.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import org.dafu.congress.CongressService;
import org.dafu.congress.DeputyView;
import org.dafu.congress.SessionView;
import org.dafu.importing.ParsedLetters;
import org.dafu.letter.LetterParser;
import org.dafu.letter.ParsedLetter;
import org.dafu.platform.ClockConfiguration;
import org.dafu.proposal.ProposalService;
import org.dafu.proposal.ProposalService.RegisterProposalCommand;
import org.dafu.reply.LetterContent;
import org.dafu.reply.ReplyKind;
import org.dafu.reply.ReplyReview;
import org.dafu.reply.ReplyService;
import org.dafu.reply.ResultClass;
import org.dafu.unit.UnitService;
import org.dafu.unit.UnitView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Demo mode (the embedded database) fills an empty portal with the real Quzhou reply and
 * three fictitious letters (src/main/resources/demo/README.md), read by the same letter
 * parser as any import. It never runs against a portal that already holds the sample.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "dafu.demo.enabled", havingValue = "true")
class DemoDataLoader implements ApplicationRunner {

	static final String SAMPLE_INDEX_NUMBER = "11330800002618015K/2022-137066";

	private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

	/** File, result class and disclosure reason (for letters not proactively public). */
	private static final List<DemoLetter> LETTERS = List.of(
			new DemoLetter("letters/quzhou-2022-137066.txt", ResultClass.B, null),
			new DemoLetter("demo/demo-1-solar.txt", ResultClass.A, null),
			new DemoLetter("demo/demo-2-carbon.txt", ResultClass.B, "涉及企业融资信息，依申请公开"),
			new DemoLetter("demo/demo-3-storage.txt", ResultClass.C, null));

	private final CongressService congress;

	private final UnitService units;

	private final ProposalService proposals;

	private final ReplyService replies;

	private final ReplyReview review;

	private final DemoProposals more;

	private final Clock clock;

	private final LetterParser parser = new LetterParser();

	DemoDataLoader(CongressService congress, UnitService units, ProposalService proposals, ReplyService replies,
			ReplyReview review, DemoProposals more, Clock clock) {
		this.congress = congress;
		this.units = units;
		this.proposals = proposals;
		this.replies = replies;
		this.review = review;
		this.more = more;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.replies.idOfIndexNumber(SAMPLE_INDEX_NUMBER).isPresent()) {
			// a demo database kept from an earlier run: only what later versions add
			this.more.ratableProposalForTheDemoDeputy(LocalDate.now(this.clock));
			return;
		}
		for (DemoLetter letter : LETTERS) {
			load(letter);
		}
		pendingProposalForTheDemoOfficial();
		this.more.load(LocalDate.now(this.clock));
		log.info("Demo data loaded: {} letters and fictitious proposals (demo mode only)", LETTERS.size());
	}

	private void load(DemoLetter demo) {
		ParsedLetter letter = this.parser.parse(read(demo.resource()));
		String indexNumber = letter.metadata().indexNumber();
		String orgCode = indexNumber.substring(0, indexNumber.indexOf('/'));
		String unitName = letter.issuer();
		UnitView unit = this.units.unitWithCode(orgCode)
			.or(() -> this.units.unitNamed(unitName))
			.orElseGet(() -> this.units.create(unitName, orgCode));
		LocalDate written = letter.metadata().writtenDate();
		SessionView session = this.congress.sessionNamedOrCreate(letter.proposal().session(), written.getYear());
		boolean others = letter.addressee().contains("等");
		String leadName = letter.addressee().replaceAll("(等)?代表$", "");
		DeputyView lead = this.congress.deputyNamedOrCreate(leadName, null);
		Set<Long> cosigners = others ? Set.of(this.congress.deputyNamedOrCreate("示例联名代表一", null).id(),
				this.congress.deputyNamedOrCreate("示例联名代表二", null).id()) : Set.of();
		long proposal = this.proposals
			.register(new RegisterProposalCommand(session.id(), letter.proposal().number(), letter.proposal().title(),
					null, lead.id(), cosigners, this.proposals.topicNamedOrCreate(topicOf(letter)).id(),
					LocalDate.of(written.getYear(), 2, 20), false))
			.id();
		LocalDate assigned = LocalDate.of(written.getYear(), 3, 10);
		this.proposals.assign(proposal, unit.id(), List.of(), assigned, null);
		LetterContent content = ParsedLetters.toContent(letter, demo.resultClass(), demo.disclosureReason());
		LocalDate signed = (letter.signedDate() != null) ? letter.signedDate() : written;
		this.review.recordIssued(proposal, unit.id(), ReplyKind.ORIGINAL, content, indexNumber,
				signed.atTime(LocalTime.of(9, 0)).atZone(ClockConfiguration.ZONE).toInstant());
		this.proposals.markReplied(proposal);
	}

	/** The demo official's inbox has one proposal still waiting for its reply. */
	private void pendingProposalForTheDemoOfficial() {
		UnitView office = this.units.unitWithCode("11330800002618015K").orElseThrow();
		SessionView session = this.congress.sessionNamedOrCreate("市八届人大二次会议", 2023);
		// a fictitious proposal: a fictitious deputy, never the sample's real one
		DeputyView lead = this.congress.deputyNamedOrCreate("示例代表壬", null);
		long proposal = this.proposals
			.register(new RegisterProposalCommand(session.id(), 58, "关于进一步优化政务服务“一网通办”的建议（示例）",
					"建议进一步整合政务服务事项，提升“一网通办”办件比例。（示例建议）", lead.id(), Set.of(),
					this.proposals.topicNamedOrCreate("政府建设").id(), LocalDate.of(2023, 2, 18), true))
			.id();
		LocalDate today = LocalDate.now(ClockConfiguration.ZONE);
		this.proposals.assign(proposal, office.id(), List.of(), today.minusMonths(2).minusDays(20), null);
	}

	private static String topicOf(ParsedLetter letter) {
		String title = letter.proposal().title();
		if (title.contains("光伏") || title.contains("能源") || title.contains("抽水蓄能")) {
			return "能源";
		}
		if (title.contains("碳")) {
			return "生态环境";
		}
		return "经济发展";
	}

	private static String read(String resource) {
		try {
			return new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private record DemoLetter(String resource, ResultClass resultClass, String disclosureReason) {
	}

}
