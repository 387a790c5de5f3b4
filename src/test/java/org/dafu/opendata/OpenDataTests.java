package org.dafu.opendata;

import org.dafu.opendata.web.ExportController;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import org.dafu.reply.DisclosureMode;
import org.dafu.reply.ReplyService;
import org.dafu.reply.ResultClass;
import org.dafu.testing.AsViewer;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class OpenDataTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	ReplyService replies;

	/** A public reply, one 依申请公开, one 不予公开 and a draft, all carrying the word. */
	record Seeded(Scenario s, String word, long open, long onRequest, long notPublic, long draft, String index,
			String hiddenIndex) {
	}

	Seeded seed() {
		Scenario s = this.data.scenario();
		String word = TestData.cjkWord();
		long open = this.data.issued(s, DisclosureMode.PROACTIVE, word);
		long onRequest = this.data.issued(s, DisclosureMode.ON_REQUEST, word);
		long notPublic = this.data.issued(s, DisclosureMode.NOT_PUBLIC, word);
		long draft = this.data.draft(s, word);
		String index = this.replies.readable(s.official(), open).indexNumber();
		String hiddenIndex = this.replies.readable(s.official(), onRequest).indexNumber();
		return new Seeded(s, word, open, onRequest, notPublic, draft, index, hiddenIndex);
	}

	@Test
	void theApiListsOnlyWhatTheCallerMayRead() throws Exception {
		Seeded d = seed();
		this.mvc.perform(get("/api/v1/replies").param("q", d.word()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].id").value(d.open()))
			.andExpect(jsonPath("$.items[0].indexNumber").value(d.index()))
			.andExpect(jsonPath("$.items[0].url").value(containsString("/replies/index/" + d.index())))
			.andExpect(jsonPath("$.items[0].highlight").value(containsString("<mark>" + d.word() + "</mark>")))
			.andExpect(jsonPath("$.page").value(1));
		this.mvc.perform(get("/api/v1/replies").param("q", d.word()).with(AsViewer.as(d.s().lead())))
			.andExpect(jsonPath("$.total").value(3));
		this.mvc.perform(get("/api/v1/replies").param("unit", String.valueOf(d.s().unitId())).param("result", "A"))
			.andExpect(jsonPath("$.total").value(1));
		this.mvc.perform(get("/api/v1/replies").param("q", "，，，"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.detail").value(containsString("没有可检索的文字")));
		this.mvc.perform(get("/api/v1/replies").param("q", "x".repeat(101)).param("lang", "en"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/v1/replies").param("q", "' or 1=1 --").param("size", "100"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.size").value(100));
		this.mvc.perform(get("/api/v1/replies").param("page", "-3"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(jsonPath("$.parameter").value("page"));
		this.mvc.perform(get("/api/v1/replies").param("size", "1000").param("lang", "en"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("size"))
			.andExpect(jsonPath("$.detail").value(containsString("an integer from 1 to 100")));
	}

	@Test
	void oneReplyComesWithSectionsAndFiguresAndHiddenIsLikeMissing() throws Exception {
		Seeded d = seed();
		this.mvc.perform(get("/api/v1/replies/{id}", d.open()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.indexNumber").value(d.index()))
			.andExpect(jsonPath("$.sections[0].heading").value("一、关于产业发展" + d.word()))
			.andExpect(jsonPath("$.sections[0].figures[1].subject").value("光伏装机" + d.word()))
			.andExpect(jsonPath("$.sections[0].figures[1].region").value("柯城区"))
			.andExpect(jsonPath("$.proposal.title").exists())
			.andExpect(jsonPath("$.unitId").value(d.s().unitId()));
		this.mvc.perform(get("/api/v1/replies/index/" + d.index()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(d.open()));
		String missing = this.mvc.perform(get("/api/v1/replies/{id}", 999_999_999_999L))
			.andExpect(status().isNotFound())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)
			// the same problem but for the address asked for
			.replaceAll(",?\"instance\":\"[^\"]*\"", "");
		for (long hidden : List.of(d.onRequest(), d.notPublic(), d.draft())) {
			this.mvc.perform(get("/api/v1/replies/{id}", hidden))
				.andExpect(status().isNotFound())
				.andExpect(content().contentType("application/problem+json"))
				.andExpect(content().json(missing))
				.andExpect(jsonPath("$.instance").value("/api/v1/replies/" + hidden))
				.andExpect(content().string(not(containsString(d.word()))));
		}
		this.mvc.perform(get("/api/v1/replies/index/" + d.hiddenIndex()))
			.andExpect(status().isNotFound())
			.andExpect(content().json(missing));
		this.mvc.perform(get("/api/v1/replies/{id}", d.onRequest()).with(AsViewer.as(d.s().lead())))
			.andExpect(status().isOk());
	}

	@Test
	void theCsvHasABomChineseTextAndNoFormulas() throws Exception {
		Seeded d = seed();
		MvcResult result = this.mvc.perform(get("/replies.csv").param("q", d.word()))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(header().string("Content-Type", containsString("text/csv")))
			.andReturn();
		byte[] bytes = result.getResponse().getContentAsByteArray();
		assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
		String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
		List<CSVRecord> records = CSVFormat.RFC4180.builder().get().parse(new StringReader(text)).getRecords();
		assertThat(records).hasSize(2);
		assertThat(records.get(0).get(0)).isEqualTo("索引号");
		assertThat(records.get(1).get(0)).isEqualTo(d.index());
		assertThat(records.get(1).get(1)).isEqualTo("关于测试建议" + d.s().n() + "的建议");
		assertThat(records.get(1).get(4)).isEqualTo("测试单位" + d.s().n());
		assertThat(text).doesNotContain(d.hiddenIndex());

		// a unit named like a formula is exported as text
		long unit = this.data.unit("=HYPERLINK(\"http://evil\")");
		long session = this.data.session(2024).id();
		long proposal = this.data.assignedProposal(session, 7, this.data.deputy("代表"), null, unit,
				LocalDate.of(2024, 3, 1), LocalDate.of(2024, 6, 1));
		String word = TestData.cjkWord();
		this.data.issuedWith(proposal, unit, "Z" + TestData.unique(), TestData.shortLetter(word,
				DisclosureMode.PROACTIVE, ResultClass.A, LocalDate.of(2024, 5, 1), List.of()));
		byte[] evil = this.mvc.perform(get("/replies.csv").param("q", word))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		List<CSVRecord> rows = CSVFormat.RFC4180.builder()
			.get()
			.parse(new StringReader(new String(evil, 3, evil.length - 3, StandardCharsets.UTF_8)))
			.getRecords();
		assertThat(rows.get(1).get(4)).startsWith("'=HYPERLINK(");
		assertThat(CsvExport.safe("+1")).isEqualTo("'+1");
		assertThat(CsvExport.safe("-1")).isEqualTo("'-1");
		assertThat(CsvExport.safe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(CsvExport.safe("光伏=1")).isEqualTo("光伏=1");
	}

	@Test
	void theAtomFeedParsesAndHoldsOnlyPublicReplies() throws Exception {
		Seeded d = seed();
		String xml = this.mvc.perform(get("/replies.atom").param("q", d.word()))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("application/atom+xml")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		SyndFeed feed = new SyndFeedInput().build(new StringReader(xml));
		assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
		assertThat(feed.getTitle()).contains(d.word());
		assertThat(feed.getEntries()).hasSize(1);
		SyndEntry entry = feed.getEntries().get(0);
		assertThat(entry.getLink()).endsWith("/replies/index/" + d.index());
		assertThat(entry.getTitle()).isEqualTo("关于测试建议" + d.s().n() + "的建议");
		assertThat(entry.getUpdatedDate()).isNotNull();
		assertThat(xml).doesNotContain(d.hiddenIndex());
		String english = this.mvc.perform(get("/replies.atom").param("q", d.word()).param("lang", "en"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(new SyndFeedInput().build(new StringReader(english)).getTitle())
			.isEqualTo("Replies to deputies' proposals: " + d.word());
		SyndFeed all = new SyndFeedInput().build(new StringReader(this.mvc.perform(get("/replies.atom"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)));
		assertThat(all.getEntries()).isNotEmpty().hasSizeLessThanOrEqualTo(ExportController.FEED_ENTRIES);
	}

	@Test
	void hostileQueriesOfExportsAreHarmless() throws Exception {
		for (String path : List.of("/replies.csv", "/replies.atom")) {
			this.mvc.perform(get(path).param("q", "' or 1=1 --").param("unit", "1; drop table reply"))
				.andExpect(status().isOk());
			this.mvc.perform(get(path).param("q", "%_\\ <script>")).andExpect(status().isOk());
			this.mvc.perform(get(path).param("q", "光".repeat(101)))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.parameter").value("q"))
				.andExpect(jsonPath("$.detail").value(containsString("关键词太长了")));
		}
	}

	@Test
	void theSitemapListsPublicRepliesByStableAddressAndRobotsPointsToIt() throws Exception {
		Seeded d = seed();
		String xml = this.mvc.perform(get("/sitemap.xml").with(AsViewer.as(d.s().official())))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("xml")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(xml).contains("<loc>http://localhost/replies/index/" + d.index() + "</loc>")
			.doesNotContain(d.hiddenIndex())
			.doesNotContain("/replies/" + d.draft() + "<");
		javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		assertThat(factory.newDocumentBuilder()
			.parse(new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
			.getDocumentElement()
			.getLocalName()).isEqualTo("urlset");
		this.mvc.perform(get("/robots.txt"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Sitemap: http://localhost/sitemap.xml")))
			.andExpect(content().string(containsString("Disallow: /workspace")))
			.andExpect(content().string(containsString("Disallow: /my")))
			.andExpect(content().string(containsString("Disallow: /account")));
	}

	@Test
	void theOpenApiDescriptionAndItsUiLoad() throws Exception {
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.openapi").exists())
			.andExpect(jsonPath("$.paths['/api/v1/replies']").exists())
			.andExpect(jsonPath("$.paths['/api/v1/replies'].get.parameters[*].name", hasItem("q")))
			.andExpect(jsonPath("$.paths['/replies.csv']").doesNotExist());
		this.mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
	}

}
