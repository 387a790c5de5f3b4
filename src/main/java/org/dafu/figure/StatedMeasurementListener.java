package org.dafu.figure;

import jakarta.persistence.EntityManager;

import org.dafu.reply.ReplyChanged;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * When a reply is issued (or corrected, which writes its figures anew), the achievements
 * it states become the first measurements of its matching targets, in the same
 * transaction.
 */
@Component
class StatedMeasurementListener {

	private final MeasurementService measurements;

	private final EntityManager entityManager;

	StatedMeasurementListener(MeasurementService measurements, EntityManager entityManager) {
		this.measurements = measurements;
		this.entityManager = entityManager;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(ReplyChanged event) {
		if (event.change() == ReplyChanged.Change.ISSUED || event.change() == ReplyChanged.Change.CORRECTED) {
			// the reply's figures are written by JPA: they reach the database first
			this.entityManager.flush();
			this.measurements.linkStated(event.replyId());
		}
	}

}
