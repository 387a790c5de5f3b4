package org.dafu.reply.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;

import org.dafu.reply.form.FigureForm;
import org.dafu.reply.form.SectionForm;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Reads the reply editor's form ({@link ReplyForm}, model attribute {@code form}) from
 * the request's parameters with plain code, then validates it through the same data
 * binder as before (its {@code @InitBinder("form")} methods, validator and messages).
 * <p>
 * Spring's constructor binding builds the form's nested records (a letter has up to 20
 * sections of up to 20 figures, about 150 fields) by reflection, resolving constructors,
 * parameter names, annotations and type descriptors for every element: for one draft save
 * that was about a quarter of the request's CPU time, and much more while the save path's
 * code is still being compiled (a draft saved once a second never gets warm). Every field
 * is text, so the form is read field by field as that binding reads it: a missing field
 * is null, a field sent several times is its values joined by commas, list elements by
 * index with gaps left out (ReplyFormBindingTests compares both ways).
 */
@Configuration(proxyBeanMethods = false)
class ReplyFormBinding implements WebMvcConfigurer {

	/** Marks the handler parameter read and validated this way (always validated). */
	@Target(ElementType.PARAMETER)
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@interface LetterForm {

	}

	/** The model attribute's name, as the templates know it. */
	static final String NAME = "form";

	/**
	 * Indexes beyond this are not read (the editor's {@code @InitBinder} refuses far
	 * smaller ones with 400 before anything is validated).
	 */
	private static final int MAX_INDEX = 999;

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new Resolver());
	}

	static ReplyForm read(Map<String, String[]> parameters) {
		Function<String, String> value = (name) -> value(parameters.get(name));
		return new ReplyForm(value.apply("version"), value.apply("writtenOn"), value.apply("signedOn"),
				value.apply("disclosureMode"), value.apply("disclosureReason"), value.apply("catalogCategory"),
				value.apply("addressee"), value.apply("opening"), value.apply("closing"), value.apply("issuer"),
				value.apply("resultClass"), list(parameters, "sections", (p) -> section(parameters, p)));
	}

	private static SectionForm section(Map<String, String[]> parameters, String prefix) {
		return new SectionForm(value(parameters.get(prefix + "kind")), value(parameters.get(prefix + "heading")),
				value(parameters.get(prefix + "body")),
				list(parameters, prefix + "figures", (p) -> figure(parameters, p)));
	}

	private static FigureForm figure(Map<String, String[]> parameters, String prefix) {
		Function<String, String> value = (name) -> value(parameters.get(prefix + name));
		return new FigureForm(value.apply("subject"), value.apply("value"), value.apply("unit"), value.apply("kind"),
				value.apply("comparator"), value.apply("period"), value.apply("deadlineYear"), value.apply("region"),
				value.apply("growthRate"), value.apply("rank"), value.apply("taskShare"),
				value.apply("sourceSentence"));
	}

	/**
	 * The elements {@code name[i].…} in the order of their indexes, or null when none is
	 * sent.
	 */
	private static <T> List<T> list(Map<String, String[]> parameters, String name, Function<String, T> element) {
		String start = name + "[";
		TreeMap<Integer, String> indexes = new TreeMap<>();
		for (String parameter : parameters.keySet()) {
			if (!parameter.startsWith(start)) {
				continue;
			}
			int end = parameter.indexOf(']', start.length());
			if (end < 0 || end == start.length() || end - start.length() > 3 || parameter.length() <= end + 1
					|| parameter.charAt(end + 1) != '.') {
				continue;
			}
			String digits = parameter.substring(start.length(), end);
			if (!digits.chars().allMatch(Character::isDigit)) {
				continue;
			}
			int index = Integer.parseInt(digits);
			if (index <= MAX_INDEX) {
				indexes.putIfAbsent(index, start + index + "].");
			}
		}
		if (indexes.isEmpty()) {
			return null;
		}
		List<T> elements = new ArrayList<>(indexes.size());
		for (String prefix : indexes.values()) {
			elements.add(element.apply(prefix));
		}
		return elements;
	}

	/**
	 * A field as the binding converts it to text: absent null, several joined by commas.
	 */
	private static String value(String[] values) {
		if (values == null || values.length == 0) {
			return null;
		}
		return (values.length == 1) ? values[0] : String.join(",", values);
	}

	private static final class Resolver implements HandlerMethodArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return parameter.getParameterType() == ReplyForm.class
					&& parameter.hasParameterAnnotation(LetterForm.class);
		}

		@Override
		public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
				NativeWebRequest request, WebDataBinderFactory binders) throws Exception {
			HttpServletRequest servlet = request.getNativeRequest(HttpServletRequest.class);
			ReplyForm form = read(servlet.getParameterMap());
			// the binder runs the @InitBinder("form") methods (the index limit) and
			// validates with the MVC validator, as the model attribute's binding did
			WebDataBinder binder = binders.createBinder(request, form, NAME);
			binder.validate();
			BindingResult result = binder.getBindingResult();
			if (result.hasErrors() && !nextIsErrors(parameter)) {
				throw new MethodArgumentNotValidException(parameter, result);
			}
			Map<String, Object> model = result.getModel();
			container.removeAttributes(model);
			container.addAllAttributes(model);
			return form;
		}

		private static boolean nextIsErrors(MethodParameter parameter) {
			Class<?>[] types = parameter.getExecutable().getParameterTypes();
			int next = parameter.getParameterIndex() + 1;
			return next < types.length && org.springframework.validation.Errors.class.isAssignableFrom(types[next]);
		}

	}

}
