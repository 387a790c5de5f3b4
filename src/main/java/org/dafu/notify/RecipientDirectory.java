package org.dafu.notify;

import java.util.List;

/**
 * Where to mail a recipient. Notices are addressed to deputies, units, the coordinators
 * and accounts; the account feature knows their e-mail addresses and can provide a bean
 * of this type. Without one, nobody gets mail (the in-app notices still appear).
 */
public interface RecipientDirectory {

	/** The directory that knows no addresses. */
	RecipientDirectory NONE = new RecipientDirectory() {
	};

	default List<String> ofDeputy(long deputyId) {
		return List.of();
	}

	/** Addresses of the unit's officials. */
	default List<String> ofUnit(long unitId) {
		return List.of();
	}

	default List<String> ofCoordinators() {
		return List.of();
	}

	default List<String> ofUser(String username) {
		return List.of();
	}

	default List<String> of(Recipient recipient) {
		if (recipient.deputyId() != null) {
			return ofDeputy(recipient.deputyId());
		}
		if (recipient.unitId() != null) {
			return ofUnit(recipient.unitId());
		}
		if (recipient.role() != null) {
			return ofCoordinators();
		}
		return ofUser(recipient.username());
	}

}
