package org.dafu.notify;

/**
 * What a notice reports. Each kind has a message {@code notify.kind.<KIND>} for the
 * in-app list and {@code notify.mail.subject.<KIND>} / {@code notify.mail.body.<KIND>}
 * for mail, with the proposal as argument 0 and a detail as argument 1.
 */
public enum NotificationKind {

	/** 交办: a proposal was assigned to the unit. */
	ASSIGNED,
	/** The deadline is seven days away or less. */
	DUE_SOON,
	/** The deadline has passed without a reply. */
	OVERDUE,
	/** A reply to the deputy's proposal was issued. */
	REPLY_ISSUED,
	/** The reply after re-handling was issued. */
	REHANDLING_ISSUED,
	/** A follow-up of a B/C reply was issued. */
	FOLLOW_UP_ISSUED,
	/** A rating contains 不满意. */
	UNSATISFIED,
	/** 不满意 sent the proposal back for re-handling. */
	REHANDLING_STARTED,
	/**
	 * A coordinator asks the unit for a new measurement of a target (argument 0 the
	 * target, 1 the coordinator).
	 */
	MEASUREMENT_REQUESTED,
	/** A reply matching something the account follows was disclosed. */
	FOLLOWED_DISCLOSED,
	/** 催办: a coordinator reminds the lead unit (argument 1: the deadline and message). */
	REMINDED,
	/**
	 * 待测评: the rating window of a reply to the deputy's proposal closes soon (argument 1:
	 * the last day).
	 */
	RATING_DUE,
	/**
	 * Repeated wrong passwords for the account (argument 0 the username, 1 the number of
	 * failures); at most one per day and account.
	 */
	SIGN_IN_FAILURES,
	/**
	 * A co-unit's opinion (协办意见) was signed: the lead unit is told (argument 1 the
	 * co-unit).
	 */
	OPINION_SIGNED

}
