package org.dafu.platform.web;

import java.util.List;
import java.util.Set;

import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.model.ITemplateEnd;
import org.thymeleaf.model.ITemplateStart;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.templateboundaries.AbstractTemplateBoundariesProcessor;
import org.thymeleaf.processor.templateboundaries.ITemplateBoundariesStructureHandler;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.templatemode.TemplateMode;

import org.springframework.expression.MethodResolver;
import org.springframework.expression.spel.support.ReflectiveMethodResolver;
import org.springframework.expression.spel.support.StandardEvaluationContext;

/**
 * Adds {@link ViewPropertyAccessor} to the evaluation context of each render, ahead of
 * Thymeleaf's reflective accessor, and puts {@link ViewMethodResolver} in front of its
 * method resolver, when the render starts (Spring MVC's Thymeleaf view makes a new
 * context for every render). A render without a Spring evaluation context (a template
 * processed by hand) is left as it is.
 */
class ViewModelDialect extends AbstractProcessorDialect {

	ViewModelDialect() {
		super("View models", "dafu-view", 0);
	}

	@Override
	public Set<IProcessor> getProcessors(String dialectPrefix) {
		return Set.of(new AddAccess(TemplateMode.HTML), new AddAccess(TemplateMode.XML),
				new AddAccess(TemplateMode.TEXT));
	}

	/** Adds the accessor and the resolver to a context, once. */
	static void addTo(StandardEvaluationContext context) {
		if (!context.getPropertyAccessors().contains(ViewPropertyAccessor.INSTANCE)) {
			context.addPropertyAccessor(ViewPropertyAccessor.INSTANCE);
		}
		// SpEL keeps resolved methods only with one reflective resolver: this one takes
		// the place of Thymeleaf's, which it wraps
		List<MethodResolver> resolvers = context.getMethodResolvers();
		if (resolvers.size() == 1 && !(resolvers.get(0) instanceof ViewMethodResolver)
				&& resolvers.get(0) instanceof ReflectiveMethodResolver only) {
			context.setMethodResolvers(List.of(ViewMethodResolver.wrapping(only)));
		}
	}

	static final class AddAccess extends AbstractTemplateBoundariesProcessor {

		AddAccess(TemplateMode mode) {
			super(mode, 0);
		}

		@Override
		public void doProcessTemplateStart(ITemplateContext context, ITemplateStart templateStart,
				ITemplateBoundariesStructureHandler structureHandler) {
			if (context.getVariable(
					ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME) instanceof StandardEvaluationContext evaluation) {
				addTo(evaluation);
			}
		}

		@Override
		public void doProcessTemplateEnd(ITemplateContext context, ITemplateEnd templateEnd,
				ITemplateBoundariesStructureHandler structureHandler) {
			// nothing to undo: the context ends with the render
		}

	}

}
