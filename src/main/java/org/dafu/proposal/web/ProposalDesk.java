package org.dafu.proposal.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.dafu.access.AccessPolicy;
import org.dafu.congress.CongressService;
import org.dafu.congress.DeputyView;
import org.dafu.history.HistoryService;
import org.dafu.proposal.AssignmentRole;
import org.dafu.proposal.ProposalService;
import org.dafu.proposal.ProposalService.RegisterProposalCommand;
import org.dafu.proposal.ProposalService.ReviseProposalCommand;
import org.dafu.proposal.ProposalService.TopicView;
import org.dafu.proposal.ProposalView;
import org.dafu.unit.UnitService;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A coordinator's changes to proposals: register, revise, assign, extend. Each change and
 * its revision (history) are written in one transaction: a change that fails (a stale
 * version, a refused transition) records nothing.
 */
@Service
class ProposalDesk {

	static final String HISTORY_TYPE = org.dafu.proposal.ProposalHistoryReaders.TYPE;

	private final ProposalService proposals;

	private final CongressService congress;

	private final UnitService units;

	private final HistoryService history;

	private final AccessPolicy access;

	ProposalDesk(ProposalService proposals, CongressService congress, UnitService units, HistoryService history,
			AccessPolicy access) {
		this.proposals = proposals;
		this.congress = congress;
		this.units = units;
		this.history = history;
		this.access = access;
	}

	@PreAuthorize("hasRole('COORDINATOR')")
	@Transactional
	public ProposalView register(RegisterProposalCommand command) {
		ProposalView created = this.proposals.register(command);
		record(created, "CREATED", null, null);
		return created;
	}

	@PreAuthorize("hasRole('COORDINATOR')")
	@Transactional
	public ProposalView revise(long id, int expectedVersion, ReviseProposalCommand command) {
		String before = snapshot(this.proposals.proposal(id));
		ProposalView revised = this.proposals.revise(id, expectedVersion, command);
		record(revised, "UPDATED", before, null);
		return revised;
	}

	@PreAuthorize("hasRole('COORDINATOR')")
	@Transactional
	public ProposalView assign(long id, int expectedVersion, long leadUnitId, List<Long> coUnitIds,
			LocalDate assignedOn, LocalDate deadline) {
		String before = snapshot(this.proposals.proposal(id));
		ProposalView assigned = this.proposals.assign(id, expectedVersion, leadUnitId, coUnitIds, assignedOn, deadline);
		record(assigned, "ASSIGNED", before, null);
		return assigned;
	}

	@PreAuthorize("hasRole('COORDINATOR')")
	@Transactional
	public ProposalView extend(long id, int expectedVersion, LocalDate newDeadline, String reason) {
		String before = snapshot(this.proposals.proposal(id));
		ProposalView extended = this.proposals.extendDeadline(id, expectedVersion, newDeadline, reason, actor());
		record(extended, "EXTENDED", before, reason.strip());
		return extended;
	}

	private void record(ProposalView proposal, String kind, String before, String summary) {
		this.history.record(HISTORY_TYPE, proposal.id(), actor(), kind, before, snapshot(proposal), summary);
	}

	private String actor() {
		String username = this.access.currentViewer().username();
		return (username != null) ? username : "system";
	}

	/**
	 * The proposal as plain lines, one fact per line, so the history diff shows what
	 * changed.
	 */
	String snapshot(ProposalView p) {
		Map<Long, String> topics = this.proposals.topics()
			.stream()
			.collect(Collectors.toMap(TopicView::id, TopicView::name));
		Function<Long, String> deputy = (id) -> this.congress.findDeputy(id).map(DeputyView::name).orElse("#" + id);
		Function<Long, String> unit = (id) -> this.units.findUnit(id).map((u) -> u.name()).orElse("#" + id);
		StringBuilder out = new StringBuilder();
		line(out, "会议", this.congress.session(p.sessionId()).name());
		line(out, "编号", "第" + p.number() + "号");
		line(out, "标题", p.title());
		line(out, "领衔代表", deputy.apply(p.leadDeputyId()));
		line(out, "联名代表", p.cosignerIds().stream().sorted().map(deputy).collect(Collectors.joining("、")));
		line(out, "类别", (p.topicCategoryId() != null) ? topics.get(p.topicCategoryId()) : null);
		line(out, "提出日期", p.submittedOn());
		line(out, "重点建议", p.keyProposal() ? "是" : "否");
		line(out, "状态", p.status().name());
		for (ProposalView.AssignmentView a : p.assignments()) {
			line(out, (a.role() == AssignmentRole.LEAD) ? "主办单位" : "协办单位",
					unit.apply(a.unitId()) + " 交办 " + a.assignedOn() + " 期限 " + a.deadline());
		}
		line(out, "正文", p.body());
		return out.toString();
	}

	private static void line(StringBuilder out, String label, Object value) {
		if (value == null || value.toString().isEmpty()) {
			return;
		}
		for (String part : value.toString().replace("\r", "").split("\n")) {
			out.append(label).append("：").append(part).append('\n');
		}
	}

}
