package org.dafu.notify;

import org.dafu.access.Viewer;
import org.dafu.reply.DisclosureMode;
import org.dafu.reply.ReplyChanged;
import org.dafu.reply.ReplyDrafting;
import org.dafu.reply.ReplyKind;
import org.dafu.reply.ReplyReview;
import org.dafu.reply.ReplyService;
import org.dafu.reply.ResultClass;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dafu.testing.AsViewer.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * In-app notices (the bell, the list, marking read), following, and the outbox that keeps
 * mail when no SMTP server is configured (this context has none).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ TestDataConfiguration.class, TestRecipients.class })
class NotificationPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	ReplyService replies;

	@Autowired
	ReplyReview review;

	@Autowired
	ReplyDrafting drafting;

	@Autowired
	NotificationInbox inbox;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationEventPublisher events;

	long issue(Scenario s, DisclosureMode mode, String marker) {
		long id = this.drafting.createDraft(s.official(), s.proposalId(), ReplyKind.ORIGINAL,
				TestData.letter(marker, mode, ResultClass.A));
		return this.review.issue(s.official(), id, this.replies.readable(s.official(), id).version()).id();
	}

	@Test
	void followingAKeywordNotifiesWhenAMatchingReplyIsDisclosed() throws Exception {
		Scenario s = this.data.scenario();
		String keyword = "关注词" + s.n();
		Viewer follower = Viewer.deputy("follower" + s.n(), s.bystanderId());
		this.mvc.perform(post("/following").param("kind", "KEYWORD").param("keyword", keyword).with(as(follower)))
			.andExpect(status().isForbidden());
		this.mvc.perform(
				post("/following").param("kind", "KEYWORD").param("keyword", keyword).with(as(follower)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		// following twice changes nothing
		this.mvc.perform(
				post("/following").param("kind", "KEYWORD").param("keyword", keyword).with(as(follower)).with(csrf()));
		this.mvc.perform(get("/following").with(as(follower)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(keyword)));
		assertThat(this.jdbc.queryForObject("select count(*) from follow where username = ?", Integer.class,
				follower.username()))
			.isEqualTo(1);

		// a reply that is not public does not reach the follower
		issue(s, DisclosureMode.ON_REQUEST, keyword + "甲");
		assertThat(this.inbox.unreadCount(follower)).isZero();

		long disclosed = issue(s, DisclosureMode.PROACTIVE, keyword + "乙");
		assertThat(this.inbox.unreadCount(follower)).isEqualTo(1);
		this.mvc.perform(get("/notifications").with(as(follower)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/replies/" + disclosed)))
			.andExpect(content().string(containsString("关于测试建议" + s.n() + "的建议")))
			.andExpect(content().string(containsString("id=\"notification-unread\"")));
		// mail is kept in the outbox (no SMTP here) for the follower's address
		assertThat(this.jdbc.queryForList("select status from mail_outbox where recipient = ?", String.class,
				follower.username() + "@example.org"))
			.containsExactly("HELD");
		// withdrawing the disclosure withdraws the notice from the follower's list
		this.jdbc.update("update reply set disclosure_mode = 'NOT_PUBLIC', disclosure_reason = '撤回' where id = ?",
				disclosed);
		assertThat(this.inbox.unreadCount(follower)).isZero();
		this.mvc.perform(get("/notifications").with(as(follower)))
			.andExpect(content().string(not(containsString("/replies/" + disclosed))));
		// disclosed again (the disclosure event): the notice is back, still only one
		this.jdbc.update("update reply set disclosure_mode = 'PROACTIVE', disclosure_reason = null where id = ?",
				disclosed);
		this.events.publishEvent(new ReplyChanged(disclosed, ReplyChanged.Change.DISCLOSURE_CHANGED));
		assertThat(this.inbox.unreadCount(follower)).isEqualTo(1);
		// someone who follows nothing hears nothing
		assertThat(this.inbox.unreadCount(Viewer.official("nobody" + s.n(), s.otherUnitId()))).isZero();
	}

	@Test
	void followingAUnitOrAProposalAndUnfollowing() throws Exception {
		Scenario s = this.data.scenario();
		Viewer viewer = Viewer.coordinator("watcher" + s.n());
		this.mvc
			.perform(post("/following").param("kind", "UNIT")
				.param("unitId", String.valueOf(s.unitId()))
				.with(as(viewer))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(post("/following").param("kind", "PROPOSAL")
				.param("proposalId", String.valueOf(s.proposalId()))
				.with(as(viewer))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		long disclosed = issue(s, DisclosureMode.PROACTIVE, "单位关注");
		// both follows match, one notice
		assertThat(this.jdbc.queryForObject(
				"select count(*) from notification where recipient_username = ? and reply_id = ?", Integer.class,
				viewer.username(), disclosed))
			.isEqualTo(1);
		Long follow = this.jdbc.queryForObject("select min(id) from follow where username = ?", Long.class,
				viewer.username());
		Viewer stranger = Viewer.deputy("stranger" + s.n(), s.bystanderId());
		this.mvc.perform(post("/following/{id}/delete", follow).with(as(stranger)).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/following/{id}/delete", follow).with(as(viewer)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.queryForObject("select count(*) from follow where username = ?", Integer.class,
				viewer.username()))
			.isEqualTo(1);
		// Anonymous visitors are sent to sign in.
		this.mvc.perform(get("/following")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
	}

	@Test
	void theBellCountsUnreadNoticesAndMarkingReadNeedsCsrfAndOwnership() throws Exception {
		Scenario s = this.data.scenario();
		issue(s, DisclosureMode.PROACTIVE, "铃铛");
		Viewer lead = s.lead();
		assertThat(this.inbox.unreadCount(lead)).isEqualTo(1);
		this.mvc.perform(get("/my").with(as(lead)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"notification-bell\"")))
			.andExpect(content().string(containsString("id=\"notification-unread\">1<")));
		long id = this.jdbc.queryForObject(
				"select id from notification where recipient_deputy_id = ? and kind = 'REPLY_ISSUED'", Long.class,
				s.leadDeputyId());
		this.mvc.perform(post("/notifications/{id}/read", id).with(as(lead))).andExpect(status().isForbidden());
		this.mvc.perform(post("/notifications/{id}/read", id).with(as(s.bystander())).with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(this.inbox.unreadCount(lead)).isEqualTo(1);
		this.mvc.perform(get("/notifications/{id}/read", id).with(as(lead))).andExpect(status().is4xxClientError());
		this.mvc.perform(post("/notifications/{id}/read", id).with(as(lead)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.inbox.unreadCount(lead)).isZero();
		// the co-signer's own notice stays unread
		assertThat(this.inbox.unreadCount(s.cosigner())).isEqualTo(1);
		this.mvc.perform(post("/notifications/read-all").with(as(s.cosigner())).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.inbox.unreadCount(s.cosigner())).isZero();
		// a unit notice is read per official
		Viewer first = s.official();
		Viewer second = Viewer.official("second" + s.n(), s.unitId());
		long unitUnread = this.inbox.unreadCount(second);
		assertThat(unitUnread).isPositive();
		this.mvc.perform(post("/notifications/read-all").with(as(first)).with(csrf()));
		assertThat(this.inbox.unreadCount(first)).isZero();
		assertThat(this.inbox.unreadCount(second)).isEqualTo(unitUnread);
		// Anonymous visitors are sent to sign in.
		this.mvc.perform(get("/notifications"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
	}

	@Test
	void withoutAMailServerMailIsHeldInTheOutboxForTheCoordinator() throws Exception {
		Scenario s = this.data.scenario();
		issue(s, DisclosureMode.ON_REQUEST, "暂存");
		String address = "deputy-" + s.leadDeputyId() + "@example.org";
		assertThat(this.jdbc.queryForList("select status from mail_outbox where recipient = ?", String.class, address))
			.containsExactly("HELD");
		this.mvc.perform(get("/workspace/coordinator/outbox").with(as(Viewer.coordinator("coord" + s.n()))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(address)))
			.andExpect(content().string(containsString("已收到答复")));
		this.mvc.perform(get("/workspace/coordinator/outbox").with(as(s.official()))).andExpect(status().isForbidden());
		this.mvc.perform(get("/workspace/coordinator/outbox").with(as(s.lead()))).andExpect(status().isForbidden());
		this.mvc
			.perform(get("/workspace/coordinator/outbox").param("lang", "en")
				.with(as(Viewer.coordinator("coord" + s.n()))))
			.andExpect(content().string(containsString("Mail outbox")))
			.andExpect(content().string(not(containsString("??"))));
	}

}
