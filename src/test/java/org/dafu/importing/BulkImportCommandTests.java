package org.dafu.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dafu.congress.CongressService;
import org.dafu.importing.ImportLetters.Letter;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command-line runner, without ending the JVM: its exit codes, its summary and its
 * CSV report.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class BulkImportCommandTests {

	@Autowired
	BulkImportService bulk;

	@Autowired
	MessageSource messages;

	@Autowired
	ConfigurableApplicationContext context;

	@Autowired
	CongressService congress;

	@TempDir
	Path dir;

	final ByteArrayOutputStream console = new ByteArrayOutputStream();

	@Test
	void someFailedLettersExitWithTwoAndTheReportSaysWhy() throws IOException {
		Path letters = Files.createDirectories(this.dir.resolve("letters"));
		Letter good = ImportLetters.unique(this.congress);
		good = good.replace("衢州市人民政府办公室\n2022年11月6日", "命令测试办公室" + good.n() + "\n2022年11月6日");
		Files.writeString(letters.resolve("good.txt"), good.text());
		Files.writeString(letters.resolve("=bad.txt"), "没有分段，也没有建议。");
		Path report = this.dir.resolve("report.csv");

		int code = command("--result-class=乙", "--report=" + report).run(letters, print());

		assertThat(code).isEqualTo(2);
		assertThat(output()).contains("导入完成：导入 1 封，已存在而跳过 0 封，失败 1 封").contains(report.toString());
		byte[] bytes = Files.readAllBytes(report);
		assertThat(new String(bytes, 0, 3, StandardCharsets.ISO_8859_1)).isEqualTo("\u00EF\u00BB\u00BF");
		List<CSVRecord> rows = CSVFormat.RFC4180.parse(Files.newBufferedReader(report, StandardCharsets.UTF_8))
			.getRecords();
		assertThat(rows.get(0).values()).containsExactly("\uFEFF文件", "索引号", "结果", "原因");
		assertThat(rows.get(1).values()).containsExactly("'=bad.txt", "", "FAILED", "未识别出答复函：既没有编号的分段，也没有建议的标题或编号。");
		assertThat(rows.get(2).values()).containsExactly("good.txt", good.indexNumber(), "IMPORTED", "");

		this.console.reset();
		Files.delete(letters.resolve("=bad.txt"));
		assertThat(command("--result-class=B", "--report=" + report, "--lang=en").run(letters, print())).isZero();
		assertThat(output()).contains("Import finished: 0 imported, 1 skipped as already present, 0 failed");
	}

	@Test
	void withoutAResultClassOrASourceItCannotStart() throws IOException {
		assertThat(command("--report=" + this.dir.resolve("r.csv")).run(this.dir, print())).isEqualTo(1);
		assertThat(output()).contains("--dafu.bulk-import.result-class");
		assertThat(command("--result-class=E", "--report=" + this.dir.resolve("r.csv")).run(this.dir, print()))
			.isEqualTo(1);
		this.console.reset();
		assertThat(command("--result-class=A", "--report=" + this.dir.resolve("r.csv"))
			.run(this.dir.resolve("missing.zip"), print())).isEqualTo(1);
		assertThat(output()).contains("找不到要导入的文件夹或压缩包");
		this.console.reset();
		Path notZip = Files.writeString(this.dir.resolve("x.zip"), "not a zip");
		assertThat(command("--result-class=A", "--report=" + this.dir.resolve("r.csv")).run(notZip, print()))
			.isEqualTo(1);
		assertThat(output()).contains("无法开始批量导入");
	}

	private BulkImportCommand command(String... options) {
		MockEnvironment environment = new MockEnvironment();
		for (String option : options) {
			String[] pair = option.substring(2).split("=", 2);
			environment.setProperty("dafu.bulk-import." + pair[0], pair[1]);
		}
		return new BulkImportCommand(this.bulk, this.messages, environment, this.context);
	}

	private PrintStream print() {
		return new PrintStream(this.console, true, StandardCharsets.UTF_8);
	}

	private String output() {
		return this.console.toString(StandardCharsets.UTF_8);
	}

}
