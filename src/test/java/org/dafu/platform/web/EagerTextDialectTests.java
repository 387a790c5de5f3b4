package org.dafu.platform.web;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.dialect.IDialect;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.dialect.SpringStandardDialect;
import org.thymeleaf.standard.processor.StandardTextTagProcessor;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.util.ProcessorConfigurationUtils;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code th:text} with {@link EagerTextDialect} writes what the standard dialect writes,
 * for short texts and for texts over 100 characters (which the standard dialect escapes
 * lazily, one character at a time), and the standard processor is gone from HTML.
 */
class EagerTextDialectTests {

	static final String TEMPLATE = "<p th:text=\"${t}\">x</p><span th:text=\"${n}\">0</span><i th:text=\"${z}\">z</i>";

	@Test
	void escapesShortAndLongTextsExactlyAsTheStandardDialect() {
		String special = "<script>alert('x')</script> & \"引号\" ＜全角＞ 一二三四五六七八九十\u00a0é\u2028";
		for (String text : new String[] { special, special.repeat(3), "无需转义的中文段落。".repeat(30), "" }) {
			Map<String, Object> vars = new java.util.HashMap<>();
			vars.put("t", text);
			vars.put("n", 12345);
			vars.put("z", null);
			String standard = render(new SpringStandardDialect(), vars);
			String eager = render(new EagerTextDialect(), vars);
			assertThat(eager).isEqualTo(standard);
			if (text.contains("<script>")) {
				assertThat(eager).contains("&lt;script&gt;").doesNotContain("<script>");
			}
		}
	}

	@Test
	void theHtmlTextProcessorIsTheEagerOne() {
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setDialect(new EagerTextDialect());
		engine.setTemplateResolver(new StringTemplateResolver());
		assertThat(engine.getConfiguration()
			.getElementProcessors(TemplateMode.HTML)
			.stream()
			.map(ProcessorConfigurationUtils::unwrap))
			.anySatisfy((p) -> assertThat(p).isInstanceOf(EagerTextDialect.EagerTextTagProcessor.class))
			.noneSatisfy((p) -> assertThat(p).isInstanceOf(StandardTextTagProcessor.class));
	}

	private static String render(IDialect dialect, Map<String, Object> vars) {
		TemplateEngine engine = new SpringTemplateEngine();
		engine.setDialect(dialect);
		engine.setTemplateResolver(new StringTemplateResolver());
		return engine.process(TEMPLATE, new Context(java.util.Locale.ROOT, vars));
	}

}
