package org.dafu.congress;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dafu.platform.web.NotFoundException;
import org.dafu.platform.web.PageView;
import org.dafu.platform.web.Paging;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
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

	/**
	 * A new session.
	 * @throws CongressRefusedException when another session has the name or the numbering
	 * (人大/政协, level, term, session number), or a part is missing
	 */
	@Transactional
	public SessionView createSession(BodyType bodyType, CongressLevel level, int term, int sessionNumber, int year,
			String name) {
		checkUnique(null, bodyType, level, term, sessionNumber, name);
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

	/** The session with this numbering (人大/政协, level, term, session number), if any. */
	public Optional<SessionView> sessionNumbered(BodyType bodyType, CongressLevel level, int term, int sessionNumber) {
		return this.sessions.findByBodyTypeAndLevelAndTermAndSessionNumber(bodyType, level, term, sessionNumber)
			.map(SessionView::of);
	}

	/**
	 * Changes a session, refused with an optimistic locking failure when it changed since
	 * the editor loaded {@code expectedVersion}, and with a
	 * {@link CongressRefusedException} as {@link #createSession} is.
	 */
	@PreAuthorize("hasRole('COORDINATOR')")
	@Transactional
	public SessionView updateSession(long id, int expectedVersion, BodyType bodyType, CongressLevel level, int term,
			int sessionNumber, int year, String name) {
		CongressSession session = this.sessions.findById(id).orElseThrow(() -> new NotFoundException("session", id));
		if (session.getVersion() != expectedVersion) {
			throw new ObjectOptimisticLockingFailureException(CongressSession.class, id);
		}
		checkUnique(id, bodyType, level, term, sessionNumber, name);
		session.redefine(bodyType, level, term, sessionNumber, year, name);
		this.sessions.flush();
		return SessionView.of(session);
	}

	/**
	 * A session's name and its numbering are each one session's (the schema holds it
	 * too).
	 */
	private void checkUnique(Long id, BodyType bodyType, CongressLevel level, int term, int sessionNumber,
			String name) {
		Map<String, String> taken = new LinkedHashMap<>();
		if (name != null && this.sessions.findByName(name.strip()).filter((s) -> !s.getId().equals(id)).isPresent()) {
			taken.put("name", "coordination.session.duplicateName");
		}
		if (bodyType != null && level != null
				&& this.sessions.findByBodyTypeAndLevelAndTermAndSessionNumber(bodyType, level, term, sessionNumber)
					.filter((s) -> !s.getId().equals(id))
					.isPresent()) {
			taken.put("sessionNumber", "coordination.session.duplicateNumbering");
		}
		if (!taken.isEmpty()) {
			throw new CongressRefusedException(taken);
		}
	}

	public Optional<DeputyView> findDeputy(long id) {
		return this.deputies.findById(id).map(DeputyView::of);
	}

	/** Deputies whose name contains {@code nameContains} (all when blank), by name. */
	public PageView<DeputyView> deputies(String nameContains, Paging paging) {
		String filter = (nameContains != null) ? nameContains.strip() : "";
		Page<Deputy> page = this.deputies.findByNameContainingOrderByNameAscIdAsc(filter,
				PageRequest.of(paging.page() - 1, paging.size()));
		return PageView.of(page.getContent().stream().map(DeputyView::of).toList(), paging, page.getTotalElements());
	}

	/** Changes a deputy's name and delegation, refused when stale (see updateSession). */
	@PreAuthorize("hasRole('COORDINATOR')")
	@Transactional
	public DeputyView updateDeputy(long id, int expectedVersion, String name, String delegation) {
		Deputy deputy = this.deputies.findById(id).orElseThrow(() -> new NotFoundException("deputy", id));
		if (deputy.getVersion() != expectedVersion) {
			throw new ObjectOptimisticLockingFailureException(Deputy.class, id);
		}
		deputy.rename(name, delegation);
		this.deputies.flush();
		return DeputyView.of(deputy);
	}

	/**
	 * A deactivated deputy keeps their proposals but is no longer offered for new ones.
	 */
	@PreAuthorize("hasRole('COORDINATOR')")
	@Transactional
	public void setDeputyActive(long id, boolean active) {
		Deputy deputy = this.deputies.findById(id).orElseThrow(() -> new NotFoundException("deputy", id));
		if (active) {
			deputy.activate();
		}
		else {
			deputy.deactivate();
		}
	}

}
