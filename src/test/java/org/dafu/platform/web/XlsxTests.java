package org.dafu.platform.web;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workbook streams: of a sheet of 100,000 rows only the last {@value Xlsx#WINDOW} are
 * held in memory, the others already written to the temporary file.
 */
class XlsxTests {

	@Test
	void aHundredThousandRowsKeepOnlyTheWindowInMemory() throws IOException {
		try (Xlsx xlsx = new Xlsx()) {
			Xlsx.Sheet sheet = xlsx.sheet("答复", List.of("a", "b", "c"), 10, 10, 10);
			for (int i = 0; i < 100_000; i++) {
				sheet.row().text("=1+" + i).number(i).date(LocalDate.of(2022, 1, 1).plusDays(i % 365));
			}
			assertThat(sheet.rows()).isEqualTo(100_001);
			assertThat(sheet.poi().getLastFlushedRowNum()).isGreaterThanOrEqualTo(100_000 - Xlsx.WINDOW);
			assertThat((Object) sheet.poi().getRow(0)).as("the header is flushed").isNull();
			assertThat((Object) sheet.poi().getRow(100_000 - Xlsx.WINDOW)).as("flushed").isNull();
			assertThat((Object) sheet.poi().getRow(100_000)).as("the last row is in the window").isNotNull();
			long[] written = { 0 };
			xlsx.write(new OutputStream() {
				@Override
				public void write(int b) {
					written[0]++;
				}

				@Override
				public void write(byte[] b, int off, int len) {
					written[0] += len;
				}
			});
			assertThat(written[0]).isGreaterThan(100_000);
		}
	}

	@Test
	void formulaLikeTextIsRecognisedAsTheCsvRecognisesIt() {
		for (String risky : List.of("=cmd|' /C calc'!A0", "+1", "-1", "@SUM(A1)", "\tx", "\rx")) {
			assertThat(Xlsx.looksLikeFormula(risky)).as(risky).isTrue();
		}
		for (String plain : List.of("光伏=1", "<script>", "", "1-2")) {
			assertThat(Xlsx.looksLikeFormula(plain)).as(plain).isFalse();
		}
		assertThat(Xlsx.looksLikeFormula(null)).isFalse();
	}

	@Test
	void fileNamesAreSafeAndKeepTheirChineseInFilenameStar() {
		String header = Xlsx.attachment("stats/\"x\".xlsx", "2022年/会议\"统计\r\n.xlsx");
		assertThat(header).startsWith("attachment; filename=\"stats__x_.xlsx\"; filename*=UTF-8''")
			.contains("filename*=UTF-8''2022%E5%B9%B4_")
			.doesNotContain("/")
			.doesNotContain("\r")
			.doesNotContain("\n");
	}

}
