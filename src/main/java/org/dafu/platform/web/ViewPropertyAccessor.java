package org.dafu.platform.web;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.expression.AccessException;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.PropertyAccessor;
import org.springframework.expression.TypedValue;
import org.springframework.util.StringUtils;

/**
 * Reads the properties of the application's own view models ({@code reply.proposal.title}
 * on records and classes of {@code org.dafu}) for the templates' expressions, as Spring's
 * reflective accessor would find them ({@code getTitle()}, then {@code isTitle()} for a
 * boolean, then {@code title()}), from a getter looked up once per class and name.
 * <p>
 * Thymeleaf evaluates an expression that starts from a template variable without
 * compiling it, and the reflective accessor it registers is never kept on the
 * expression's property node (SpEL keeps an accessor only if it is one of the context's
 * own, and the reflective one hands out a new one on each read): every property read of
 * every render searched the accessors, checked Thymeleaf's list of forbidden members and
 * looked the getter up again, a sixth of an uncached letter page's time
 * (docs/benchmarks.md). This accessor is one of the context's own, so the node keeps it.
 * <p>
 * Only public getters declared by the application's own classes are read: nothing of the
 * JDK's or a library's (not even {@code getClass()}), so Thymeleaf's restrictions on
 * those stay where they were; any other property falls to the accessors after this one.
 */
final class ViewPropertyAccessor implements PropertyAccessor {

	/** The one instance, added to each template render's evaluation context. */
	static final ViewPropertyAccessor INSTANCE = new ViewPropertyAccessor();

	/** The getters of a class not the application's own: none. */
	private static final Map<String, Optional<Method>> FOREIGN = Map.of();

	/**
	 * Per class: its getters by property name, empty when it has none of that name.
	 */
	private static final ClassValue<Map<String, Optional<Method>>> GETTERS = new ClassValue<>() {
		@Override
		protected Map<String, Optional<Method>> computeValue(Class<?> type) {
			return ViewModelMethods.isOwn(type) ? new ConcurrentHashMap<>() : FOREIGN;
		}
	};

	private ViewPropertyAccessor() {
	}

	@Override
	public Class<?>[] getSpecificTargetClasses() {
		return null;
	}

	@Override
	public boolean canRead(EvaluationContext context, Object target, String name) {
		return getter(target, name) != null;
	}

	@Override
	public TypedValue read(EvaluationContext context, Object target, String name) throws AccessException {
		Method getter = getter(target, name);
		if (getter == null) {
			throw new AccessException("No getter " + name + " on " + ((target != null) ? target.getClass() : null));
		}
		return ViewModelMethods.call(getter, target);
	}

	@Override
	public boolean canWrite(EvaluationContext context, Object target, String name) {
		return false;
	}

	@Override
	public void write(EvaluationContext context, Object target, String name, Object newValue) throws AccessException {
		throw new AccessException("View models are read only");
	}

	static Method getter(Object target, String name) {
		if (target == null || target instanceof Class) {
			return null;
		}
		Map<String, Optional<Method>> getters = GETTERS.get(target.getClass());
		if (getters == FOREIGN) {
			return null;
		}
		Optional<Method> found = getters.get(name);
		if (found == null) {
			found = getters.computeIfAbsent(name, (n) -> Optional.ofNullable(find(target.getClass(), n)));
		}
		return found.orElse(null);
	}

	/** As Spring's reflective accessor: getX(), isX() for a boolean, x(). */
	private static Method find(Class<?> type, String name) {
		String suffix = StringUtils.capitalize(name);
		Method getter = method(type, "get" + suffix);
		if (getter == null) {
			getter = method(type, "is" + suffix);
			if (getter != null && getter.getReturnType() != boolean.class && getter.getReturnType() != Boolean.class) {
				getter = null;
			}
		}
		return (getter != null) ? getter : method(type, name);
	}

	private static Method method(Class<?> type, String name) {
		Method method = ViewModelMethods.own(type, name);
		return (method != null && method.getReturnType() != void.class) ? method : null;
	}

}
