package org.dafu.notify;

/**
 * Who a notice is for: one deputy, one unit (all its officials), the coordinators, or one
 * account by username. Exactly one is set.
 */
public record Recipient(Long deputyId, Long unitId, String role, String username) {

	public static final String COORDINATORS = "COORDINATOR";

	public Recipient {
		int set = ((deputyId != null) ? 1 : 0) + ((unitId != null) ? 1 : 0) + ((role != null) ? 1 : 0)
				+ ((username != null) ? 1 : 0);
		if (set != 1) {
			throw new IllegalArgumentException("a notice has exactly one recipient");
		}
	}

	public static Recipient deputy(long deputyId) {
		return new Recipient(deputyId, null, null, null);
	}

	public static Recipient unit(long unitId) {
		return new Recipient(null, unitId, null, null);
	}

	public static Recipient coordinators() {
		return new Recipient(null, null, COORDINATORS, null);
	}

	public static Recipient user(String username) {
		return new Recipient(null, null, null, username);
	}

}
