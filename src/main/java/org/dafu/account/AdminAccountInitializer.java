package org.dafu.account;

import org.dafu.access.Role;
import org.dafu.history.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Production starts with no accounts and no default passwords. The first coordinator is
 * created from {@code DAFU_ADMIN_USERNAME} and {@code DAFU_ADMIN_PASSWORD} (as
 * {@link PasswordPolicy} says: at least 12 characters, not a common password) when no
 * account of that name exists; an existing account is never changed. A weak password
 * stops the start-up rather than create a guessable account.
 */
@Component
@Order(5)
class AdminAccountInitializer implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminAccountInitializer.class);

	private final Environment environment;

	private final AccountRepository accounts;

	private final PasswordEncoder passwords;

	private final AuditLog audit;

	AdminAccountInitializer(Environment environment, AccountRepository accounts, PasswordEncoder passwords,
			AuditLog audit) {
		this.environment = environment;
		this.accounts = accounts;
		this.passwords = passwords;
		this.audit = audit;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		String username = this.environment.getProperty("dafu.admin.username");
		String password = this.environment.getProperty("dafu.admin.password");
		if (!StringUtils.hasText(username)) {
			if (this.accounts.count() == 0) {
				log.warn("No accounts yet: set DAFU_ADMIN_USERNAME and DAFU_ADMIN_PASSWORD to create the first "
						+ "coordinator (see README)");
			}
			return;
		}
		createIfAbsent(username.strip(), password);
	}

	void createIfAbsent(String username, String password) {
		if (this.accounts.existsByUsername(username)) {
			return;
		}
		if (!AccountService.USERNAME.matcher(username).matches()) {
			throw new IllegalStateException("DAFU_ADMIN_USERNAME: 3–50 letters, digits, '.', '_' or '-'");
		}
		String problem = PasswordPolicy.problem(username, password);
		if (problem != null) {
			throw new IllegalStateException("DAFU_ADMIN_PASSWORD refused (" + problem + "): it must have at least "
					+ PasswordPolicy.MIN_LENGTH + " characters (at most 72 bytes), differ from the username, "
					+ "and be neither a common password nor repeated or consecutive characters");
		}
		this.accounts.save(new Account(username, this.passwords.encode(password), Role.COORDINATOR, null, null));
		this.audit.record("system", "ACCOUNT_CREATED", "account:" + username, "first coordinator from environment",
				null);
		log.info("Created the first coordinator account from the environment");
	}

}
