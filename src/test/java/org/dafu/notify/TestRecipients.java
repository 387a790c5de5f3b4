package org.dafu.notify;

import java.util.List;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * E-mail addresses for tests: deputy-{id}@example.org, unit-{id}@example.org,
 * coordinators@example.org and {username}@example.org.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestRecipients {

	/** Takes the place of the accounts' directory in the tests that import it. */
	@Bean
	@Primary
	RecipientDirectory testRecipientDirectory() {
		return new RecipientDirectory() {

			@Override
			public List<String> ofDeputy(long deputyId) {
				return List.of("deputy-" + deputyId + "@example.org");
			}

			@Override
			public List<String> ofUnit(long unitId) {
				return List.of("unit-" + unitId + "@example.org");
			}

			@Override
			public List<String> ofCoordinators() {
				return List.of("coordinators@example.org");
			}

			@Override
			public List<String> ofUser(String username) {
				return List.of(username + "@example.org");
			}

		};
	}

}
