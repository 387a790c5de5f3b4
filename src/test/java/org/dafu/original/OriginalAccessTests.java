package org.dafu.original;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.dafu.access.Viewer;
import org.dafu.reply.DisclosureMode;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dafu.testing.AsViewer.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 答复原件 through its routes: who may attach it, what a bad file gets (a clear message,
 * nothing stored), who may download it (the access policy: the original of a non-public
 * reply is "not found" for the public and anyone else who may not read the reply), and
 * how it is served (an attachment with a safe name, its own type, nosniff).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class OriginalAccessTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theOriginalOfANonPublicReplyIsServedOnlyToThoseWhoMayReadTheReply() throws Exception {
		Scenario s = this.data.scenario();
		long reply = this.data.issued(s, DisclosureMode.NOT_PUBLIC, "不公开原件");
		byte[] pdf = Originals.pdf("不公开原件");
		this.mvc.perform(upload(reply, "答复原件（签章）.pdf", pdf).with(as(s.official())))
			.andExpect(status().is3xxRedirection());

		// the public and the viewers who may not read the reply: not found, no file
		for (Viewer stranger : List.of(s.bystander(), s.otherOfficial())) {
			MockHttpServletResponse refused = this.mvc.perform(get("/replies/{id}/original", reply).with(as(stranger)))
				.andReturn()
				.getResponse();
			assertThat(refused.getStatus()).as(stranger.username()).isEqualTo(404);
			assertThat(refused.getContentAsString()).as(stranger.username()).doesNotContain("%PDF-");
			assertThat(refused.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		}
		MockHttpServletResponse anonymous = this.mvc.perform(get("/replies/{id}/original", reply))
			.andReturn()
			.getResponse();
		assertThat(anonymous.getStatus()).isEqualTo(404);
		assertThat(anonymous.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(anonymous.getContentAsString()).doesNotContain("不公开原件");

		// the proposal's deputies, its unit and the coordinators get the file
		for (Viewer reader : List.of(s.lead(), s.cosigner(), s.official(), Viewer.coordinator("boss"))) {
			MockHttpServletResponse served = this.mvc.perform(get("/replies/{id}/original", reply).with(as(reader)))
				.andReturn()
				.getResponse();
			assertThat(served.getStatus()).as(reader.username()).isEqualTo(200);
			assertThat(served.getContentAsByteArray()).isEqualTo(pdf);
			assertThat(served.getContentType()).isEqualTo("application/pdf");
			assertThat(served.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
			String disposition = served.getHeader("Content-Disposition");
			assertThat(disposition).startsWith("attachment;")
				.contains(
						"filename*=UTF-8''%E7%AD%94%E5%A4%8D%E5%8E%9F%E4%BB%B6%EF%BC%88%E7%AD%BE%E7%AB%A0%EF%BC%89.pdf")
				.doesNotContain("/")
				.doesNotContain("\r")
				.doesNotContain("\n");
		}
	}

	@Test
	void aPublicReplysOriginalIsLinkedFromItsLetterAndServedToEveryone() throws Exception {
		Scenario s = this.data.scenario();
		long reply = this.data.issued(s, DisclosureMode.PROACTIVE, "公开原件");
		this.mvc.perform(get("/replies/{id}", reply))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("original-download"))))
			.andExpect(content().string(containsString("id=\"print-letter\"")))
			.andExpect(content().string(containsString("/js/print.js")));
		byte[] ofd = Originals.ofd();
		this.mvc.perform(upload(reply, "reply.ofd", ofd).with(as(s.official()))).andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/replies/{id}", reply))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/replies/" + reply + "/original\"")))
			.andExpect(content().string(containsString("下载答复原件（OFD")));
		MockHttpServletResponse served = this.mvc.perform(get("/replies/{id}/original", reply))
			.andReturn()
			.getResponse();
		assertThat(served.getStatus()).isEqualTo(200);
		assertThat(served.getContentType()).isEqualTo("application/ofd");
		assertThat(served.getContentAsByteArray()).isEqualTo(ofd);
		assertThat(served.getHeader("Content-Disposition")).startsWith("attachment;").contains("reply.ofd");
		assertThat(served.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
	}

	@Test
	void anotherUnitCannotAttachAndNeitherCanDeputiesOrCoordinators() throws Exception {
		Scenario s = this.data.scenario();
		long hidden = this.data.issued(s, DisclosureMode.NOT_PUBLIC, "他单位原件");
		long open = this.data.issued(s, DisclosureMode.PROACTIVE, "他单位公开原件");
		byte[] pdf = Originals.pdf("他单位");
		this.mvc.perform(upload(hidden, "a.pdf", pdf).with(as(s.otherOfficial()))).andExpect(status().isNotFound());
		this.mvc.perform(upload(open, "a.pdf", pdf).with(as(s.otherOfficial()))).andExpect(status().isForbidden());
		this.mvc.perform(get("/workspace/unit/replies/{id}/original", open).with(as(s.otherOfficial())))
			.andExpect(status().isNotFound());
		this.mvc.perform(upload(open, "a.pdf", pdf).with(as(s.lead()))).andExpect(status().isForbidden());
		this.mvc.perform(upload(open, "a.pdf", pdf).with(as(Viewer.coordinator("boss"))))
			.andExpect(status().isForbidden());
		this.mvc.perform(upload(open, "a.pdf", pdf)).andExpect(status().is3xxRedirection()); // to
																								// sign
																								// in
		// without the CSRF token, even the unit is refused
		this.mvc
			.perform(multipart("/workspace/unit/replies/{id}/original", open)
				.file(new MockMultipartFile("file", "a.pdf", "application/pdf", pdf))
				.with(as(s.official())))
			.andExpect(status().isForbidden());
		assertThat(versions(hidden) + versions(open)).isZero();
	}

	@Test
	void badFilesGetAClearMessageAndNothingIsStored() throws Exception {
		Scenario s = this.data.scenario();
		long reply = this.data.issued(s, DisclosureMode.PROACTIVE, "坏文件");
		expectRefused(uploadByItsUnit(reply, "reply.pdf", Originals.html()), 400, "文件不是 PDF 或 OFD");
		expectRefused(uploadByItsUnit(reply, "reply.pdf", "只是文字".getBytes(StandardCharsets.UTF_8)), 400,
				"文件不是 PDF 或 OFD");
		expectRefused(uploadByItsUnit(reply, "reply.pdf", new byte[0]), 400, "上传的文件是空的");
		expectRefused(uploadByItsUnit(reply, "../../etc/reply.pdf", Originals.pdf("坏名")), 400, "文件名不可用");
		byte[] big = new byte[20 * 1024 * 1024 + 1];
		byte[] header = Originals.pdf("大");
		System.arraycopy(header, 0, big, 0, header.length);
		expectRefused(uploadByItsUnit(reply, "big.pdf", big), 413, "答复原件不能超过 20 MB");
		// a draft has no original yet
		long draft = this.data.draft(s, "草稿原件");
		expectRefused(uploadByItsUnit(draft, "reply.pdf", Originals.pdf("草稿")), 400, "答复尚未签发");
		assertThat(versions(reply) + versions(draft)).isZero();
		this.mvc.perform(upload(reply, "reply.pdf", Originals.html()).with(as(s.official())).param("lang", "en"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Not a PDF or OFD file")));
	}

	@Test
	void attachingAgainAddsAVersionAndKeepsTheEarlierOnes() throws Exception {
		Scenario s = this.data.scenario();
		long reply = this.data.issued(s, DisclosureMode.PROACTIVE, "版本");
		byte[] first = Originals.pdf("第一版");
		byte[] second = Originals.ofd();
		this.mvc.perform(upload(reply, "v1.pdf", first).with(as(s.official()))).andExpect(status().is3xxRedirection());
		this.mvc.perform(upload(reply, "v2.ofd", second).with(as(s.official()))).andExpect(status().is3xxRedirection());
		assertThat(this.jdbc
			.sql("select version || ' ' || file_name || ' ' || sha256 || ' ' || size_bytes from reply_original"
					+ " where reply_id = ? order by version")
			.param(reply)
			.query(String.class)
			.list()).containsExactly("1 v1.pdf " + OriginalService.sha256(first) + " " + first.length,
					"2 v2.ofd " + OriginalService.sha256(second) + " " + second.length);
		assertThat(this.mvc.perform(get("/replies/{id}/original", reply))
			.andReturn()
			.getResponse()
			.getContentAsByteArray()).isEqualTo(second);
		this.mvc.perform(get("/workspace/unit/replies/{id}/original", reply).with(as(s.official())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("v1.pdf")))
			.andExpect(content().string(containsString("v2.ofd")))
			.andExpect(content().string(containsString(OriginalService.sha256(first))));
	}

	private void expectRefused(MockMultipartHttpServletRequestBuilder upload, int status, String message)
			throws Exception {
		MockHttpServletResponse response = this.mvc.perform(upload).andReturn().getResponse();
		assertThat(response.getStatus()).as(message).isEqualTo(status);
		assertThat(response.getContentAsString()).as(message).contains(message).contains("original-error");
	}

	/** The upload form's post, with its CSRF token, signed in as nobody yet. */
	private MockMultipartHttpServletRequestBuilder upload(long reply, String name, byte[] bytes) {
		return multipart("/workspace/unit/replies/{id}/original", reply)
			.file(new MockMultipartFile("file", name, "application/octet-stream", bytes))
			.with(csrf());
	}

	/** The same, by an official of the reply's unit. */
	private MockMultipartHttpServletRequestBuilder uploadByItsUnit(long reply, String name, byte[] bytes) {
		long unit = this.jdbc.sql("select unit_id from reply where id = ?").param(reply).query(Long.class).single();
		return upload(reply, name, bytes).with(as(Viewer.official("official-of-" + unit, unit)));
	}

	private int versions(long reply) {
		return this.jdbc.sql("select count(*) from reply_original where reply_id = ?")
			.param(reply)
			.query(Integer.class)
			.single();
	}

}
