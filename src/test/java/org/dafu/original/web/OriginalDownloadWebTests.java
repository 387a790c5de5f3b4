package org.dafu.original.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.dafu.access.Viewer;
import org.dafu.original.OriginalFileType;
import org.dafu.original.OriginalService;
import org.dafu.original.OriginalView;
import org.dafu.platform.web.NotFoundException;
import org.dafu.reply.ReplyService;
import org.dafu.testing.AsViewer;
import org.dafu.testing.WebSlice;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 答复原件's download: always an attachment, its type from its bytes, its Chinese name
 * encoded as RFC 6266 says, the same 404 for a hidden reply and a missing original; and
 * who may attach one. In a web slice.
 */
@WebSlice(OriginalController.class)
class OriginalDownloadWebTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	OriginalService originals;

	@MockitoBean
	ReplyService replies;

	@Test
	void theOriginalIsAnAttachmentNamedAndTypedFromItsBytes() throws Exception {
		byte[] pdf = "%PDF-1.7 signed".getBytes(StandardCharsets.US_ASCII);
		OriginalView original = new OriginalView(4L, 2, "答复原件", OriginalFileType.PDF, pdf.length, "abc123", "official",
				Instant.parse("2022-11-06T06:30:00Z"));
		given(this.originals.download(Viewer.anonymous(), 4L)).willReturn(new OriginalService.Download(original, pdf));

		this.mvc.perform(get("/replies/4/original"))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"))
			.andExpect(content().bytes(pdf))
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(header().string("Content-Disposition",
					containsString("filename*=UTF-8''%E7%AD%94%E5%A4%8D%E5%8E%9F%E4%BB%B6.pdf")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Cache-Control", "private, no-cache"))
			.andExpect(header().string("ETag", "\"abc123\""));
	}

	@Test
	void aHiddenReplyOrAMissingOriginalIsA404() throws Exception {
		given(this.originals.download(Viewer.anonymous(), 5L)).willThrow(new NotFoundException("original", 5L));

		this.mvc.perform(get("/replies/5/original")).andExpect(status().isNotFound());
	}

	@Test
	void onlyUnitOfficialsAttachAndOnlyWithTheFormsToken() throws Exception {
		this.mvc
			.perform(multipart("/workspace/unit/replies/4/original").file("file", new byte[] { 1 })
				.with(AsViewer.as(Viewer.coordinator("original-coordinator")))
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(multipart("/workspace/unit/replies/4/original").file("file", new byte[] { 1 })
				.with(AsViewer.as(Viewer.official("original-official", 2L))))
			.andExpect(status().isForbidden());
		verifyNoInteractions(this.originals, this.replies);
	}

}
