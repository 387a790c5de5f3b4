package org.dafu.platform.web;

import ch.qos.logback.classic.LoggerContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.dafu.reply.DisclosureMode;
import org.dafu.testing.AsViewer;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.standard.processor.StandardTextTagProcessor;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.util.ProcessorConfigurationUtils;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * What every public page pays besides its own work (docs/benchmarks.md, "Where an
 * uncached letter's time went"): no metrics or observations around each request and each
 * security filter, no turbo filter behind every log-level check, and a layout that asks
 * who is signed in once, without evaluating security expressions.
 */
@SpringBootTest(properties = "dafu.page-cache.enabled=false")
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class RequestOverheadTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	SpringTemplateEngine engine;

	@Test
	void noMetricsNorObservationsWrapTheRequests() {
		assertThat(this.context.getBeanNamesForType(ObservationRegistry.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(MeterRegistry.class)).isEmpty();
		LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
		assertThat(logging.getTurboFilterList()).as("every isTraceEnabled() asks these").isEmpty();
	}

	@Test
	void theTemplateEngineEscapesTextsAtOnce() {
		assertThat(this.engine.getConfiguration()
			.getElementProcessors(TemplateMode.HTML)
			.stream()
			.map(ProcessorConfigurationUtils::unwrap))
			.anySatisfy((p) -> assertThat(p).isInstanceOf(EagerTextDialect.EagerTextTagProcessor.class))
			.noneSatisfy((p) -> assertThat(p).isInstanceOf(StandardTextTagProcessor.class));
		assertThat(this.engine.getDialects())
			.anySatisfy((d) -> assertThat(d.getClass().getSimpleName()).isEqualTo("SpringSecurityDialect"));
	}

	@Test
	void theLayoutOffersSignInToTheAnonymousAndTheAccountToTheSignedIn() throws Exception {
		Scenario s = this.data.scenario();
		long id = this.data.issued(s, DisclosureMode.PROACTIVE, "布局登录");
		String anonymous = page(id, null);
		assertThat(anonymous).contains("href=\"/login\"").doesNotContain("href=\"/account\"");
		String signedIn = page(id, s.bystander());
		assertThat(signedIn).contains("href=\"/account\"").doesNotContain("href=\"/login\"");
	}

	private String page(long id, org.dafu.access.Viewer viewer) throws Exception {
		var request = get("/replies/{id}", id);
		if (viewer != null) {
			request = request.with(AsViewer.as(viewer));
		}
		return this.mvc.perform(request).andReturn().getResponse().getContentAsString();
	}

}
