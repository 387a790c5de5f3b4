package org.dafu.importing;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.dafu.testing.AsViewer.as;
import org.springframework.test.web.servlet.MockMvc;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestData;
import org.dafu.access.Viewer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.dafu.congress.CongressService;
import org.dafu.importing.BulkLetterResult.Outcome;
import org.dafu.importing.ImportLetters.Letter;
import org.dafu.letter.InflatingDocx;
import org.dafu.reply.ResultClass;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulk import of an archive of issued letters, through its service: good letters
 * become issued replies under their own 索引号, bad ones are reported with their reason and
 * do not disturb the others, a rerun skips everything, and hostile zip entries are
 * refused unread.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class BulkImportTests {

	static final BulkOptions OPTIONS = new BulkOptions(null, ResultClass.B, null, Locale.SIMPLIFIED_CHINESE,
			2 * 1024 * 1024, 1024L * 1024 * 1024);

	@Autowired
	BulkImportService bulk;

	@Autowired
	CongressService congress;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@TempDir
	Path dir;

	@Test
	void aFolderOfLettersBecomesIssuedRepliesAndTheBadOnesAreReported() throws IOException {
		Letter utf8 = letter();
		Letter gbk = letter();
		Letter word = letter();
		Letter duplicate = letter().withIndexNumber(utf8.indexNumber());
		Files.writeString(this.dir.resolve("a-utf8.txt"), utf8.text());
		Files.write(this.dir.resolve("b-gbk.txt"), gbk.text().getBytes(Charset.forName("GB18030")));
		Files.createDirectories(this.dir.resolve("word"));
		Files.write(this.dir.resolve("word/c.docx"), ImportLetters.docx(word.text()));
		Files.write(this.dir.resolve("d-broken.docx"), "这不是 Word 文档".getBytes(StandardCharsets.UTF_8));
		Files.writeString(this.dir.resolve("e-duplicate.txt"), duplicate.text());
		Files.writeString(this.dir.resolve("notes.pdf"), "%PDF-1.4");
		long repliesBefore = count("select count(*) from reply");

		Map<String, BulkLetterResult> results = run(this.dir);

		assertThat(results.keySet()).containsExactlyInAnyOrder("a-utf8.txt", "b-gbk.txt", "word/c.docx",
				"d-broken.docx", "e-duplicate.txt", "notes.pdf");
		for (String file : new String[] { "a-utf8.txt", "b-gbk.txt", "word/c.docx" }) {
			assertThat(results.get(file).outcome()).as(file).isEqualTo(Outcome.IMPORTED);
		}
		assertIssued(results.get("a-utf8.txt"), utf8, "a-utf8.txt");
		assertIssued(results.get("b-gbk.txt"), gbk, "b-gbk.txt");
		assertIssued(results.get("word/c.docx"), word, "word/c.docx");
		BulkLetterResult broken = results.get("d-broken.docx");
		assertThat(broken.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(broken.code()).isEqualTo("NOT_DOCX");
		assertThat(broken.reason()).isEqualTo("该文件不是有效的 .docx 文档，请用 Word 另存为 .docx 后重试。");
		BulkLetterResult dup = results.get("e-duplicate.txt");
		assertThat(dup.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(dup.code()).isEqualTo("DUPLICATE_IN_ARCHIVE");
		assertThat(dup.reason()).contains("a-utf8.txt");
		assertThat(results.get("notes.pdf").outcome()).isEqualTo(Outcome.IGNORED);
		assertThat(count("select count(*) from reply")).isEqualTo(repliesBefore + 3);
		assertThat(count("select count(*) from proposal where session_id = ? and number = ?", duplicate.session().id(),
				duplicate.number()))
			.as("the duplicate's proposal was not registered")
			.isZero();

		Map<String, BulkLetterResult> rerun = run(this.dir);

		for (String file : new String[] { "a-utf8.txt", "b-gbk.txt", "word/c.docx", "e-duplicate.txt" }) {
			assertThat(rerun.get(file).outcome()).as(file).isEqualTo(Outcome.SKIPPED);
			assertThat(rerun.get(file).reason()).as(file).contains("已在系统中");
		}
		assertThat(rerun.get("d-broken.docx").outcome()).isEqualTo(Outcome.FAILED);
		assertThat(count("select count(*) from reply")).isEqualTo(repliesBefore + 3);
		assertThat(count("select count(*) from reply where index_number = ?", utf8.indexNumber())).isEqualTo(1);
	}

	@Test
	void aLetterOfAnExistingProposalOfTheSameUnitIsAttachedToIt() throws IOException {
		Letter first = letter();
		Letter second = letter();
		// the second letter answers the same proposal, for the same unit (org code)
		Letter again = new Letter(
				first.text()
					.replace(first.indexNumber(), first.indexNumber() + "0")
					.replace("2022年11月6日", "2022年12月6日"),
				first.session(), first.number(), first.indexNumber() + "0", first.n());
		Files.writeString(this.dir.resolve("1.txt"), first.text());
		Files.writeString(this.dir.resolve("2.txt"), again.text());
		Files.writeString(this.dir.resolve("3.txt"),
				second.text()
					.replace(second.indexNumber(), "ZZ" + second.n() + "/2022-1")
					.replace("测试办公室" + second.n(), "测试办公室" + first.n()));

		Map<String, BulkLetterResult> results = run(this.dir);

		assertThat(results.get("1.txt").outcome()).isEqualTo(Outcome.IMPORTED);
		assertThat(results.get("2.txt").outcome()).isEqualTo(Outcome.IMPORTED);
		assertThat(proposalOf(results.get("2.txt").replyId())).isEqualTo(proposalOf(results.get("1.txt").replyId()));
		BulkLetterResult conflict = results.get("3.txt");
		assertThat(conflict.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(conflict.code()).isEqualTo("UNIT_CODE_CONFLICT");
		assertThat(conflict.reason()).contains("测试办公室" + first.n(), "IMP" + first.n(), "ZZ" + second.n());
	}

	@Test
	void hostileAndOversizedZipEntriesAreRefusedUnread() throws IOException {
		Letter good = letter();
		Letter evil = letter();
		Letter absolute = letter();
		Path zip = this.dir.resolve("archive.zip");
		Files.write(zip,
				zip(Map.of("letters/good.txt", good.text().getBytes(StandardCharsets.UTF_8), "../evil.txt",
						evil.text().getBytes(StandardCharsets.UTF_8), "/tmp/absolute.txt",
						absolute.text().getBytes(StandardCharsets.UTF_8), "big.txt", new byte[3 * 1024 * 1024],
						"inner.zip", zip(Map.of("x.txt", good.text().getBytes(StandardCharsets.UTF_8))),
						"inflating.docx", InflatingDocx.paragraphs(12 * 1024 * 1024))));

		Map<String, BulkLetterResult> results = run(zip);

		assertThat(results.get("letters/good.txt").outcome()).isEqualTo(Outcome.IMPORTED);
		assertThat(results.get("../evil.txt").code()).isEqualTo("UNSAFE_PATH");
		assertThat(results.get("/tmp/absolute.txt").code()).isEqualTo("UNSAFE_PATH");
		assertThat(results.get("big.txt").code()).isEqualTo("TOO_LARGE");
		assertThat(results.get("big.txt").reason()).contains("2.0 MB");
		assertThat(results.get("inner.zip").code()).isEqualTo("NESTED_ARCHIVE");
		assertThat(results.get("inflating.docx").code()).isEqualTo("TEXT_TOO_LARGE");
		assertThat(results.get("inflating.docx").reason()).contains("已停止读取");
		for (String file : new String[] { "../evil.txt", "/tmp/absolute.txt", "big.txt", "inner.zip",
				"inflating.docx" }) {
			assertThat(results.get(file).outcome()).as(file).isEqualTo(Outcome.FAILED);
			assertThat(results.get(file).indexNumber()).as(file + " was not read").isNull();
		}
		assertThat(count("select count(*) from reply where index_number in (?, ?)", evil.indexNumber(),
				absolute.indexNumber()))
			.isZero();
	}

	@Test
	void theTotalLimitStopsReadingTheRest() throws IOException {
		Letter one = letter();
		Letter two = letter();
		Files.writeString(this.dir.resolve("1.txt"), one.text());
		Files.writeString(this.dir.resolve("2.txt"), two.text());
		long limit = Files.size(this.dir.resolve("1.txt")) + 10;
		BulkOptions options = new BulkOptions(null, ResultClass.A, null, Locale.ENGLISH, OPTIONS.maxEntryBytes(),
				limit);

		Map<String, BulkLetterResult> results = index(
				this.bulk.importArchive(this.dir, options, new BulkImportService.Progress() {
				}));

		assertThat(results.get("1.txt").outcome()).isEqualTo(Outcome.IMPORTED);
		assertThat(results.get("2.txt").outcome()).isEqualTo(Outcome.FAILED);
		assertThat(results.get("2.txt").code()).isEqualTo("TOTAL_TOO_LARGE");
		assertThat(results.get("2.txt").reason()).startsWith("The archive’s limit");
		assertThat(count("select count(*) from reply where index_number = ?", two.indexNumber())).isZero();
	}

	@Test
	void aLetterThatNamesNoSessionTakesTheRunsSessionOrFails() throws IOException {
		Letter letter = letter();
		String text = letter.text().replace("你们在" + letter.session().name() + "期间提出的", "你们提出的");
		Files.writeString(this.dir.resolve("1.txt"), text);

		BulkLetterResult without = run(this.dir).get("1.txt");
		assertThat(without.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(without.code()).isEqualTo("SESSION_MISSING");

		BulkOptions options = new BulkOptions(letter.session().name(), ResultClass.C, null, Locale.SIMPLIFIED_CHINESE,
				OPTIONS.maxEntryBytes(), OPTIONS.maxTotalBytes());
		BulkLetterResult with = index(this.bulk.importArchive(this.dir, options, new BulkImportService.Progress() {
		})).get("1.txt");
		assertThat(with.outcome()).isEqualTo(Outcome.IMPORTED);
		assertThat(this.jdbc.queryForObject(
				"select p.session_id from reply r join proposal p on p.id = r.proposal_id where r.id = ?", Long.class,
				with.replyId()))
			.isEqualTo(letter.session().id());
	}

	@Test
	void proposalsCreatedFromAnArchiveAreMarkedAsHistoricalWhereCoordinatorsSeeThem() throws Exception {
		Letter letter = letter();
		Files.writeString(this.dir.resolve("1.txt"), letter.text());
		long reply = run(this.dir).get("1.txt").replyId();
		long proposal = proposalOf(reply);
		Scenario s = this.data.scenario();
		Viewer coordinator = Viewer.coordinator("boss");

		this.mvc.perform(get("/workspace/coordinator/proposals/" + proposal).with(as(coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("历史档案导入（编号、标题和领衔代表取自答复函，未经登记）")));
		this.mvc
			.perform(get("/workspace/coordinator/proposals").param("session", letter.session().id().toString())
				.with(as(coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("class=\"badge historical\"")));
		// a registered proposal is not
		this.mvc.perform(get("/workspace/coordinator/proposals/" + s.proposalId()).with(as(coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("在本系统登记")))
			.andExpect(content().string(not(containsString("历史档案导入"))));
		this.mvc
			.perform(get("/workspace/coordinator/proposals").param("session", String.valueOf(s.sessionId()))
				.with(as(coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("badge historical"))));
	}

	private void assertIssued(BulkLetterResult result, Letter letter, String file) {
		assertThat(result.indexNumber()).isEqualTo(letter.indexNumber());
		Map<String, Object> reply = this.jdbc.queryForMap(
				"select r.status, r.index_number, r.result_class, u.org_code, u.name as unit, p.number, p.session_id,"
						+ " p.status as proposal_status, p.origin, (r.issued_at at time zone 'Asia/Shanghai')::date as issued_on"
						+ " from reply r join handling_unit u on u.id = r.unit_id join proposal p on p.id = r.proposal_id"
						+ " where r.id = ?",
				result.replyId());
		assertThat(reply).containsEntry("status", "ISSUED")
			.containsEntry("index_number", letter.indexNumber())
			.containsEntry("result_class", "B")
			.containsEntry("org_code", "IMP" + letter.n())
			.containsEntry("unit", "测试办公室" + letter.n())
			.containsEntry("number", letter.number())
			.containsEntry("session_id", letter.session().id())
			.containsEntry("proposal_status", "REPLIED")
			.containsEntry("origin", "IMPORTED_ARCHIVE");
		assertThat(reply.get("issued_on").toString()).isEqualTo("2022-11-06");
		assertThat(this.jdbc.queryForMap("select source_kind, source_name from letter_import where reply_id = ?",
				result.replyId()))
			.containsEntry("source_kind", "BULK")
			.containsEntry("source_name", file);
		assertThat(count("select count(*) from reply_section where reply_id = ?", result.replyId())).isEqualTo(7);
	}

	private Long proposalOf(long replyId) {
		return this.jdbc.queryForObject("select proposal_id from reply where id = ?", Long.class, replyId);
	}

	/** A unique copy of the sample letter, issued by a unique unit. */
	private Letter letter() {
		Letter letter = ImportLetters.unique(this.congress);
		return letter.replace("衢州市人民政府办公室\n2022年11月6日", "测试办公室" + letter.n() + "\n2022年11月6日");
	}

	private Map<String, BulkLetterResult> run(Path source) throws IOException {
		return index(this.bulk.importArchive(source, OPTIONS, new BulkImportService.Progress() {
		}));
	}

	private static Map<String, BulkLetterResult> index(BulkSummary summary) {
		return summary.results().stream().collect(Collectors.toMap(BulkLetterResult::file, Function.identity()));
	}

	private long count(String sql, Object... args) {
		return this.jdbc.queryForObject(sql, Long.class, args);
	}

	static byte[] zip(Map<String, byte[]> entries) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(bytes)) {
			for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
				out.putNextEntry(new ZipEntry(entry.getKey()));
				out.write(entry.getValue());
				out.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

}
