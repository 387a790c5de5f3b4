package org.dafu.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.dafu.congress.BodyType;
import org.dafu.congress.CongressLevel;
import org.dafu.congress.CongressService;
import org.dafu.congress.SessionView;
import org.dafu.testing.TestData;

/**
 * The real Quzhou letter made unique for the shared test database: its session, proposal
 * number and 索引号 are replaced by fresh ones, so that tests never meet each other's (or
 * the demo's) rows.
 */
final class ImportLetters {

	static final String SAMPLE_SESSION = "市八届人大一次会议";

	static final String SAMPLE_INDEX_NUMBER = "11330800002618015K/2022-137066";

	static final List<String> HEADINGS = List.of("关于统筹产业发展,增创区域特色产业竞争新优势", "关于统筹招商引资,建立制造业招大引强联动落地新机制",
			"关于统筹“双碳”工作,实施碳达峰碳中和新方案", "关于统筹数字化改革,激发区域发展新活力", "关于统筹空间布局,促进城市人口新集聚", "关于统筹富民惠民政策,形成“扩中”“提低”新格局");

	private static final String DIGITS = "零壹贰叁肆伍陆柒捌玖";

	private ImportLetters() {
	}

	/** A unique letter: its own session (created here), number and 索引号. */
	record Letter(String text, SessionView session, int number, String indexNumber, int n) {

		Letter withIndexNumber(String other) {
			return new Letter(this.text.replace(this.indexNumber, other), this.session, this.number, other, this.n);
		}

		Letter withNumber(int other) {
			return new Letter(this.text.replace("(第" + this.number + "号)", "(第" + other + "号)"), this.session, other,
					this.indexNumber, this.n);
		}

		Letter replace(String from, String to) {
			return new Letter(this.text.replace(from, to), this.session, this.number, this.indexNumber, this.n);
		}

	}

	static Letter unique(CongressService congress) {
		int n = TestData.unique();
		String name = han(n % 10_000_000) + SAMPLE_SESSION;
		SessionView session = congress.createSession(BodyType.NPC, CongressLevel.values()[n % 3], 10 + (n / 60) % 90,
				1 + n % 20, 2022, name);
		int number = 1000 + n % 900_000;
		String indexNumber = "IMP" + n + "/2022-" + n;
		String text = sample().replace(SAMPLE_SESSION, name)
			.replace("(第4号)", "(第" + number + "号)")
			.replace(SAMPLE_INDEX_NUMBER, indexNumber);
		return new Letter(text, session, number, indexNumber, n);
	}

	/**
	 * A unique letter whose proposal is registered and assigned to the unit as lead, as
	 * an official's import needs.
	 */
	static Letter assigned(CongressService congress, TestData data, long unitId) {
		Letter letter = unique(congress);
		data.assignedProposal(letter.session().id(), letter.number(), data.deputy("朱伟正"), null, unitId,
				LocalDate.of(2022, 3, 1), null);
		return letter;
	}

	/** Seven Han digits (壹贰…), which the session name's prefix may hold. */
	private static String han(int n) {
		StringBuilder out = new StringBuilder();
		String digits = String.format("%07d", n);
		for (char c : digits.toCharArray()) {
			out.append(DIGITS.charAt(c - '0'));
		}
		return out.toString();
	}

	static String sample() {
		try (InputStream in = ImportLetters.class.getResourceAsStream("/letters/quzhou-2022-137066.txt")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The letter as a Word document: the {@code |} header lines become a table (one row
	 * per line), the other lines paragraphs.
	 */
	static byte[] docx(String text) {
		try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			List<List<String>> rows = new ArrayList<>();
			List<String> paragraphs = new ArrayList<>();
			for (String line : text.split("\n")) {
				if (line.contains("|")) {
					rows.add(Arrays.stream(line.split("\\|")).map(String::strip).filter((c) -> !c.isEmpty()).toList());
				}
				else {
					paragraphs.add(line);
				}
			}
			XWPFTable table = document.createTable(rows.size(), rows.get(0).size());
			for (int r = 0; r < rows.size(); r++) {
				XWPFTableRow row = table.getRow(r);
				for (int c = 0; c < rows.get(r).size(); c++) {
					row.getCell(c).setText(rows.get(r).get(c));
				}
			}
			for (String line : paragraphs) {
				document.createParagraph().createRun().setText(line);
			}
			document.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
