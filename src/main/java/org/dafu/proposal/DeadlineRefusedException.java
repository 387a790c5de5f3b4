package org.dafu.proposal;

import java.time.LocalDate;

/**
 * A deadline the rules of 交办 and 延期 refuse: before the assignment, not later than the
 * deadline it extends, or beyond the latest possible deadline (six months from the
 * assignment), which it carries as its argument.
 */
public class DeadlineRefusedException extends ProposalRefusedException {

	/** The field of a first deadline (交办). */
	public static final String DEADLINE = "deadline";

	/** The field of an extension's new deadline (延期). */
	public static final String NEW_DEADLINE = "newDeadline";

	DeadlineRefusedException(String field, String messageKey, Object... arguments) {
		super(field, messageKey, arguments);
	}

	static DeadlineRefusedException beforeAssignment(LocalDate assignedOn) {
		return new DeadlineRefusedException(DEADLINE, "coordination.assign.deadline.beforeAssignment", assignedOn);
	}

	static DeadlineRefusedException tooLate(LocalDate latest) {
		return new DeadlineRefusedException(DEADLINE, "coordination.assign.deadline.tooLate", latest);
	}

	static DeadlineRefusedException notLater(LocalDate current) {
		return new DeadlineRefusedException(NEW_DEADLINE, "coordination.extend.notLater", current);
	}

	static DeadlineRefusedException extensionTooLate(LocalDate latest) {
		return new DeadlineRefusedException(NEW_DEADLINE, "coordination.extend.tooLate", latest);
	}

}
