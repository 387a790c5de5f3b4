package org.dafu.account;

import java.util.List;
import java.util.regex.Pattern;

import org.dafu.access.AccessPolicy;
import org.dafu.access.Role;
import org.dafu.access.Viewer;
import org.dafu.congress.CongressService;
import org.dafu.history.AuditLog;
import org.dafu.platform.web.NotFoundException;
import org.dafu.unit.UnitService;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts: coordinators create, disable, re-enable them and reset passwords; everyone
 * signed in sees their own account and changes their own password. The role checks sit
 * here (method security), not only on the URLs.
 */
@Service
@Transactional(readOnly = true)
public class AccountService {

	static final Pattern USERNAME = Pattern.compile("^[A-Za-z0-9._-]{3,50}$");

	/**
	 * As the database's check: a plain local part, a dotted domain, 254 characters at
	 * most (no quoted or internationalised forms).
	 */
	static final Pattern EMAIL = Pattern.compile("^(?=.{3,254}$)[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$");

	private final AccountRepository accounts;

	private final PasswordEncoder passwords;

	private final UnitService units;

	private final CongressService congress;

	private final AccessPolicy access;

	private final AuditLog audit;

	private final LoginThrottle throttle;

	AccountService(AccountRepository accounts, PasswordEncoder passwords, UnitService units, CongressService congress,
			AccessPolicy access, AuditLog audit, LoginThrottle throttle) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.units = units;
		this.congress = congress;
		this.access = access;
		this.audit = audit;
		this.throttle = throttle;
	}

	@PreAuthorize("hasRole('COORDINATOR')")
	public List<AccountView> accounts() {
		return this.accounts.findAllByOrderByUsernameAsc().stream().map(this::view).toList();
	}

	@PreAuthorize("hasRole('COORDINATOR')")
	public AccountView account(long id) {
		return view(find(id));
	}

	@PreAuthorize("hasRole('COORDINATOR')")
	@Transactional
	public AccountView create(String username, String password, Role role, Long unitId, Long deputyId) {
		return create(username, password, role, unitId, deputyId, null);
	}

	/**
	 * As {@link #create(String, String, Role, Long, Long)}; an official signs (签发人) or
	 * only drafts (经办人) as {@code signer} says (null: signs, as before).
	 */
	@PreAuthorize("hasRole('COORDINATOR')")
	@Transactional
	public AccountView create(String username, String password, Role role, Long unitId, Long deputyId, Boolean signer) {
		String name = (username != null) ? username.strip() : "";
		if (!USERNAME.matcher(name).matches()) {
			throw new AccountProblem("account.error.username");
		}
		if (this.accounts.existsByUsername(name)) {
			throw new AccountProblem("account.error.username-taken");
		}
		if (role == null || role == Role.PUBLIC) {
			throw new AccountProblem("account.error.role");
		}
		if (role == Role.OFFICIAL) {
			if (unitId == null) {
				throw new AccountProblem("account.error.unit");
			}
			this.units.unit(unitId);
		}
		if (role == Role.DEPUTY) {
			if (deputyId == null) {
				throw new AccountProblem("account.error.deputy");
			}
			this.congress.deputy(deputyId);
		}
		PasswordPolicy.check(name, password);
		Account created = new Account(name, this.passwords.encode(password), role, unitId, deputyId);
		if (role == Role.OFFICIAL && signer != null) {
			created.changeSigning(signer);
		}
		Account account = this.accounts.save(created);
		this.audit.record(actor(), "ACCOUNT_CREATED", "account:" + name, "role=" + role, null);
		return view(account);
	}

	/**
	 * Makes an official a 签发人 (approves and issues the unit's replies, and drafts) or a
	 * 经办人 (drafts and submits only). The account's sessions end at their next request, so
	 * that the new role holds at once. Only officials sign.
	 */
	@PreAuthorize("hasRole('COORDINATOR')")
	@Transactional
	public void changeSigning(long id, boolean signs) {
		Account account = find(id);
		if (account.getRole() != Role.OFFICIAL) {
			throw new AccountProblem("account.error.signing-not-official");
		}
		if (account.isSigner() == signs) {
			return;
		}
		account.changeSigning(signs);
		this.audit.record(actor(), "SIGNING_CHANGED", "account:" + account.getUsername(), "signer=" + signs, null);
	}

	/** Refuses new sign-ins and ends the account's sessions at their next request. */
	@PreAuthorize("hasRole('COORDINATOR')")
	@Transactional
	public void disable(long id) {
		Account account = find(id);
		if (account.getUsername().equals(this.access.currentViewer().username())) {
			throw new AccountProblem("account.error.disable-self");
		}
		account.disable();
		this.audit.record(actor(), "ACCOUNT_DISABLED", "account:" + account.getUsername(), null, null);
	}

	@PreAuthorize("hasRole('COORDINATOR')")
	@Transactional
	public void enable(long id) {
		Account account = find(id);
		account.enable();
		this.audit.record(actor(), "ACCOUNT_ENABLED", "account:" + account.getUsername(), null, null);
	}

	@PreAuthorize("hasRole('COORDINATOR')")
	@Transactional
	public void resetPassword(long id, String newPassword) {
		Account account = find(id);
		PasswordPolicy.check(account.getUsername(), newPassword);
		account.changePassword(this.passwords.encode(newPassword));
		this.audit.record(actor(), "PASSWORD_RESET", "account:" + account.getUsername(), null, null);
	}

	/** Sets where a coordinator's account of someone is mailed; blank removes it. */
	@PreAuthorize("hasRole('COORDINATOR')")
	@Transactional
	public void changeEmail(long id, String address) {
		Account account = find(id);
		account.changeEmail(checkedEmail(address));
		this.audit.record(actor(), "EMAIL_CHANGED", "account:" + account.getUsername(), null, null);
	}

	/** Sets where one's own notices are mailed; blank removes it. */
	@PreAuthorize("isAuthenticated()")
	@Transactional
	public void changeOwnEmail(String address) {
		Account account = current();
		account.changeEmail(checkedEmail(address));
		this.audit.record(account.getUsername(), "EMAIL_CHANGED", "account:" + account.getUsername(), null, null);
	}

	private static String checkedEmail(String address) {
		if (address == null || address.isBlank()) {
			return null;
		}
		String value = address.strip();
		if (!EMAIL.matcher(value).matches()) {
			throw new AccountProblem("account.error.email");
		}
		return value;
	}

	/** The signed-in person's own account. */
	@PreAuthorize("isAuthenticated()")
	public AccountView me() {
		return view(current());
	}

	/**
	 * Changes one's own password after checking the current one. Other sessions of the
	 * account end; the caller keeps this one by signing the new epoch in.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(noRollbackFor = AccountProblem.class)
	public void changeOwnPassword(String currentPassword, String newPassword, String clientAddress) {
		Account account = current();
		String username = account.getUsername();
		// Throttled like a sign-in (a stolen session must not guess the password): the
		// hash comparison always runs, and a blocked attempt answers like a wrong one.
		boolean blocked = this.throttle.blocked(username, clientAddress);
		boolean matches = this.passwords.matches((currentPassword != null) ? currentPassword : "",
				account.getPasswordHash());
		if (!matches || blocked) {
			if (!matches) {
				this.throttle.failed(username, clientAddress);
			}
			this.audit.record(username, blocked ? "PASSWORD_CHANGE_THROTTLED" : "PASSWORD_CHANGE_REFUSED",
					"account:" + username, null, clientAddress);
			throw new AccountProblem("account.error.current-password");
		}
		this.throttle.succeeded(username, clientAddress);
		PasswordPolicy.check(account.getUsername(), newPassword);
		account.changePassword(this.passwords.encode(newPassword));
		this.audit.record(account.getUsername(), "PASSWORD_CHANGED", "account:" + account.getUsername(), null, null);
	}

	/** The principal of a freshly loaded account (to re-sign a session in). */
	public AccountUser principal(String username) {
		return this.accounts.findByUsername(username)
			.map(AccountUser::new)
			.orElseThrow(() -> new NotFoundException("account", username));
	}

	private Account current() {
		Viewer viewer = this.access.currentViewer();
		if (viewer.username() == null) {
			throw new NotFoundException("account", "anonymous");
		}
		return this.accounts.findByUsername(viewer.username())
			.orElseThrow(() -> new NotFoundException("account", viewer.username()));
	}

	private Account find(long id) {
		return this.accounts.findById(id).orElseThrow(() -> new NotFoundException("account", id));
	}

	private String actor() {
		String username = this.access.currentViewer().username();
		return (username != null) ? username : "system";
	}

	private AccountView view(Account a) {
		String unitName = (a.getUnitId() != null) ? this.units.unit(a.getUnitId()).name() : null;
		String deputyName = (a.getDeputyId() != null) ? this.congress.deputy(a.getDeputyId()).name() : null;
		return new AccountView(a.getId(), a.getUsername(), a.getRole(), a.getUnitId(), unitName, a.getDeputyId(),
				deputyName, a.isEnabled(), a.getCreatedAt(), a.getEmail(), a.isSigner());
	}

}
