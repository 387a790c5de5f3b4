package org.dafu.proposal.web;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * 交办: the lead unit, co-units, the assignment date and the deadline (blank: three months
 * from the assignment date).
 */
record AssignForm(@NotNull Long leadUnitId, @Size(max = 50) List<Long> coUnitIds,
		@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate assignedOn,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline, Integer version) {

	List<Long> coUnits() {
		return (this.coUnitIds != null) ? this.coUnitIds.stream().distinct().toList() : List.of();
	}

	public boolean hasCoUnit(Long id) {
		return this.coUnitIds != null && this.coUnitIds.contains(id);
	}

}
