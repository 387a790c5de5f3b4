package org.dafu.proposal.web;

import org.dafu.platform.web.forms.Texts;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.dafu.proposal.ProposalService.RegisterProposalCommand;
import org.dafu.proposal.ProposalService.ReviseProposalCommand;
import org.dafu.proposal.ProposalView;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A proposal as a coordinator registers or revises it. The session and number are fixed
 * once registered (a revision ignores them); no status or assignment can be posted.
 */
record ProposalForm(@NotNull Long sessionId, @NotNull @Min(1) @Max(1_000_000) Integer number,
		@NotBlank @Size(max = 300) @Pattern(regexp = Texts.LINE) String title,
		@Size(max = 20_000) @Pattern(regexp = Texts.LINES) String body, @NotNull Long leadDeputyId,
		@Size(max = 200) List<Long> cosignerIds, Long topicCategoryId,
		@PastOrPresent @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate submittedOn, Boolean keyProposal,
		Integer version) {

	static ProposalForm empty(Long sessionId, Integer number) {
		return new ProposalForm(sessionId, number, null, null, null, List.of(), null, null, false, null);
	}

	static ProposalForm of(ProposalView p) {
		return new ProposalForm(p.sessionId(), p.number(), p.title(), p.body(), p.leadDeputyId(),
				List.copyOf(p.cosignerIds()), p.topicCategoryId(), p.submittedOn(), p.keyProposal(), p.version());
	}

	Set<Long> cosigners() {
		return (this.cosignerIds != null) ? new LinkedHashSet<>(this.cosignerIds) : Set.of();
	}

	public boolean isKey() {
		return Boolean.TRUE.equals(this.keyProposal);
	}

	public boolean hasCosigner(Long id) {
		return this.cosignerIds != null && this.cosignerIds.contains(id);
	}

	RegisterProposalCommand toRegister() {
		return new RegisterProposalCommand(this.sessionId, this.number, this.title.strip(), Texts.clean(this.body),
				this.leadDeputyId, cosigners(), this.topicCategoryId, this.submittedOn, isKey());
	}

	ReviseProposalCommand toRevise() {
		return new ReviseProposalCommand(this.title.strip(), Texts.clean(this.body), this.leadDeputyId, cosigners(),
				this.topicCategoryId, this.submittedOn, isKey());
	}

}
