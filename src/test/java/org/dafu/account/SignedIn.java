package org.dafu.account;

import java.util.function.Supplier;

import org.dafu.access.Viewer;
import org.dafu.testing.AsViewer;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** Runs service calls as a viewer, as a request of that viewer would. */
final class SignedIn {

	private SignedIn() {
	}

	static <T> T as(Viewer viewer, Supplier<T> action) {
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(AsViewer.authenticationOf(viewer));
		SecurityContextHolder.setContext(context);
		try {
			return action.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	static void run(Viewer viewer, Runnable action) {
		as(viewer, () -> {
			action.run();
			return null;
		});
	}

}
