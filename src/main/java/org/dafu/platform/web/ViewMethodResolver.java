package org.dafu.platform.web;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.convert.TypeDescriptor;
import org.springframework.expression.AccessException;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.MethodExecutor;
import org.springframework.expression.MethodResolver;
import org.springframework.expression.TypedValue;
import org.springframework.expression.spel.support.ReflectiveMethodResolver;

/**
 * Finds, for the templates' expressions, the methods without arguments that they call on
 * view models ({@code unit.name()}, {@code o.isSigned()}: public methods declared by the
 * application's own classes) and a short list of the JDK's ({@code isEmpty()} and
 * {@code size()} of a collection or map, {@code name()} of an enum, {@code isBlank()},
 * {@code isEmpty()}, {@code strip()} and {@code length()} of a string), each looked up
 * once per class and name. Anything else (a method with arguments, any other method of a
 * JDK or library class, a static call) is resolved by the resolver it wraps (Thymeleaf's,
 * with its restrictions).
 * <p>
 * SpEL keeps a resolved method on the expression only while the receiver's type stays the
 * same; {@code s.figures.isEmpty()} meets a different list class from one letter to the
 * next, and each change made Thymeleaf's resolver sort and check every method of the
 * class again (docs/benchmarks.md). SpEL keeps resolved methods at all only when the
 * context's one resolver is a {@link ReflectiveMethodResolver}: this one is, and takes
 * the place of the one it wraps.
 */
final class ViewMethodResolver extends ReflectiveMethodResolver {

	/** The JDK's methods that templates may call through this resolver. */
	private static final List<Method> JDK = List.of(method(Collection.class, "isEmpty"),
			method(Collection.class, "size"), method(Map.class, "isEmpty"), method(Map.class, "size"),
			method(Enum.class, "name"), method(String.class, "isBlank"), method(String.class, "isEmpty"),
			method(String.class, "strip"), method(String.class, "length"));

	private static final ClassValue<Map<String, Optional<Executor>>> EXECUTORS = new ClassValue<>() {
		@Override
		protected Map<String, Optional<Executor>> computeValue(Class<?> type) {
			return new ConcurrentHashMap<>();
		}
	};

	private final MethodResolver wrapped;

	private ViewMethodResolver(MethodResolver wrapped) {
		this.wrapped = wrapped;
	}

	/** This resolver in front of {@code wrapped}. */
	static ViewMethodResolver wrapping(MethodResolver wrapped) {
		return new ViewMethodResolver(wrapped);
	}

	/** The resolver this one falls back to. */
	MethodResolver wrapped() {
		return this.wrapped;
	}

	@Override
	public MethodExecutor resolve(EvaluationContext context, Object target, String name,
			List<TypeDescriptor> argumentTypes) throws AccessException {
		MethodExecutor own = own(target, name, argumentTypes);
		return (own != null) ? own : this.wrapped.resolve(context, target, name, argumentTypes);
	}

	/** The executor of a method this resolver calls itself, or null. */
	static MethodExecutor own(Object target, String name, List<TypeDescriptor> argumentTypes) {
		if (target == null || target instanceof Class || !argumentTypes.isEmpty()) {
			return null;
		}
		Map<String, Optional<Executor>> executors = EXECUTORS.get(target.getClass());
		Optional<Executor> found = executors.get(name);
		if (found == null) {
			found = executors.computeIfAbsent(name, (n) -> Optional.ofNullable(find(target.getClass(), n)));
		}
		return found.orElse(null);
	}

	private static Executor find(Class<?> type, String name) {
		for (Method method : JDK) {
			if (method.getName().equals(name) && method.getDeclaringClass().isAssignableFrom(type)) {
				return new Executor(method);
			}
		}
		Method own = ViewModelMethods.isOwn(type) ? ViewModelMethods.own(type, name) : null;
		return (own != null) ? new Executor(own) : null;
	}

	private static Method method(Class<?> type, String name) {
		try {
			return type.getMethod(name);
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Calls one method without arguments. */
	record Executor(Method method) implements MethodExecutor {

		@Override
		public TypedValue execute(EvaluationContext context, Object target, Object... arguments)
				throws AccessException {
			return ViewModelMethods.call(this.method, target);
		}

	}

}
