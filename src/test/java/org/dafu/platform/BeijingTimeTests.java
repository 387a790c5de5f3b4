package org.dafu.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.dafu.access.Viewer;
import org.dafu.history.HistoryService;
import org.dafu.history.RevisionView;
import org.dafu.testing.AsViewer;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Moments are shown in Beijing time, labelled, whatever the server's zone (UTC in
 * containers): the history, notifications, the outbox, deadline extensions.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class BeijingTimeTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	HistoryService history;

	@Test
	void aMomentIsFormattedInAsiaShanghai() {
		BeijingTime beijing = new BeijingTime();
		Instant lateEvening = Instant.parse("2022-11-06T23:30:05Z");
		assertThat(beijing.minute(lateEvening)).isEqualTo("2022-11-07 07:30");
		assertThat(beijing.second(lateEvening)).isEqualTo("2022-11-07 07:30:05");
		assertThat(beijing.date(lateEvening)).isEqualTo("2022-11-07");
		assertThat(beijing.iso(lateEvening)).isEqualTo("2022-11-07T07:30:05+08:00");
		assertThat(beijing.minute(null)).isEmpty();
	}

	@Test
	void theHistoryShowsBeijingTimeLabelledInBothLanguages() throws Exception {
		Scenario s = this.data.scenario();
		long id = this.data.draft(s, "时间");
		RevisionView revision = this.history.revisions("reply", id).get(0);
		String shown = new BeijingTime().second(revision.changedAt());
		String iso = new BeijingTime().iso(revision.changedAt());
		Viewer coordinator = Viewer.coordinator("time" + s.n());
		String zh = page("/workspace/history/reply/" + id, coordinator, "zh-CN");
		assertThat(zh).contains("<time datetime=\"" + iso + "\">" + shown + "（北京时间）</time>");
		String en = page("/workspace/history/reply/" + id, coordinator, "en");
		assertThat(en).contains("<time datetime=\"" + iso + "\">" + shown + " (Beijing time)</time>");
	}

	/**
	 * Every place a template renders a moment goes through {@code @beijing}: no template
	 * formats a time of day, or a {@code …At()} instant, with {@code #temporals} (which
	 * uses the server's zone).
	 */
	@Test
	void noTemplateFormatsAMomentInTheServersZone() throws IOException {
		Pattern temporal = Pattern.compile("#temporals\\.format\\(([^,]+),\\s*'([^']*)'");
		List<String> offenders = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".html")).toList()) {
				Matcher m = temporal.matcher(Files.readString(file));
				while (m.find()) {
					if (m.group(2).contains("HH") || m.group(1).matches(".*At\\(\\)\\s*")) {
						offenders.add(file + ": " + m.group());
					}
				}
			}
		}
		assertThat(offenders).isEmpty();
	}

	private String page(String path, Viewer viewer, String lang) throws Exception {
		return this.mvc.perform(get(path).param("lang", lang).with(AsViewer.as(viewer)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
