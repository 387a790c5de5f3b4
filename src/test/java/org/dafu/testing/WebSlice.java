package org.dafu.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.dafu.access.AccessPolicy;
import org.dafu.account.WebSliceSecurity;
import org.dafu.history.AuditLog;
import org.dafu.importing.ImportService;
import org.dafu.notify.NotificationBell;
import org.dafu.platform.BeijingTime;
import org.dafu.platform.ClockConfiguration;
import org.dafu.platform.web.DatabaseUnavailableFilter;

import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * A controller's web slice ({@code @WebMvcTest}): the named controllers, the
 * application's web layer (its advice, filters, messages, Thymeleaf templates) and its
 * security (account/SecurityConfiguration through {@link WebSliceSecurity}: routes, CSRF,
 * redirects to sign-in, 403s), and the real {@link AccessPolicy}; no database, no
 * services. The test mocks the services its controller calls with {@code @MockitoBean}
 * and signs requests in with {@link AsViewer}; what the services do with the database is
 * tested elsewhere, on the real database.
 *
 * <p>
 * Mocked here for every slice: the audit log (a denial is recorded there, which a test
 * may verify), the notification bell of the workspace layout, and the import service that
 * the upload-limit advice needs. The database-outage filter stays out (it asks the
 * database).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(excludeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE,
		classes = DatabaseUnavailableFilter.class))
@Import({ WebSliceSecurity.class, AccessPolicy.class, ClockConfiguration.class, BeijingTime.class })
@MockitoBean(types = { AuditLog.class, ImportService.class })
@MockitoBean(name = "notificationBell", types = NotificationBell.class)
public @interface WebSlice {

	/** The controllers under test. */
	@AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
	Class<?>[] value() default {};

}
