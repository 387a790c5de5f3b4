package org.dafu.congress;

import java.util.List;
import java.util.Optional;

import org.dafu.platform.web.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sessions and deputies: the congress side of the portal. */
@Service
@Transactional(readOnly = true)
public class CongressService {

	private final CongressSessionRepository sessions;

	private final DeputyRepository deputies;

	CongressService(CongressSessionRepository sessions, DeputyRepository deputies) {
		this.sessions = sessions;
		this.deputies = deputies;
	}

	public List<SessionView> sessions() {
		return this.sessions.findAllByOrderByYearDescIdDesc().stream().map(SessionView::of).toList();
	}

	public SessionView session(long id) {
		return this.sessions.findById(id).map(SessionView::of).orElseThrow(() -> new NotFoundException("session", id));
	}

	public Optional<SessionView> sessionNamed(String name) {
		return this.sessions.findByName(name).map(SessionView::of);
	}

	@Transactional
	public SessionView createSession(BodyType bodyType, CongressLevel level, int term, int sessionNumber, int year,
			String name) {
		return SessionView
			.of(this.sessions.save(new CongressSession(bodyType, level, term, sessionNumber, year, name)));
	}

	/**
	 * The session with this display name, created from the name when it is new (imports).
	 */
	@Transactional
	public SessionView sessionNamedOrCreate(String name, int year) {
		return this.sessions.findByName(name)
			.map(SessionView::of)
			.orElseGet(() -> SessionView.of(this.sessions.save(SessionNames.parse(name, year))));
	}

	@Transactional
	public void setEvaluationClosed(long sessionId, boolean closed) {
		CongressSession session = this.sessions.findById(sessionId)
			.orElseThrow(() -> new NotFoundException("session", sessionId));
		if (closed) {
			session.closeEvaluation();
		}
		else {
			session.reopenEvaluation();
		}
	}

	public List<DeputyView> deputies() {
		return this.deputies.findAllByOrderByNameAsc().stream().map(DeputyView::of).toList();
	}

	public DeputyView deputy(long id) {
		return this.deputies.findById(id).map(DeputyView::of).orElseThrow(() -> new NotFoundException("deputy", id));
	}

	public Optional<DeputyView> deputyNamed(String name) {
		return this.deputies.findFirstByName(name).map(DeputyView::of);
	}

	@Transactional
	public DeputyView createDeputy(String name, String delegation) {
		return DeputyView.of(this.deputies.save(new Deputy(name, delegation)));
	}

	@Transactional
	public DeputyView deputyNamedOrCreate(String name, String delegation) {
		return this.deputies.findFirstByName(name)
			.map(DeputyView::of)
			.orElseGet(() -> DeputyView.of(this.deputies.save(new Deputy(name, delegation))));
	}

}
