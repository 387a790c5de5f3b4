package org.dafu.account;

import java.util.Optional;

import org.dafu.access.Role;
import org.dafu.congress.CongressService;
import org.dafu.unit.UnitService;
import org.dafu.unit.UnitView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo mode only ({@code dafu.demo.enabled=true}, set by the embedded mode): four
 * accounts (the official signs, the drafter only drafts) with the published password
 * {@value #PASSWORD}, made when absent. The demo letters (loaded later) reuse the same
 * unit and deputy.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "dafu.demo.enabled", havingValue = "true")
class DemoAccounts implements ApplicationRunner {

	static final String PASSWORD = "demo12345";

	static final String UNIT_NAME = "衢州市人民政府办公室";

	static final String UNIT_CODE = "11330800002618015K";

	/**
	 * The demo deputy is fictitious: a co-signer of the real sample's proposal (第4号,
	 * which 朱伟正等代表 submitted), so it reads that reply, and the lead of a fictitious
	 * proposal with a reply to rate (demo/DemoProposals). Real deputies are never
	 * attached to fictitious proposals.
	 */
	static final String DEPUTY_NAME = "示例联名代表一";

	/**
	 * The sample's real lead deputy, whom earlier demo databases linked the account to.
	 */
	static final String SAMPLE_DEPUTY_NAME = "朱伟正";

	private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

	private final AccountRepository accounts;

	private final PasswordEncoder passwords;

	private final UnitService units;

	private final CongressService congress;

	DemoAccounts(AccountRepository accounts, PasswordEncoder passwords, UnitService units, CongressService congress) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.units = units;
		this.congress = congress;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		UnitView unit = this.units.unitNamed(UNIT_NAME)
			.or(() -> this.units.unitWithCode(UNIT_CODE))
			.orElseGet(() -> this.units.create(UNIT_NAME, UNIT_CODE));
		long deputy = this.congress.deputyNamedOrCreate(DEPUTY_NAME, null).id();
		create("coordinator", Role.COORDINATOR, null, null);
		create("official", Role.OFFICIAL, unit.id(), null);
		create("deputy", Role.DEPUTY, null, deputy).ifPresentOrElse((created) -> {
		}, () -> relinkFromTheRealDeputy(deputy));
		create("drafter", Role.OFFICIAL, unit.id(), null).ifPresent((drafter) -> drafter.changeSigning(false));
	}

	/**
	 * A demo database made before the demo deputy was fictitious linked the account to
	 * the sample's real lead deputy: it moves to the fictitious one (once; a no-op
	 * after).
	 */
	private void relinkFromTheRealDeputy(long deputy) {
		this.accounts.findByUsername("deputy")
			.filter((account) -> account.getRole() == Role.DEPUTY
					&& !Long.valueOf(deputy).equals(account.getDeputyId()))
			.filter((account) -> this.congress.deputy(account.getDeputyId()).name().equals(SAMPLE_DEPUTY_NAME))
			.ifPresent((account) -> {
				account.linkDeputy(deputy);
				log.warn("Demo account 'deputy' now acts as the fictitious deputy {}", DEPUTY_NAME);
			});
	}

	private Optional<Account> create(String username, Role role, Long unitId, Long deputyId) {
		if (!this.accounts.existsByUsername(username)) {
			Account account = new Account(username, this.passwords.encode(PASSWORD), role, unitId, deputyId);
			// example.org never receives mail; in demo mode mail goes to the outbox
			// anyway.
			account.changeEmail(username + "@demo.example.org");
			this.accounts.save(account);
			log.warn("Demo account '{}' created with the published demo password: demo mode only", username);
			return Optional.of(account);
		}
		return Optional.empty();
	}

}
