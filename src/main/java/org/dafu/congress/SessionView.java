package org.dafu.congress;

public record SessionView(Long id, String name, BodyType bodyType, CongressLevel level, int term, int sessionNumber,
		int year, boolean evaluationClosed, int version) {

	static SessionView of(CongressSession session) {
		return new SessionView(session.getId(), session.getName(), session.getBodyType(), session.getLevel(),
				session.getTerm(), session.getSessionNumber(), session.getYear(), session.isEvaluationClosed(),
				session.getVersion());
	}

}
