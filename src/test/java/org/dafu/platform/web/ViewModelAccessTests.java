package org.dafu.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import org.springframework.context.support.StaticApplicationContext;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.expression.AccessException;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.MethodExecutor;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.ReflectiveMethodResolver;
import org.springframework.expression.spel.support.StandardEvaluationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link ViewPropertyAccessor} reads the application's own view models as Spring's
 * reflective accessor does (getX, then isX for a boolean, then x()), reads nothing of
 * other classes, writes nothing; {@link ViewMethodResolver} calls their methods without
 * arguments and a short list of the JDK's, nothing else; {@link ViewModelDialect} adds
 * both to a render's evaluation context, and a template writes through them what it wrote
 * before.
 */
class ViewModelAccessTests {

	/** A view model: a record with a derived property and a bean-style getter. */
	public record Letter(String title, List<String> lines, boolean issued, Inner inner) {

		public String getShout() {
			return this.title.toUpperCase(Locale.ROOT);
		}

		public boolean isDraft() {
			return !this.issued;
		}

		/** Shadowed by {@link #getShout()}, as with the reflective accessor. */
		public String shout() {
			return "never";
		}

		public static String version() {
			return "static";
		}

	}

	public record Inner(int number) {
	}

	private static final Letter LETTER = new Letter("关于<光伏>的答复", List.of("一", "二"), true, new Inner(4));

	/** A wrapped resolver that resolves nothing. */
	private static final ReflectiveMethodResolver NONE = new ReflectiveMethodResolver() {
		@Override
		public MethodExecutor resolve(EvaluationContext context, Object target, String name,
				List<TypeDescriptor> argumentTypes) {
			return null;
		}
	};

	private final StandardEvaluationContext context = new StandardEvaluationContext();

	@Test
	void readsRecordComponentsGettersAndBooleanIsMethods() throws AccessException {
		ViewPropertyAccessor accessor = ViewPropertyAccessor.INSTANCE;
		assertThat(accessor.read(this.context, LETTER, "title").getValue()).isEqualTo("关于<光伏>的答复");
		assertThat(accessor.read(this.context, LETTER, "lines").getValue()).isEqualTo(List.of("一", "二"));
		assertThat(accessor.read(this.context, LETTER, "issued").getValue()).isEqualTo(true);
		assertThat(accessor.read(this.context, LETTER, "draft").getValue()).isEqualTo(false);
		assertThat(accessor.read(this.context, LETTER, "shout").getValue()).isEqualTo("关于<光伏>的答复");
		assertThat(accessor.read(this.context, LETTER.inner(), "number").getValue()).isEqualTo(4);
	}

	@Test
	void readsNothingButTheApplicationsOwnPublicInstanceGetters() {
		ViewPropertyAccessor accessor = ViewPropertyAccessor.INSTANCE;
		assertThat(accessor.canRead(this.context, LETTER, "class")).isFalse();
		assertThat(accessor.canRead(this.context, LETTER, "version")).isFalse();
		assertThat(accessor.canRead(this.context, LETTER, "missing")).isFalse();
		assertThat(accessor.canRead(this.context, "text", "bytes")).isFalse();
		assertThat(accessor.canRead(this.context, Map.of("title", "x"), "title")).isFalse();
		assertThat(accessor.canRead(this.context, Letter.class, "version")).isFalse();
		assertThat(accessor.canRead(this.context, null, "title")).isFalse();
		assertThat(accessor.canWrite(this.context, LETTER, "title")).isFalse();
		assertThatExceptionOfType(AccessException.class).isThrownBy(() -> accessor.read(this.context, "text", "bytes"));
		assertThatExceptionOfType(AccessException.class)
			.isThrownBy(() -> accessor.write(this.context, LETTER, "title", "x"));
	}

	@Test
	void anExpressionKeepsReadingThroughItAndFallsBackForOtherClasses() {
		ViewModelDialect.addTo(this.context);
		ViewModelDialect.addTo(this.context);
		assertThat(this.context.getPropertyAccessors()).containsOnlyOnce(ViewPropertyAccessor.INSTANCE);
		assertThat(this.context.getMethodResolvers()).singleElement()
			.isInstanceOfSatisfying(ViewMethodResolver.class,
					(r) -> assertThat(r.wrapped()).isNotInstanceOf(ViewMethodResolver.class));
		// a method of a JDK class not on the list is resolved by the wrapped resolver
		assertThat(new SpelExpressionParser().parseExpression("title.toUpperCase().substring(0, 2) + lines.size()")
			.getValue(this.context, LETTER)).isEqualTo("关于2");
		var expression = new SpelExpressionParser().parseExpression("inner.number + ':' + title.length()");
		for (int i = 0; i < 3; i++) {
			assertThat(expression.getValue(this.context, LETTER)).isEqualTo("4:9");
		}
		// a property of a JDK class is read by the reflective accessor after this one
		assertThat(new SpelExpressionParser().parseExpression("bytes.length").getValue(this.context, "ab"))
			.isEqualTo(2);
	}

	@Test
	void resolvesOwnMethodsAndTheListedJdkOnesWithoutArguments() throws AccessException {
		ViewMethodResolver resolver = ViewMethodResolver.wrapping(NONE);
		assertThat(resolver.resolve(this.context, LETTER.inner(), "number", List.of())
			.execute(this.context, LETTER.inner())
			.getValue()).isEqualTo(4);
		assertThat(
				resolver.resolve(this.context, LETTER, "isDraft", List.of()).execute(this.context, LETTER).getValue())
			.isEqualTo(false);
		for (List<String> list : List.<List<String>>of(List.of(), List.of("一"), List.of("一", "二", "三"),
				new ArrayList<>())) {
			assertThat(
					resolver.resolve(this.context, list, "isEmpty", List.of()).execute(this.context, list).getValue())
				.isEqualTo(list.isEmpty());
			assertThat(resolver.resolve(this.context, list, "size", List.of()).execute(this.context, list).getValue())
				.isEqualTo(list.size());
		}
		assertThat(resolver.resolve(this.context, " 一 ", "strip", List.of()).execute(this.context, " 一 ").getValue())
			.isEqualTo("一");
		assertThat(resolver.resolve(this.context, Locale.Category.FORMAT, "name", List.of())
			.execute(this.context, Locale.Category.FORMAT)
			.getValue()).isEqualTo("FORMAT");
	}

	@Test
	void leavesEveryOtherMethodToThymeleafsResolver() throws AccessException {
		ViewMethodResolver resolver = ViewMethodResolver.wrapping(NONE);
		assertThat(resolver.resolve(this.context, "text", "getBytes", List.of())).isNull();
		assertThat(resolver.resolve(this.context, "text", "toUpperCase", List.of())).isNull();
		assertThat(resolver.resolve(this.context, LETTER, "getClass", List.of())).isNull();
		assertThat(resolver.resolve(this.context, LETTER, "notifyAll", List.of())).isNull();
		assertThat(resolver.resolve(this.context, LETTER, "version", List.of())).isNull();
		assertThat(resolver.resolve(this.context, Letter.class, "version", List.of())).isNull();
		assertThat(resolver.resolve(this.context, LETTER, "missing", List.of())).isNull();
		assertThat(resolver.resolve(this.context, null, "title", List.of())).isNull();
		assertThat(resolver.resolve(this.context, "text", "isEmpty", List.of(TypeDescriptor.valueOf(String.class))))
			.isNull();
		assertThat(resolver.resolve(this.context, Runtime.getRuntime(), "availableProcessors", List.of())).isNull();
	}

	@Test
	void aRenderReadsThroughItAndWritesWhatItWroteBefore() {
		String template = "<h1 th:text=\"${letter.title}\">t</h1><p th:each=\"l : ${letter.lines}\" th:text=\"${l}\">l</p>"
				+ "<i th:if=\"${letter.issued and !letter.draft}\" th:text=\"${letter.inner.number + letter.shout.length()}\">n</i>"
				+ "<b th:unless=\"${letter.lines.isEmpty()}\" th:text=\"${letter.lines.size() + letter.inner().number()}\">s</b>"
				+ "<u th:text=\"${letter.title.toUpperCase().strip()}\">u</u>";
		StaticApplicationContext application = new StaticApplicationContext();
		application.refresh();
		ThymeleafEvaluationContext evaluation = new ThymeleafEvaluationContext(application, null);
		Map<String, Object> withAccessor = Map.of("letter", LETTER,
				ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME, evaluation);
		String html = engine(true).process(template, new Context(Locale.ROOT, withAccessor));
		assertThat(evaluation.getPropertyAccessors()).contains(ViewPropertyAccessor.INSTANCE);
		assertThat(evaluation.getMethodResolvers()).singleElement()
			.isInstanceOfSatisfying(ViewMethodResolver.class,
					(r) -> assertThat(r.wrapped()).isInstanceOf(ReflectiveMethodResolver.class));
		assertThat(html).isEqualTo("<h1>关于&lt;光伏&gt;的答复</h1><p>一</p><p>二</p><i>13</i><b>6</b><u>关于&lt;光伏&gt;的答复</u>");
		ThymeleafEvaluationContext plain = new ThymeleafEvaluationContext(application, null);
		String before = engine(false).process(template, new Context(Locale.ROOT, Map.of("letter", LETTER,
				ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME, plain)));
		assertThat(plain.getPropertyAccessors()).doesNotContain(ViewPropertyAccessor.INSTANCE);
		assertThat(plain.getMethodResolvers()).noneMatch(ViewMethodResolver.class::isInstance);
		assertThat(html).isEqualTo(before);
	}

	private static SpringTemplateEngine engine(boolean withAccessor) {
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(new StringTemplateResolver());
		if (withAccessor) {
			engine.addDialect(new ViewModelDialect());
		}
		return engine;
	}

}
