package org.dafu.account;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AccountRepository extends JpaRepository<Account, Long> {

	Optional<Account> findByUsername(String username);

	boolean existsByUsername(String username);

	List<Account> findAllByOrderByUsernameAsc();

	/** What a signed-in session checks on every request: still enabled, same epoch. */
	@Query("select a.enabled as enabled, a.sessionEpoch as sessionEpoch from Account a where a.id = ?1")
	Optional<SessionState> sessionState(long id);

	interface SessionState {

		boolean getEnabled();

		int getSessionEpoch();

	}

}
