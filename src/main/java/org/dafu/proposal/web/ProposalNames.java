package org.dafu.proposal.web;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.dafu.congress.CongressService;
import org.dafu.proposal.ProposalService;
import org.dafu.unit.UnitService;

import org.springframework.stereotype.Component;

/**
 * The names a proposal page and its conflict views show for ids: deputies, units, topics.
 */
@Component
class ProposalNames {

	private final CongressService congress;

	private final UnitService units;

	private final ProposalService proposals;

	ProposalNames(CongressService congress, UnitService units, ProposalService proposals) {
		this.congress = congress;
		this.units = units;
		this.proposals = proposals;
	}

	String deputy(Long id) {
		return (id != null) ? this.congress.findDeputy(id).map((d) -> d.name()).orElse(null) : null;
	}

	/** Several deputies, by id, joined with 、. */
	String deputies(Set<Long> ids) {
		return String.join("、", ids.stream().sorted().map(this::deputy).filter((n) -> n != null).toList());
	}

	String unit(Long id) {
		return (id != null) ? this.units.findUnit(id).map((u) -> u.name()).orElse(null) : null;
	}

	Map<Long, String> units() {
		return this.units.units().stream().collect(Collectors.toMap((u) -> u.id(), (u) -> u.name()));
	}

	String topic(Long id) {
		return (id != null) ? this.proposals.topics()
			.stream()
			.filter((t) -> t.id().equals(id))
			.map((t) -> t.name())
			.findFirst()
			.orElse(null) : null;
	}

}
