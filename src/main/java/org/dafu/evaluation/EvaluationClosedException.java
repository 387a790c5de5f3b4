package org.dafu.evaluation;

/** The coordinator has closed the session's evaluation: ratings no longer change. */
public class EvaluationClosedException extends RuntimeException {

	public EvaluationClosedException(long sessionId) {
		super("evaluation closed for session " + sessionId);
	}

}
