package org.dafu.congress;

public record DeputyView(Long id, String name, String delegation, boolean active, int version) {

	static DeputyView of(Deputy deputy) {
		return new DeputyView(deputy.getId(), deputy.getName(), deputy.getDelegation(), deputy.isActive(),
				deputy.getVersion());
	}

}
