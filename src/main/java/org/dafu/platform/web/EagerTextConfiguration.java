package org.dafu.platform.web;

import java.util.LinkedHashSet;
import java.util.Set;

import org.thymeleaf.dialect.IDialect;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.dialect.SpringStandardDialect;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The template engine's standard dialect is {@link EagerTextDialect}; the other dialects
 * (Spring Security's, {@link ViewModelDialect}) stay as configured.
 */
@Configuration(proxyBeanMethods = false)
class EagerTextConfiguration {

	@Bean
	ViewModelDialect viewModelDialect() {
		return new ViewModelDialect();
	}

	@Bean
	static BeanPostProcessor eagerTextDialect() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof SpringTemplateEngine engine) {
					Set<IDialect> dialects = new LinkedHashSet<>();
					dialects.add(new EagerTextDialect());
					engine.getDialects()
						.stream()
						.filter((d) -> !(d instanceof SpringStandardDialect))
						.forEach(dialects::add);
					engine.setDialects(dialects);
				}
				return bean;
			}
		};
	}

}
