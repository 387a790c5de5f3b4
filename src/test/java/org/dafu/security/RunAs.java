package org.dafu.security;

import java.util.function.Supplier;

import org.dafu.access.Viewer;
import org.dafu.testing.AsViewer;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** Calls a service as a viewer, as a request of that viewer would (method security). */
final class RunAs {

	private RunAs() {
	}

	static <T> T viewer(Viewer viewer, Supplier<T> action) {
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
		viewer(viewer, () -> {
			action.run();
			return null;
		});
	}

}
