package org.dafu.original.web;

import org.dafu.original.OriginalRefusedException;
import org.dafu.original.OriginalService;
import org.dafu.original.OriginalView;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.dafu.access.AccessPolicy;
import org.dafu.access.Viewer;
import org.dafu.platform.web.forms.Flash;
import org.dafu.reply.ReplyService;
import org.dafu.reply.ReplyView;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 答复原件: its download, for whoever may read the reply, and the page where the reply's unit
 * attaches it (or a new version).
 */
@Controller
class OriginalController {

	static final String ATTACH_VIEW = "original/attach";

	private final OriginalService originals;

	private final ReplyService replies;

	private final AccessPolicy access;

	OriginalController(OriginalService originals, ReplyService replies, AccessPolicy access) {
		this.originals = originals;
		this.replies = replies;
		this.access = access;
	}

	/**
	 * The newest version as an attachment (never shown inline), its type from its bytes,
	 * its name given as RFC 6266 / RFC 5987 say; 404 when the viewer may not read the
	 * reply or it has no original.
	 */
	@GetMapping("/replies/{replyId:[0-9]{1,18}}/original")
	ResponseEntity<byte[]> download(@PathVariable long replyId) {
		OriginalService.Download download = this.originals.download(this.access.currentViewer(), replyId);
		OriginalView original = download.original();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(original.type().mediaType()))
			.contentLength(download.content().length)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(original.downloadName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "private, no-cache")
			.eTag("\"" + original.sha256() + "\"")
			.body(download.content());
	}

	@GetMapping("/workspace/unit/replies/{replyId:[0-9]{1,18}}/original")
	String page(@PathVariable long replyId, Model model) {
		return page(replyId, model, null);
	}

	@PostMapping("/workspace/unit/replies/{replyId:[0-9]{1,18}}/original")
	String attach(@PathVariable long replyId, @RequestParam(name = "file", required = false) MultipartFile file,
			Model model, HttpServletResponse response, RedirectAttributes redirect) throws IOException {
		Viewer viewer = this.access.currentViewer();
		try {
			OriginalView attached = this.originals.attach(viewer, replyId,
					(file != null) ? file.getOriginalFilename() : null, (file != null) ? file.getBytes() : null);
			Flash.notice(redirect, "original.attached", attached.version());
			return "redirect:/workspace/unit/replies/" + replyId + "/original";
		}
		catch (OriginalRefusedException ex) {
			response.setStatus(OriginalRefusedException.TOO_LARGE.equals(ex.code())
					? HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE : HttpServletResponse.SC_BAD_REQUEST);
			return page(replyId, model, "original.error." + ex.code());
		}
	}

	private String page(long replyId, Model model, String error) {
		Viewer viewer = this.access.currentViewer();
		ReplyView reply = this.replies.ofOwnUnit(viewer, replyId);
		model.addAttribute("reply", reply);
		model.addAttribute("versions",
				reply.isIssued() ? this.originals.versions(viewer, replyId) : java.util.List.of());
		model.addAttribute("maxMegabytes", megabytes(this.originals.maxBytes()));
		model.addAttribute("error", error);
		return ATTACH_VIEW;
	}

	static String megabytes(long bytes) {
		return BigDecimal.valueOf(bytes)
			.divide(BigDecimal.valueOf(1024 * 1024), 0, RoundingMode.HALF_UP)
			.toPlainString();
	}

}
