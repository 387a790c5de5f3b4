package org.dafu.account;

import org.mockito.Mockito;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The application's own security (both filter chains, CSRF, the route classification,
 * method security) for {@code @WebMvcTest} slices, through
 * {@link org.dafu.testing.WebSlice}.
 *
 * <p>
 * The slice has no database. Requests are signed in with {@code testing.AsViewer}, whose
 * principal is not an account, so the session check never reads the account table, and no
 * slice signs in with a password: the account repository and the sign-in throttle stand
 * here only to build the chains, and fail the test if anything reaches them.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ SecurityConfiguration.class, AccountUserDetailsService.class })
public class WebSliceSecurity {

	@Bean
	AccountRepository accountRepository() {
		return unreachable(AccountRepository.class);
	}

	@Bean
	LoginThrottle loginThrottle() {
		return unreachable(LoginThrottle.class);
	}

	private static <T> T unreachable(Class<T> type) {
		return Mockito.mock(type, Mockito.withSettings().defaultAnswer((invocation) -> {
			if (invocation.getMethod().getDeclaringClass() == Object.class) {
				return invocation.callRealMethod();
			}
			throw new AssertionError("a web slice has no database: " + invocation.getMethod());
		}));
	}

}
