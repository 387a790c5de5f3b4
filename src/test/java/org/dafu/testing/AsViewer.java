package org.dafu.testing;

import java.util.List;
import java.util.function.Supplier;

import org.dafu.access.Viewer;
import org.dafu.access.ViewerPrincipal;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/**
 * Signs a MockMvc request in as a viewer: {@code get(...).with(AsViewer.as(viewer))}. The
 * principal implements {@link ViewerPrincipal}, as the account feature's users do, and
 * carries the role as {@code ROLE_<ROLE>}.
 */
public final class AsViewer {

	private AsViewer() {
	}

	public static RequestPostProcessor as(Viewer viewer) {
		return authentication(authenticationOf(viewer));
	}

	/**
	 * Calls services as the viewer, as a request of that viewer would (method security).
	 */
	public static <T> T call(Viewer viewer, Supplier<T> action) {
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authenticationOf(viewer));
		SecurityContextHolder.setContext(context);
		try {
			return action.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	public static void run(Viewer viewer, Runnable action) {
		call(viewer, () -> {
			action.run();
			return null;
		});
	}

	public static UsernamePasswordAuthenticationToken authenticationOf(Viewer viewer) {
		ViewerPrincipal principal = new TestPrincipal(viewer);
		return UsernamePasswordAuthenticationToken.authenticated(principal, null,
				List.of(new SimpleGrantedAuthority("ROLE_" + viewer.role().name())));
	}

	record TestPrincipal(Viewer viewer) implements ViewerPrincipal {

		@Override
		public String toString() {
			return String.valueOf(this.viewer.username());
		}

	}

}
