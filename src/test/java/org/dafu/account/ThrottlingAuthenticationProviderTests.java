package org.dafu.account;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.dafu.access.Role;
import org.dafu.history.AuditLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * Blocked and open attempts do the same work and answer the same way: the password is
 * compared with a hash on every path (open or blocked, known, unknown or disabled
 * account), and every failure is the same exception. Proven by counting the hash
 * comparisons, not by timing.
 */
class ThrottlingAuthenticationProviderTests {

	static final String PASSWORD = "the right passphrase";

	final AtomicInteger comparisons = new AtomicInteger();

	final PasswordEncoder real = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	/** The real encoder, counting its comparisons. */
	final PasswordEncoder counting = new PasswordEncoder() {
		@Override
		public String encode(CharSequence raw) {
			return ThrottlingAuthenticationProviderTests.this.real.encode(raw);
		}

		@Override
		public boolean matches(CharSequence raw, String encoded) {
			ThrottlingAuthenticationProviderTests.this.comparisons.incrementAndGet();
			return ThrottlingAuthenticationProviderTests.this.real.matches(raw, encoded);
		}
	};

	final LoginThrottle throttle = mock(LoginThrottle.class);

	final AuditLog audit = mock(AuditLog.class);

	final String hash = this.real.encode(PASSWORD);

	ThrottlingAuthenticationProvider provider() {
		DaoAuthenticationProvider passwords = SecurityConfiguration.passwords((username) -> {
			Account account = new Account(username, this.hash, Role.COORDINATOR, null, null);
			ReflectionTestUtils.setField(account, "id", 1L);
			if (username.startsWith("disabled")) {
				account.disable();
			}
			if (username.startsWith("unknown")) {
				throw new UsernameNotFoundException("unknown");
			}
			return new AccountUser(account);
		}, this.counting);
		return new ThrottlingAuthenticationProvider(passwords, this.throttle, this.audit);
	}

	static Authentication attempt(String username, String password) {
		UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(username,
				password);
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr("198.51.100.7");
		token.setDetails(new WebAuthenticationDetails(request));
		return token;
	}

	@ParameterizedTest
	@ValueSource(strings = { "open", "blocked" })
	void everyKindOfAttemptComparesThePasswordOnceAndFailuresLookAlike(String state) {
		when(this.throttle.blocked(anyString(), anyString())).thenReturn(state.equals("blocked"));
		ThrottlingAuthenticationProvider provider = provider();
		List<Authentication> failing = List.of(attempt("official", "wrong password"),
				attempt("unknown-user", "wrong password"), attempt("disabled-user", PASSWORD),
				attempt("disabled-user", "wrong password"));
		for (Authentication attempt : failing) {
			int before = this.comparisons.get();
			assertThatThrownBy(() -> provider.authenticate(attempt)).isExactlyInstanceOf(BadCredentialsException.class)
				.hasMessage(ThrottlingAuthenticationProvider.BAD_CREDENTIALS)
				.hasNoCause();
			assertThat(this.comparisons.get() - before).as(attempt.getName()).isEqualTo(1);
		}
	}

	@Test
	void aBlockedAttemptWithTheRightPasswordComparesItToo() {
		when(this.throttle.blocked("official", "198.51.100.7")).thenReturn(true);
		assertThatThrownBy(() -> provider().authenticate(attempt("official", PASSWORD)))
			.isExactlyInstanceOf(BadCredentialsException.class)
			.hasMessage(ThrottlingAuthenticationProvider.BAD_CREDENTIALS);
		assertThat(this.comparisons.get()).isEqualTo(1);
		// Not a failure of the account, and no forgiveness either.
		verify(this.throttle, never()).failed(anyString(), anyString());
		verify(this.throttle, never()).succeeded(anyString(), anyString());
		verify(this.audit).record(eq("official"), eq("LOGIN_THROTTLED"), any(), any(), eq("198.51.100.7"));
	}

	@Test
	void anOpenAttemptWithTheRightPasswordSignsInAndForgivesThePair() {
		when(this.throttle.blocked("official", "198.51.100.7")).thenReturn(false);
		assertThat(provider().authenticate(attempt("official", PASSWORD)).isAuthenticated()).isTrue();
		assertThat(this.comparisons.get()).isEqualTo(1);
		verify(this.throttle).succeeded("official", "198.51.100.7");
	}

	@Test
	void theWaitDoublesWithEachFailurePastTheFreeOnesUpToTheMaximum() {
		Duration first = Duration.ofSeconds(30);
		Duration max = Duration.ofHours(1);
		assertThat(LoginThrottle.delay(5, 5, first, max)).isZero();
		assertThat(LoginThrottle.delay(6, 5, first, max)).isEqualTo(first);
		assertThat(LoginThrottle.delay(7, 5, first, max)).isEqualTo(Duration.ofMinutes(1));
		assertThat(LoginThrottle.delay(8, 5, first, max)).isEqualTo(Duration.ofMinutes(2));
		assertThat(LoginThrottle.delay(12, 5, first, max)).isEqualTo(Duration.ofMinutes(32));
		assertThat(LoginThrottle.delay(13, 5, first, max)).isEqualTo(max);
		assertThat(LoginThrottle.delay(Integer.MAX_VALUE, 5, first, max)).isEqualTo(max);
	}

}
