package org.dafu.platform.i18n;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Messages live in one bundle per feature ({@code i18n/<feature>.properties}, Chinese,
 * and {@code i18n/<feature>_en.properties}); every bundle found is loaded, so a feature
 * adds its texts without touching shared configuration. Chinese is the default;
 * {@code ?lang=en} switches and a cookie remembers the choice.
 */
@Configuration(proxyBeanMethods = false)
public class MessagesConfiguration implements WebMvcConfigurer {

	public static final Locale DEFAULT_LOCALE = Locale.SIMPLIFIED_CHINESE;

	@Bean
	public MessageSource messageSource() throws IOException {
		ReloadableResourceBundleMessageSource source = new ReloadableResourceBundleMessageSource();
		source.setBasenames(bundleBasenames().toArray(String[]::new));
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		source.setDefaultLocale(DEFAULT_LOCALE);
		source.setCacheSeconds(-1);
		return source;
	}

	/** Basenames of every {@code i18n/*.properties} bundle on the classpath. */
	public static Set<String> bundleBasenames() throws IOException {
		Set<String> names = new TreeSet<>();
		for (Resource resource : new PathMatchingResourcePatternResolver()
			.getResources("classpath*:i18n/*.properties")) {
			String file = resource.getFilename();
			if (file != null && !file.contains("_")) {
				names.add("classpath:i18n/" + file.substring(0, file.length() - ".properties".length()));
			}
		}
		return names;
	}

	@Bean
	public LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("dafu-lang");
		resolver.setDefaultLocale(DEFAULT_LOCALE);
		resolver.setCookieHttpOnly(true);
		resolver.setCookieSameSite("Lax");
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}

}
