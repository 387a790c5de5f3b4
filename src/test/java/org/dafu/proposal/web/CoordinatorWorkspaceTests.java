package org.dafu.proposal.web;

import java.time.LocalDate;
import java.util.List;

import org.dafu.access.Viewer;
import org.dafu.congress.CongressService;
import org.dafu.congress.SessionView;
import org.dafu.history.HistoryService;
import org.dafu.history.RevisionView;
import org.dafu.proposal.ProposalService;
import org.dafu.proposal.ProposalStatus;
import org.dafu.proposal.ProposalView;
import org.dafu.testing.AsViewer;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.dafu.unit.UnitService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The coordinator workspace, page by page: what a coordinator can do, with the rules. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class CoordinatorWorkspaceTests {

	static final Viewer COORDINATOR = Viewer.coordinator("coord-tests");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	CongressService congress;

	@Autowired
	UnitService units;

	@Autowired
	ProposalService proposals;

	@Autowired
	HistoryService history;

	@Autowired
	JdbcClient jdbc;

	private MockHttpServletRequestBuilder postAs(String url) {
		return post(url).with(AsViewer.as(COORDINATOR)).with(csrf());
	}

	@Test
	void everyPageRendersForACoordinator() throws Exception {
		Scenario s = this.data.scenario();
		for (String url : List.of("/workspace/coordinator", "/workspace/coordinator/deadlines",
				"/workspace/coordinator/sessions", "/workspace/coordinator/sessions/new",
				"/workspace/coordinator/sessions/" + s.sessionId() + "/edit", "/workspace/coordinator/deputies",
				"/workspace/coordinator/deputies?q=领衔代表" + s.n(), "/workspace/coordinator/deputies/new",
				"/workspace/coordinator/deputies/" + s.leadDeputyId() + "/edit", "/workspace/coordinator/units",
				"/workspace/coordinator/units/new", "/workspace/coordinator/units/" + s.unitId() + "/edit",
				"/workspace/coordinator/proposals", "/workspace/coordinator/proposals?session=" + s.sessionId(),
				"/workspace/coordinator/proposals/new?session=" + s.sessionId(),
				"/workspace/coordinator/proposals/" + s.proposalId(),
				"/workspace/coordinator/proposals/" + s.proposalId() + "/edit",
				"/workspace/coordinator/proposals?session=x&status=<script>&unit=1'--&key=maybe&page=-3")) {
			this.mvc.perform(get(url).with(AsViewer.as(COORDINATOR)))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString("<script>"))));
		}
		this.mvc.perform(get("/workspace/coordinator/deputies?q=领衔代表" + s.n()).with(AsViewer.as(COORDINATOR)))
			.andExpect(content().string(containsString("领衔代表" + s.n())));
		this.mvc.perform(get("/workspace/coordinator/proposals/" + s.proposalId()).with(AsViewer.as(COORDINATOR)))
			.andExpect(content().string(containsString("关于测试建议" + s.n())))
			.andExpect(content().string(containsString("测试单位" + s.n())));
	}

	@Test
	void aCoordinatorCreatesAndEditsSessionsDeputiesAndUnits() throws Exception {
		int n = TestData.unique();
		// a numbering no other test's session holds (the database is shared: generator
		// runs and imports create CPPCC sessions too)
		int numbering = this.jdbc.sql("""
				select min(t * 100 + s) from generate_series(1, 99) t, generate_series(1, 20) s
				where not exists (select 1 from congress_session c where c.body_type = 'CPPCC'
				  and c.level = 'COUNTY' and c.term = t and c.session_number = s)""").query(Integer.class).single();
		this.mvc
			.perform(postAs("/workspace/coordinator/sessions").param("bodyType", "CPPCC")
				.param("level", "COUNTY")
				.param("term", String.valueOf(numbering / 100))
				.param("sessionNumber", String.valueOf(numbering % 100))
				.param("year", "2024")
				.param("name", "工作台会议" + n))
			.andExpect(status().is3xxRedirection());
		SessionView session = this.congress.sessionNamed("工作台会议" + n).orElseThrow();
		assertThat(session.bodyType().name()).isEqualTo("CPPCC");
		this.mvc
			.perform(postAs("/workspace/coordinator/sessions/" + session.id()).param("bodyType", "CPPCC")
				.param("level", "COUNTY")
				.param("term", String.valueOf(session.term()))
				.param("sessionNumber", String.valueOf(session.sessionNumber()))
				.param("year", "2025")
				.param("name", "工作台会议" + n + "改")
				.param("version", String.valueOf(session.version())))
			.andExpect(status().is3xxRedirection());
		assertThat(this.congress.session(session.id()).year()).isEqualTo(2025);
		// The evaluation switch is the session's existing close flag.
		this.mvc
			.perform(postAs("/workspace/coordinator/sessions/" + session.id() + "/evaluation").param("closed", "true"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.congress.session(session.id()).evaluationClosed()).isTrue();

		this.mvc.perform(postAs("/workspace/coordinator/deputies").param("name", "新代表" + n).param("delegation", "柯城区"))
			.andExpect(status().is3xxRedirection());
		long deputy = this.congress.deputyNamed("新代表" + n).orElseThrow().id();
		this.mvc
			.perform(postAs("/workspace/coordinator/deputies/" + deputy).param("name", "新代表" + n)
				.param("delegation", "衢江区")
				.param("version", "0"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.congress.deputy(deputy).delegation()).isEqualTo("衢江区");
		this.mvc.perform(postAs("/workspace/coordinator/deputies/" + deputy + "/deactivate"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.congress.deputy(deputy).active()).isFalse();

		this.mvc.perform(postAs("/workspace/coordinator/units").param("name", "新单位" + n).param("orgCode", "NEW" + n))
			.andExpect(status().is3xxRedirection());
		long unit = this.units.unitWithCode("NEW" + n).orElseThrow().id();
		this.mvc
			.perform(postAs("/workspace/coordinator/units/" + unit).param("name", "新单位" + n + "改")
				.param("orgCode", "NEW" + n)
				.param("version", "0"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.units.unit(unit).name()).isEqualTo("新单位" + n + "改");
		this.mvc.perform(postAs("/workspace/coordinator/units/" + unit + "/deactivate"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.units.unit(unit).active()).isFalse();
	}

	@Test
	void badAndHostileInputIsRedisplayedWithMessagesAndNothingIsSaved() throws Exception {
		Scenario s = this.data.scenario();
		int n = s.n();
		// Duplicate organisation code, malformed code, script in the name.
		String existingCode = this.units.unit(s.unitId()).orgCode();
		this.mvc
			.perform(postAs("/workspace/coordinator/units").param("name", "重复代码" + n).param("orgCode", existingCode))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("该组织机构代码已被其他单位使用")));
		this.mvc.perform(postAs("/workspace/coordinator/units").param("name", "小写" + n).param("orgCode", "abc/../1"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("组织机构代码为 6 至 30 位数字或大写字母")));
		this.mvc
			.perform(postAs("/workspace/coordinator/units").param("name", "<script>alert(1)</script>" + n)
				.param("orgCode", "XSS" + n))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(not(containsString("<script>alert(1)"))))
			.andExpect(content().string(containsString("&lt;script&gt;")));
		assertThat(this.units.unitWithCode("XSS" + n)).isEmpty();
		// Very long name.
		this.mvc.perform(postAs("/workspace/coordinator/deputies").param("name", "长".repeat(5000)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("姓名必填，不超过 50 字")));
		// Duplicate session numbering and name; English messages with ?lang=en.
		SessionView session = this.congress.session(s.sessionId());
		this.mvc
			.perform(postAs("/workspace/coordinator/sessions").param("lang", "en")
				.param("bodyType", session.bodyType().name())
				.param("level", session.level().name())
				.param("term", String.valueOf(session.term()))
				.param("sessionNumber", String.valueOf(session.sessionNumber()))
				.param("year", "2022")
				.param("name", session.name()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("A session with this name exists.")))
			.andExpect(content().string(containsString("A session with this body, level, term and number exists.")));
		// Duplicate proposal number, unknown deputy, script in the title.
		this.mvc
			.perform(postAs("/workspace/coordinator/proposals").param("sessionId", String.valueOf(s.sessionId()))
				.param("number", "4")
				.param("title", "重复编号" + n)
				.param("leadDeputyId", String.valueOf(s.leadDeputyId())))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("本次会议已有这个编号的建议")));
		this.mvc
			.perform(postAs("/workspace/coordinator/proposals").param("sessionId", String.valueOf(s.sessionId()))
				.param("number", "9000")
				.param("title", "无此代表" + n)
				.param("leadDeputyId", "999999999999"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("没有这位代表")));
		this.mvc
			.perform(postAs("/workspace/coordinator/proposals").param("sessionId", String.valueOf(s.sessionId()))
				.param("number", "9001")
				.param("title", "<script>x</script>")
				.param("leadDeputyId", String.valueOf(s.leadDeputyId())))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("标题必填，不超过 300 字")));
		this.mvc
			.perform(postAs("/workspace/coordinator/proposals").param("sessionId", String.valueOf(s.sessionId()))
				.param("number", "9001")
				.param("title", "不是数字" + n)
				.param("leadDeputyId", "1 or 1=1"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("请选择领衔代表")));
		assertThat(this.proposals.proposal(s.sessionId(), 9000)).isEmpty();
		assertThat(this.proposals.proposal(s.sessionId(), 9001)).isEmpty();
	}

	@Test
	void registeringAssigningAndExtendingAreRecordedInTheHistory() throws Exception {
		Scenario s = this.data.scenario();
		int number = this.proposals.nextNumber(s.sessionId());
		this.mvc
			.perform(
					get("/workspace/coordinator/proposals/new?session=" + s.sessionId()).with(AsViewer.as(COORDINATOR)))
			.andExpect(content().string(containsString("value=\"" + number + "\"")));
		this.mvc
			.perform(postAs("/workspace/coordinator/proposals").param("sessionId", String.valueOf(s.sessionId()))
				.param("number", String.valueOf(number))
				.param("title", "关于登记建议" + s.n() + "的建议")
				.param("body", "第一段。\n第二段。")
				.param("leadDeputyId", String.valueOf(s.leadDeputyId()))
				.param("cosignerIds", String.valueOf(s.cosignerId()), String.valueOf(s.bystanderId()))
				.param("submittedOn", "2022-02-20")
				.param("keyProposal", "true"))
			.andExpect(status().is3xxRedirection());
		ProposalView registered = this.proposals.proposal(s.sessionId(), number).orElseThrow();
		assertThat(registered.keyProposal()).isTrue();
		assertThat(registered.cosignerIds()).containsExactlyInAnyOrder(s.cosignerId(), s.bystanderId());
		long id = registered.id();

		// A deadline before the assignment date is refused, nothing changes.
		this.mvc
			.perform(postAs("/workspace/coordinator/proposals/" + id + "/assignment")
				.param("leadUnitId", String.valueOf(s.unitId()))
				.param("assignedOn", "2024-05-10")
				.param("deadline", "2024-05-01")
				.param("version", String.valueOf(registered.version())))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("办理期限不能早于交办日期")));
		assertThat(this.proposals.proposal(id).status()).isEqualTo(ProposalStatus.REGISTERED);

		// Assigned with the default deadline: three months.
		this.mvc
			.perform(postAs("/workspace/coordinator/proposals/" + id + "/assignment")
				.param("leadUnitId", String.valueOf(s.unitId()))
				.param("coUnitIds", String.valueOf(s.otherUnitId()))
				.param("assignedOn", "2024-05-10")
				.param("deadline", "")
				.param("version", String.valueOf(registered.version())))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/workspace/coordinator/proposals/" + id));
		ProposalView assigned = this.proposals.proposal(id);
		assertThat(assigned.status()).isEqualTo(ProposalStatus.ASSIGNED);
		assertThat(assigned.lead().deadline()).isEqualTo(LocalDate.of(2024, 8, 10));
		assertThat(assigned.assignments()).hasSize(2);
		// The units were told (notify/ listens to ProposalAssigned).
		assertThat(this.jdbc.sql("select count(*) from notification where proposal_id = :id")
			.param("id", id)
			.query(Long.class)
			.single()).isPositive();

		// An extension needs a reason.
		this.mvc
			.perform(postAs("/workspace/coordinator/proposals/" + id + "/extension").param("newDeadline", "2024-10-01")
				.param("reason", "  ")
				.param("version", String.valueOf(assigned.version())))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("延期理由必填")));
		this.mvc
			.perform(postAs("/workspace/coordinator/proposals/" + id + "/extension").param("newDeadline", "2024-10-01")
				.param("reason", "涉及多个部门协调")
				.param("version", String.valueOf(assigned.version())))
			.andExpect(status().is3xxRedirection());
		ProposalView extended = this.proposals.proposal(id);
		assertThat(extended.lead().deadline()).isEqualTo(LocalDate.of(2024, 10, 1));
		assertThat(this.proposals.extensionsOf(id)).hasSize(2).allSatisfy((e) -> {
			assertThat(e.reason()).isEqualTo("涉及多个部门协调");
			assertThat(e.previousDeadline()).isEqualTo(LocalDate.of(2024, 8, 10));
			assertThat(e.extendedBy()).isEqualTo("coord-tests");
		});
		// Beyond six months from assignment is refused.
		this.mvc
			.perform(postAs("/workspace/coordinator/proposals/" + id + "/extension").param("newDeadline", "2024-12-01")
				.param("reason", "再延")
				.param("version", String.valueOf(extended.version())))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("期限最长为交办之日起六个月")));

		// A revision.
		this.mvc
			.perform(postAs("/workspace/coordinator/proposals/" + id).param("title", "关于修改后建议" + s.n() + "的建议")
				.param("body", "第一段。\n第二段改。")
				.param("leadDeputyId", String.valueOf(s.leadDeputyId()))
				.param("cosignerIds", String.valueOf(s.cosignerId()))
				.param("submittedOn", "2022-02-20")
				.param("version", String.valueOf(extended.version())))
			.andExpect(status().is3xxRedirection());
		assertThat(this.proposals.proposal(id).cosignerIds()).containsExactly(s.cosignerId());

		List<RevisionView> revisions = this.history.revisions("proposal", id);
		assertThat(revisions).extracting(RevisionView::changeKind)
			.containsExactly("CREATED", "ASSIGNED", "EXTENDED", "UPDATED");
		assertThat(revisions).allSatisfy((r) -> assertThat(r.changedBy()).isEqualTo("coord-tests"));
		assertThat(revisions.get(0).after()).contains("关于登记建议" + s.n()).contains("重点建议：是");
		assertThat(revisions.get(1).after()).contains("主办单位：测试单位" + s.n()).contains("期限 2024-08-10");
		assertThat(revisions.get(2).summary()).isEqualTo("涉及多个部门协调");
		assertThat(revisions.get(2).after()).contains("期限 2024-10-01");
		assertThat(revisions.get(3).diff()).anyMatch((l) -> l.isAdded() && l.text().contains("第二段改"));
		// The detail page shows it all, and the revisions page is the history feature's.
		this.mvc.perform(get("/workspace/coordinator/proposals/" + id).with(AsViewer.as(COORDINATOR)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("涉及多个部门协调")))
			.andExpect(content().string(containsString("/workspace/history/proposal/" + id)));
		this.mvc.perform(get("/workspace/history/proposal/" + id).with(AsViewer.as(COORDINATOR)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("第二段改")));
	}

}
