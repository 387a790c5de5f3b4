package org.dafu.account;

import java.util.List;

import org.dafu.notify.RecipientDirectory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where notices are mailed: the e-mail addresses of enabled accounts. A deputy is mailed
 * at their deputy accounts, a unit at its officials' accounts, the coordinators at every
 * coordinator account. Accounts without an address are told in the portal only.
 */
@Component
class AccountRecipientDirectory implements RecipientDirectory {

	private static final String ENABLED_WITH_EMAIL = "select email from account where enabled and email is not null and ";

	private final JdbcTemplate jdbc;

	AccountRecipientDirectory(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<String> ofDeputy(long deputyId) {
		return this.jdbc.queryForList(ENABLED_WITH_EMAIL + "role = 'DEPUTY' and deputy_id = ? order by id",
				String.class, deputyId);
	}

	@Override
	public List<String> ofUnit(long unitId) {
		return this.jdbc.queryForList(ENABLED_WITH_EMAIL + "role = 'OFFICIAL' and unit_id = ? order by id",
				String.class, unitId);
	}

	@Override
	public List<String> ofCoordinators() {
		return this.jdbc.queryForList(ENABLED_WITH_EMAIL + "role = 'COORDINATOR' order by id", String.class);
	}

	@Override
	public List<String> ofUser(String username) {
		return this.jdbc.queryForList(ENABLED_WITH_EMAIL + "username = ?", String.class, username);
	}

}
