package org.dafu.security;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.ServletException;

import org.dafu.testing.AsViewer;
import org.dafu.access.Role;
import org.dafu.access.Viewer;
import org.dafu.account.AccountProblem;
import org.dafu.account.AccountService;
import org.dafu.congress.BodyType;
import org.dafu.congress.CongressLevel;
import org.dafu.congress.CongressService;
import org.dafu.evaluation.EvaluationService;
import org.dafu.evaluation.RateCommand;
import org.dafu.evaluation.Rating;
import org.dafu.notify.FollowKind;
import org.dafu.notify.FollowService;
import org.dafu.proposal.ProposalService;
import org.dafu.proposal.ProposalService.RegisterProposalCommand;
import org.dafu.reply.DisclosureMode;
import org.dafu.reply.FigureContent;
import org.dafu.reply.FigureKind;
import org.dafu.reply.LetterContent;
import org.dafu.reply.ReplyDrafting;
import org.dafu.reply.ReplyKind;
import org.dafu.reply.ReplyReview;
import org.dafu.reply.ReplyService;
import org.dafu.reply.ResultClass;
import org.dafu.reply.SectionContent;
import org.dafu.reply.SectionKind;
import org.dafu.testing.TestData;
import org.dafu.testing.TestDataConfiguration;
import org.dafu.unit.UnitService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dafu.testing.AsViewer.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Promise 12 of docs/security.md: output encoded everywhere. {@code <script>} and
 * {@code "><img src=x onerror=...>} are stored in every text field of a session, a
 * deputy, a unit, a topic, a proposal, a reply (addressee, opening, closing, headings,
 * bodies, figures' subjects and sentences, disclosure reason), an evaluation comment and
 * a followed keyword, and put into every query and paging parameter; every page on main
 * that shows them is fetched as the viewer who may see it. Each field must be shown
 * somewhere (its tag appears), and never raw.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class OutputEncodingTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	CongressService congress;

	@Autowired
	UnitService units;

	@Autowired
	ProposalService proposals;

	@Autowired
	ReplyService replies;

	@Autowired
	ReplyReview review;

	@Autowired
	ReplyDrafting drafting;

	@Autowired
	EvaluationService evaluations;

	@Autowired
	FollowService follows;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountService accounts;

	static String script(String tag) {
		return "<script>alert('" + tag + "')</script>";
	}

	static String img(String tag) {
		return "\"><img src=x onerror=alert('" + tag + "')>";
	}

	static String both(String tag) {
		return script(tag) + img(tag);
	}

	/** Raw markup that would run; none of it may reach a page. */
	static final List<String> RAW = List.of("<script>alert(", "<img src=x onerror", "onerror=alert('");

	@Test
	void hostileTextInEveryStoredFieldAndParameterComesBackEscapedOnEveryPage() throws Exception {
		int n = TestData.unique();
		String t = "X" + n;
		Map<String, String> tags = new LinkedHashMap<>();
		for (String field : List.of("session", "deputy", "delegation", "unit", "topic", "title", "body", "addressee",
				"opening", "closing", "heading", "sectionBody", "subject", "sentence", "nextHeading", "comment",
				"keyword", "param")) {
			tags.put(field, field.substring(0, 3) + t);
		}
		long session = this.congress
			.createSession(BodyType.CPPCC, CongressLevel.values()[n % 3], 10 + (n / 60) % 90, 1 + n % 20, 2022,
					both(tags.get("session")))
			.id();
		long deputy = this.congress.createDeputy(script(tags.get("deputy")), img(tags.get("delegation"))).id();
		long unit = this.units.create(both(tags.get("unit")), "H" + n).id();
		long topic = this.proposals.topicNamedOrCreate(script(tags.get("topic"))).id();
		long proposal = this.proposals
			.register(new RegisterProposalCommand(session, 7, both(tags.get("title")), both(tags.get("body")), deputy,
					Set.of(), topic, LocalDate.of(2022, 2, 20), true))
			.id();
		this.proposals.assign(proposal, unit, List.of(), LocalDate.of(2022, 3, 1), null);
		Viewer official = Viewer.official("enc" + n, unit);
		Viewer lead = Viewer.deputy("encdeputy" + n, deputy);
		Viewer coordinator = Viewer.coordinator("encboss" + n);
		FigureContent target = new FigureContent(both(tags.get("subject")), new BigDecimal("5000"), "亿元",
				FigureKind.TARGET, "突破", null, 2026, null, null, null, null, both(tags.get("sentence")));
		LetterContent letter = new LetterContent(LocalDate.of(2022, 11, 1), LocalDate.of(2022, 11, 6),
				DisclosureMode.PROACTIVE, null, null, both(tags.get("addressee")), both(tags.get("opening")),
				both(tags.get("closing")), "测试单位", ResultClass.B,
				List.of(new SectionContent(SectionKind.RESPONSE, both(tags.get("heading")),
						both(tags.get("sectionBody")), List.of(target)),
						new SectionContent(SectionKind.NEXT_STEPS, both(tags.get("nextHeading")), "下一步。", List.of())));
		long draft = this.drafting.createDraft(official, proposal, ReplyKind.ORIGINAL, letter);
		long reply = this.review.issue(official, draft, this.replies.readable(official, draft).version()).id();
		this.evaluations.rate(lead, reply,
				new RateCommand(Rating.SATISFIED, Rating.BASICALLY_SATISFIED, both(tags.get("comment"))));
		this.follows.follow(lead, FollowKind.KEYWORD, null, img(tags.get("keyword")));
		long figure = this.jdbc
			.sql("select f.id from figure f join reply_section s on s.id = f.section_id where s.reply_id = ?")
			.param(reply)
			.query(Long.class)
			.single();

		Map<String, Viewer> pages = new LinkedHashMap<>();
		pages.put("/", Viewer.anonymous());
		pages.put("/replies", Viewer.anonymous());
		pages.put("/replies/" + reply, Viewer.anonymous());
		pages.put("/sessions", Viewer.anonymous());
		pages.put("/sessions/" + session, Viewer.anonymous());
		pages.put("/units", Viewer.anonymous());
		pages.put("/units/" + unit, Viewer.anonymous());
		pages.put("/deputies", Viewer.anonymous());
		pages.put("/deputies/" + deputy, Viewer.anonymous());
		pages.put("/figures?unit=" + unit, Viewer.anonymous());
		pages.put("/figures/" + figure, Viewer.anonymous());
		pages.put("/statistics", Viewer.anonymous());
		pages.put("/statistics/sessions/" + session, Viewer.anonymous());
		pages.put("/login", Viewer.anonymous());
		pages.put("/my", lead);
		pages.put("/my/proposals/" + proposal, lead);
		pages.put("/following", lead);
		pages.put("/notifications", lead);
		pages.put("/workspace/unit/follow-ups", official);
		pages.put("/workspace/unit/follow-ups/" + reply + "/new", official);
		pages.put("/workspace/history/reply/" + reply, official);
		pages.put("/workspace/coordinator", coordinator);
		pages.put("/workspace/coordinator/deadlines", coordinator);
		pages.put("/workspace/coordinator/proposals?session=" + session, coordinator);
		pages.put("/workspace/coordinator/proposals/new?session=" + session, coordinator);
		pages.put("/workspace/coordinator/proposals/" + proposal, coordinator);
		pages.put("/workspace/coordinator/proposals/" + proposal + "/edit", coordinator);
		pages.put("/workspace/coordinator/sessions", coordinator);
		pages.put("/workspace/coordinator/sessions/" + session + "/edit", coordinator);
		pages.put("/workspace/coordinator/deputies?q=" + tags.get("deputy").substring(0, 3), coordinator);
		pages.put("/workspace/coordinator/deputies/" + deputy + "/edit", coordinator);
		pages.put("/workspace/coordinator/units", coordinator);
		pages.put("/workspace/coordinator/units/" + unit + "/edit", coordinator);
		pages.put("/workspace/coordinator/outbox", coordinator);
		pages.put("/workspace/coordinator/accounts", coordinator);
		pages.put("/workspace/history/proposal/" + proposal, coordinator);

		String hostileParam = both(tags.get("param"));
		List<String> problems = new ArrayList<>();
		StringBuilder everything = new StringBuilder();
		for (Map.Entry<String, Viewer> page : pages.entrySet()) {
			String url = page.getKey();
			everything.append(check(problems, url, page.getValue(), Map.of()));
			Map<String, String> params = new LinkedHashMap<>();
			for (String name : List.of("q", "region", "status", "key", "days", "sort", "lang", "error", "x")) {
				params.put(name, hostileParam);
			}
			check(problems, url, page.getValue(), params);
			check(problems, url, page.getValue(), Map.of("page", hostileParam));
			check(problems, url, page.getValue(), Map.of("unit", hostileParam, "topic", hostileParam));
		}
		assertThat(problems).isEmpty();
		String all = everything.toString();
		for (Map.Entry<String, String> tag : tags.entrySet()) {
			// a figure's source sentence is stored but no page on main shows it
			if (!tag.getKey().equals("param") && !tag.getKey().equals("sentence")) {
				assertThat(all).as("the " + tag.getKey() + " is shown somewhere").contains(tag.getValue());
			}
		}
		assertThat(all).contains("&lt;script&gt;alert(").contains("&lt;img src=x onerror=");
	}

	@Test
	void accountNamesCannotHoldMarkup() {
		Viewer coordinator = Viewer.coordinator("encboss");
		for (String name : List.of(script("acc"), img("acc"), "a<b>c", "x'y\"z")) {
			assertThatThrownBy(() -> AsViewer.call(coordinator,
					() -> this.accounts.create(name, "a good long passphrase", Role.COORDINATOR, null, null)))
				.as(name)
				.isInstanceOf(AccountProblem.class)
				.hasMessageContaining("account.error.username");
		}
		assertThat(this.jdbc.sql("select count(*) from account where username ~ '[<>\"'']'").query(Long.class).single())
			.isZero();
	}

	private String check(List<String> problems, String url, Viewer viewer, Map<String, String> params)
			throws Exception {
		MockHttpServletRequestBuilder request = get(url);
		params.forEach(request::param);
		if (viewer.role() != Role.PUBLIC) {
			request = request.with(as(viewer));
		}
		MockHttpServletResponse response;
		try {
			response = this.mvc.perform(request).andReturn().getResponse();
		}
		catch (ServletException ex) {
			problems.add(url + " " + params.keySet() + ": " + ex.getMessage());
			return "";
		}
		String body = response.getContentAsString();
		if (params.isEmpty() && response.getStatus() != 200) {
			problems.add(url + ": " + response.getStatus());
		}
		if (response.getStatus() >= 500) {
			problems.add(url + " " + params.keySet() + ": " + response.getStatus());
		}
		for (String raw : RAW) {
			int at = body.indexOf(raw);
			if (at >= 0) {
				problems.add(url + " " + params.keySet() + ": raw "
						+ body.substring(Math.max(0, at - 80), Math.min(body.length(), at + 60)));
			}
		}
		return body;
	}

}
