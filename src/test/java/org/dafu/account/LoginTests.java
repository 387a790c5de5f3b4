package org.dafu.account;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.dafu.access.Role;
import org.dafu.access.Viewer;
import org.dafu.history.AuditLog;
import org.dafu.notify.Notifier;
import org.dafu.testing.AsViewer;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
class LoginTests {

	static final String PASSWORD = "a good long passphrase";

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Notifier notifier;

	/** Each test signs in from its own address, so address throttling stays its own. */
	static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	static String address() {
		int n = TestData.unique();
		return "10." + (n / 65536 % 256) + "." + (n / 256 % 256) + "." + (n % 256);
	}

	AccountView account(Role role) {
		Scenario s = this.data.scenario();
		String name = role.name().toLowerCase() + TestData.unique();
		return AsViewer.call(Viewer.coordinator("boss"), () -> this.accounts.create(name, PASSWORD, role,
				(role == Role.OFFICIAL) ? s.unitId() : null, (role == Role.DEPUTY) ? s.leadDeputyId() : null));
	}

	MvcResult login(String username, String password, String address, MockHttpSession session) throws Exception {
		var request = post("/login").param("username", username)
			.param("password", password)
			.with(csrf())
			.with(from(address));
		if (session != null) {
			request.session(session);
		}
		return this.mvc.perform(request).andReturn();
	}

	@Test
	void signingInChangesTheSessionIdAndLandsAnOfficialOnTheUnitInbox() throws Exception {
		AccountView official = account(Role.OFFICIAL);
		MockHttpSession session = (MockHttpSession) this.mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andReturn()
			.getRequest()
			.getSession();
		String before = session.getId();
		MvcResult result = login(official.username(), PASSWORD, address(), session);
		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/workspace/unit");
		assertThat(session.getId()).isNotEqualTo(before);
		this.mvc.perform(get("/account").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(official.username())))
			.andExpect(content().string(containsString(official.unitName())));
	}

	@Test
	void unknownUserAndWrongPasswordLookTheSame() throws Exception {
		AccountView official = account(Role.OFFICIAL);
		MvcResult wrong = login(official.username(), "wrong password!!", address(), null);
		MvcResult unknown = login("nobody" + TestData.unique(), "wrong password!!", address(), null);
		assertThat(wrong.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
		assertThat(unknown.getResponse().getRedirectedUrl()).isEqualTo(wrong.getResponse().getRedirectedUrl());
		this.mvc.perform(get("/login?error")).andExpect(content().string(containsString("用户名或密码不正确")));
	}

	String signIn(String username, String password, String address) throws Exception {
		return login(username, password, address, null).getResponse().getRedirectedUrl();
	}

	@Test
	void wrongPasswordsFromOtherAddressesNeverStopTheOwnerSigningInFromTheirs() throws Exception {
		AccountView official = account(Role.OFFICIAL);
		// Thirty-six wrong passwords from six addresses: each of those pairs is
		// blocked...
		for (int a = 0; a < 6; a++) {
			String attacker = address();
			for (int i = 0; i < 6; i++) {
				assertThat(signIn(official.username(), "wrong password " + i, attacker)).isEqualTo("/login?error");
			}
			// ...even for the right password, from that address,
			assertThat(signIn(official.username(), PASSWORD, attacker)).isEqualTo("/login?error");
		}
		// ...but the owner signs in from their own address.
		assertThat(signIn(official.username(), PASSWORD, address())).isEqualTo("/workspace/unit");
	}

	@Test
	void failuresOfOnePairBlockThatPairOnlyProgressivelyAndASignInForgivesIt() throws Exception {
		AccountView official = account(Role.OFFICIAL);
		String home = address();
		for (int i = 0; i < 5; i++) {
			assertThat(signIn(official.username(), "mistyped " + i, home)).isEqualTo("/login?error");
		}
		assertThat(blockedUntil(official.username(), home)).isNull();
		assertThat(signIn(official.username(), "mistyped again", home)).isEqualTo("/login?error");
		Instant first = blockedUntil(official.username(), home);
		assertThat(first).isNotNull();
		// Blocked: the right password from that address is answered like a wrong one.
		assertThat(signIn(official.username(), PASSWORD, home)).isEqualTo("/login?error");
		assertThat(signIn(official.username(), "and again", home)).isEqualTo("/login?error");
		// Each further failure doubles the wait.
		assertThat(blockedUntil(official.username(), home)).isAfter(first);
		// The same account from elsewhere is not blocked.
		assertThat(signIn(official.username(), PASSWORD, address())).isEqualTo("/workspace/unit");
		// When the wait is over (moved to the past here), the right password works and
		// forgives the pair.
		this.jdbc.sql("update login_throttle set blocked_until = now() - interval '1 second' where throttle_key = :k")
			.param("k", pairKey(official.username(), home))
			.update();
		assertThat(signIn(official.username(), PASSWORD, home)).isEqualTo("/workspace/unit");
		assertThat(this.jdbc.sql("select count(*) from login_throttle where throttle_key = :k")
			.param("k", pairKey(official.username(), home))
			.query(Long.class)
			.single()).isZero();
	}

	static String pairKey(String username, String address) {
		return "pair:" + username.toLowerCase(Locale.ROOT) + "|" + address;
	}

	Instant blockedUntil(String username, String address) {
		return this.jdbc.sql("select blocked_until from login_throttle where throttle_key = :k")
			.param("k", pairKey(username, address))
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant)
			.orElse(null);
	}

	@Test
	void oneAddressGuessingManyUsernamesIsRefusedForEveryAccount() throws Exception {
		AccountView deputy = account(Role.DEPUTY);
		AccountView official = account(Role.OFFICIAL);
		String guesser = address();
		for (int i = 0; i < 21; i++) {
			signIn("guess" + TestData.unique(), "wrong password", guesser);
		}
		assertThat(signIn(deputy.username(), PASSWORD, guesser)).isEqualTo("/login?error");
		assertThat(signIn(official.username(), PASSWORD, guesser)).isEqualTo("/login?error");
		assertThat(signIn(deputy.username(), PASSWORD, address())).isEqualTo("/my");
	}

	@Test
	void theThrottleIsSharedByEveryInstanceThroughTheDatabase() throws Exception {
		AccountView official = account(Role.OFFICIAL);
		String attacker = address();
		for (int i = 0; i < 6; i++) {
			signIn(official.username(), "wrong " + i, attacker);
		}
		// Another instance of the application: its own throttle, the same database.
		LoginThrottle otherInstance = new LoginThrottle(this.jdbc, this.notifier, 5, 20, Duration.ofSeconds(30),
				Duration.ofHours(1), Duration.ofHours(1), 5, Duration.ofHours(24));
		assertThat(otherInstance.blocked(official.username(), attacker)).isTrue();
		assertThat(otherInstance.blocked(official.username(), address())).isFalse();
	}

	@Test
	void theOwnerIsToldOfRepeatedFailuresAtMostOnceADay() throws Exception {
		AccountView deputy = account(Role.DEPUTY);
		for (int i = 0; i < 12; i++) {
			signIn(deputy.username(), "wrong " + i, address());
		}
		assertThat(this.jdbc
			.sql("select count(*) from notification where recipient_username = :u and kind = 'SIGN_IN_FAILURES'")
			.param("u", deputy.username())
			.query(Long.class)
			.single()).isEqualTo(1);
		MockHttpSession session = (MockHttpSession) login(deputy.username(), PASSWORD, address(), null).getRequest()
			.getSession(false);
		this.mvc.perform(get("/notifications").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("您的账户 " + deputy.username() + " 近期有 5 次密码错误的登录尝试")));
		// Unknown usernames are nobody's to tell.
		String nobody = "nobody" + TestData.unique();
		for (int i = 0; i < 6; i++) {
			signIn(nobody, "wrong " + i, address());
		}
		assertThat(this.jdbc.sql("select count(*) from notification where lower(recipient_username) = :u")
			.param("u", nobody)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aBlockedAttemptWithTheRightPasswordIsAuditedAsThrottled() throws Exception {
		AccountView official = account(Role.OFFICIAL);
		String attacker = address();
		for (int i = 0; i < 6; i++) {
			signIn(official.username(), "wrong " + i, attacker);
		}
		assertThat(signIn(official.username(), PASSWORD, attacker)).isEqualTo("/login?error");
		assertThat(this.jdbc
			.sql("select action from audit_log where actor = :a and remote_addr = :r order by id desc limit 1")
			.param("a", official.username())
			.param("r", attacker)
			.query(String.class)
			.single()).isEqualTo("LOGIN_THROTTLED");
	}

	@Test
	void theCurrentPasswordCheckIsThrottledLikeASignIn() throws Exception {
		AccountView deputy = account(Role.DEPUTY);
		String attacker = address();
		MockHttpSession session = (MockHttpSession) login(deputy.username(), PASSWORD, attacker, null).getRequest()
			.getSession(false);
		for (int i = 0; i < 8; i++) {
			changePassword(session, attacker, "not the password " + i).andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("当前密码不正确")));
		}
		// The ninth try has the right password: still refused, the same way.
		changePassword(session, attacker, PASSWORD).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("当前密码不正确")));
		assertThat(signIn(deputy.username(), "a brand new passphrase", address())).isEqualTo("/login?error");
		// From the owner's own address the change goes through.
		MockHttpSession own = (MockHttpSession) login(deputy.username(), PASSWORD, address(), null).getRequest()
			.getSession(false);
		changePassword(own, address(), PASSWORD).andExpect(redirectedUrl("/account"));
	}

	ResultActions changePassword(MockHttpSession session, String address, String current) throws Exception {
		return this.mvc.perform(post("/account/password").session(session)
			.with(csrf())
			.with(from(address))
			.param("currentPassword", current)
			.param("newPassword", "a brand new passphrase")
			.param("confirmPassword", "a brand new passphrase"));
	}

	@Test
	void disablingAnAccountEndsItsSessions() throws Exception {
		AccountView official = account(Role.OFFICIAL);
		MockHttpSession session = (MockHttpSession) login(official.username(), PASSWORD, address(), null).getRequest()
			.getSession(false);
		this.mvc.perform(get("/account").session(session)).andExpect(status().isOk());
		AsViewer.run(Viewer.coordinator("boss"), () -> this.accounts.disable(official.id()));
		this.mvc.perform(get("/account").session(session))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
		assertThat(login(official.username(), PASSWORD, address(), null).getResponse().getRedirectedUrl())
			.isEqualTo("/login?error");
		AsViewer.run(Viewer.coordinator("boss"), () -> this.accounts.enable(official.id()));
		assertThat(login(official.username(), PASSWORD, address(), null).getResponse().getRedirectedUrl())
			.isEqualTo("/workspace/unit");
	}

	@Test
	void changingOnesPasswordNeedsTheCurrentOneAndKeepsThisSession() throws Exception {
		AccountView deputy = account(Role.DEPUTY);
		MockHttpSession session = (MockHttpSession) login(deputy.username(), PASSWORD, address(), null).getRequest()
			.getSession(false);
		MockHttpSession other = (MockHttpSession) login(deputy.username(), PASSWORD, address(), null).getRequest()
			.getSession(false);
		this.mvc
			.perform(post("/account/password").session(session)
				.with(csrf())
				.param("currentPassword", "not the password")
				.param("newPassword", "a brand new passphrase")
				.param("confirmPassword", "a brand new passphrase"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("当前密码不正确")));
		this.mvc
			.perform(post("/account/password").session(session)
				.with(csrf())
				.param("currentPassword", PASSWORD)
				.param("newPassword", "a brand new passphrase")
				.param("confirmPassword", "a brand new passphrase"))
			.andExpect(redirectedUrl("/account"));
		this.mvc.perform(get("/account").session(session)).andExpect(status().isOk());
		this.mvc.perform(get("/account").session(other)).andExpect(redirectedUrl("/login"));
		assertThat(login(deputy.username(), "a brand new passphrase", address(), null).getResponse().getRedirectedUrl())
			.isEqualTo("/my");
	}

	@Test
	void postsWithoutCsrfTokenAreRefused() throws Exception {
		AccountView official = account(Role.OFFICIAL);
		this.mvc.perform(post("/login").param("username", official.username()).param("password", PASSWORD))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/account/password").with(AsViewer.as(Viewer.official(official.username(), 1L)))
				.param("currentPassword", PASSWORD)
				.param("newPassword", "x")
				.param("confirmPassword", "x"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/workspace/coordinator/accounts").with(AsViewer.as(Viewer.coordinator("boss")))
				.param("username", "nocsrf" + TestData.unique())
				.param("password", PASSWORD)
				.param("role", "COORDINATOR"))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/logout")).andExpect(status().isForbidden());
	}

	@Test
	void theLoginPageCarriesTheSecurityHeaders() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
			.andExpect(header().string("Content-Security-Policy", not(containsString("unsafe-inline"))))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"))
			.andExpect(content().string(containsString("name=\"_csrf\"")));
		this.mvc.perform(get("/login").secure(true))
			.andExpect(header().string("Strict-Transport-Security", containsString("max-age=31536000")));
		this.mvc.perform(get("/login").param("lang", "en")).andExpect(content().string(containsString("Sign in")));
	}

	@Test
	void theApiIsStatelessBasicForStaffWritesAndOpenForReads() throws Exception {
		AccountView coordinator = account(Role.COORDINATOR);
		AccountView deputy = account(Role.DEPUTY);
		this.mvc.perform(get("/api/v1/no-such-thing"))
			.andExpect((r) -> assertThat(r.getResponse().getStatus()).isNotIn(401, 403));
		// 401 without a Basic challenge: no browser prompts for (and saves) a password.
		this.mvc.perform(post("/api/v1/no-such-thing").header(ApiCrossSiteFilter.CLIENT_HEADER, "test"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", "DafuBasic realm=\"dafu\""));
		// No CSRF token on the stateless chain: the credentials travel with each request.
		this.mvc
			.perform(post("/api/v1/no-such-thing").header(ApiCrossSiteFilter.CLIENT_HEADER, "test")
				.with(httpBasic(coordinator.username(), PASSWORD))
				.with(from(address())))
			.andExpect((r) -> assertThat(r.getResponse().getStatus()).isNotIn(401, 403))
			.andExpect((r) -> assertThat(r.getResponse().getHeader("Set-Cookie")).isNull());
		this.mvc
			.perform(post("/api/v1/no-such-thing").header(ApiCrossSiteFilter.CLIENT_HEADER, "test")
				.with(httpBasic(deputy.username(), PASSWORD))
				.with(from(address())))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/other")).andExpect(status().isUnauthorized());
	}

	@Test
	void signInsAndDenialsAreAuditedWithoutPasswordsOrForgedLines(CapturedOutput output) throws Exception {
		AccountView deputy = account(Role.DEPUTY);
		String forged = "evil" + TestData.unique() + "\nFORGED action=LOGIN_SUCCESS";
		login(forged, "secret-typed-password", address(), null);
		login(deputy.username(), PASSWORD, address(), null);
		this.mvc
			.perform(get("/workspace/coordinator/accounts")
				.with(AsViewer.as(Viewer.deputy(deputy.username(), deputy.deputyId()))))
			.andExpect(status().isForbidden());
		assertThat(this.jdbc.sql("select action from audit_log where actor = :a order by id")
			.param("a", deputy.username())
			.query(String.class)
			.list()).contains("LOGIN_SUCCESS", "ACCESS_DENIED");
		assertThat(this.jdbc.sql("select count(*) from audit_log where actor like :a and action = 'LOGIN_FAILURE'")
			.param("a", forged.substring(0, 10) + "%\\nFORGED%")
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from audit_log where actor like '%' || chr(10) || '%'")
			.query(Long.class)
			.single()).isZero();
		assertThat(output.getAll()).contains(AuditLog.CATEGORY)
			.contains("\\nFORGED")
			.doesNotContain("\nFORGED")
			.doesNotContain("secret-typed-password")
			.doesNotContain(PASSWORD);
	}

}
