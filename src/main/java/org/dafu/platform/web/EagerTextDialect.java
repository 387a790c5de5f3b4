package org.dafu.platform.web;

import java.util.LinkedHashSet;
import java.util.Set;

import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.spring6.dialect.SpringStandardDialect;
import org.thymeleaf.standard.processor.AbstractStandardExpressionAttributeTagProcessor;
import org.thymeleaf.standard.processor.StandardTextTagProcessor;
import org.thymeleaf.templatemode.TemplateMode;
import org.unbescape.html.HtmlEscape;

/**
 * Thymeleaf's standard dialect with one change: in HTML, {@code th:text} escapes its text
 * at once, whatever its length, exactly as it escapes short texts
 * ({@link HtmlEscape#escapeHtml4Xml(String)}). The standard processor hands a text over
 * 100 characters to the output as a lazily escaped sequence that is written one character
 * at a time; a letter's paragraphs are all that long, and writing them so was a tenth of
 * an uncached letter page's time (docs/benchmarks.md, "Where an uncached letter's time
 * went"). The escaped output is the same; escaping a text with nothing to escape (most
 * Chinese text) returns it unchanged, and it is then written in one piece.
 */
public class EagerTextDialect extends SpringStandardDialect {

	@Override
	public Set<IProcessor> getProcessors(String dialectPrefix) {
		Set<IProcessor> processors = new LinkedHashSet<>();
		for (IProcessor processor : super.getProcessors(dialectPrefix)) {
			boolean htmlText = processor instanceof StandardTextTagProcessor
					&& processor.getTemplateMode() == TemplateMode.HTML;
			processors.add(htmlText ? new EagerTextTagProcessor(dialectPrefix) : processor);
		}
		return processors;
	}

	/** {@code th:text} in HTML, escaping at once. */
	static final class EagerTextTagProcessor extends AbstractStandardExpressionAttributeTagProcessor {

		EagerTextTagProcessor(String dialectPrefix) {
			super(TemplateMode.HTML, dialectPrefix, StandardTextTagProcessor.ATTR_NAME,
					StandardTextTagProcessor.PRECEDENCE, true, false);
		}

		@Override
		protected void doProcess(ITemplateContext context, IProcessableElementTag tag, AttributeName attributeName,
				String attributeValue, Object expressionResult, IElementTagStructureHandler structureHandler) {
			String input = (expressionResult != null) ? expressionResult.toString() : "";
			structureHandler.setBody(HtmlEscape.escapeHtml4Xml(input), false);
		}

	}

}
