package org.dafu.platform.web;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

import org.springframework.expression.AccessException;
import org.springframework.expression.TypedValue;

/**
 * What {@link ViewPropertyAccessor} and {@link ViewMethodResolver} share: which methods
 * they call themselves (public instance methods without arguments declared by the
 * application's own classes) and how a call's failure is reported to SpEL.
 */
final class ViewModelMethods {

	private static final String OWN_PACKAGE = "org.dafu.";

	private ViewModelMethods() {
	}

	/** Whether the class is one of the application's own. */
	static boolean isOwn(Class<?> type) {
		return type.getName().startsWith(OWN_PACKAGE);
	}

	/**
	 * The public instance method of that name without arguments, if an application class
	 * declares it; otherwise null.
	 */
	static Method own(Class<?> type, String name) {
		try {
			Method method = type.getMethod(name);
			if (!isOwn(method.getDeclaringClass()) || Modifier.isStatic(method.getModifiers())
					|| !method.trySetAccessible()) {
				return null;
			}
			return method;
		}
		catch (NoSuchMethodException ex) {
			return null;
		}
	}

	/** The method's result on the target; a failure as SpEL's {@link AccessException}. */
	static TypedValue call(Method method, Object target) throws AccessException {
		try {
			return new TypedValue(method.invoke(target));
		}
		catch (InvocationTargetException ex) {
			throw new AccessException("Method " + method + " failed",
					(ex.getCause() instanceof Exception cause) ? cause : ex);
		}
		catch (IllegalAccessException | IllegalArgumentException ex) {
			throw new AccessException("Method " + method + " not callable here", ex);
		}
	}

}
