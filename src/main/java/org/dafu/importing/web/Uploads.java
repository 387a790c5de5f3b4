package org.dafu.importing.web;

import org.dafu.importing.ImportService;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

import jakarta.servlet.http.HttpServletRequest;

import org.dafu.letter.LetterFormatException;

import org.springframework.web.multipart.MultipartFile;

/**
 * Reading a letter from what was sent, for the import page and the import API: an
 * uploaded file, or a request body in the charset it declares. Nothing larger than the
 * import's limit is kept.
 */
final class Uploads {

	private Uploads() {
	}

	static ImportService.Read readFile(ImportService imports, MultipartFile file) throws IOException {
		String name = safeFilename(file.getOriginalFilename());
		if (file.getSize() > imports.maxBytes()) {
			throw new LetterFormatException(LetterFormatException.TOO_LARGE, "too large");
		}
		return imports.parseFile(file.getBytes(), name);
	}

	/** Reads at most one byte more than allowed, so that a huge body is not kept. */
	static ImportService.Read readBody(ImportService imports, HttpServletRequest request) throws IOException {
		if (request.getContentLengthLong() > imports.maxBytes()) {
			throw new LetterFormatException(LetterFormatException.TOO_LARGE, "too large");
		}
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			body = in.readNBytes((int) imports.maxBytes() + 1);
		}
		if (body.length > imports.maxBytes()) {
			throw new LetterFormatException(LetterFormatException.TOO_LARGE, "too large");
		}
		Charset declared = declaredCharset(request.getCharacterEncoding());
		if (declared == null || declared.equals(StandardCharsets.UTF_8) || body.length == 0) {
			return imports.parseFile(body, "body.txt");
		}
		return imports.parseText(new String(body, declared));
	}

	private static Charset declaredCharset(String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		try {
			return Charset.forName(name.strip());
		}
		catch (IllegalCharsetNameException | UnsupportedCharsetException ex) {
			throw new LetterFormatException(LetterFormatException.BINARY, "unknown charset");
		}
	}

	/** Only the last segment of an uploaded file's name, without control characters. */
	static String safeFilename(String filename) {
		if (filename == null) {
			return null;
		}
		String name = filename.substring(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1);
		name = name.replaceAll("\\p{Cntrl}", "").strip();
		return name.isEmpty() ? null : name.substring(0, Math.min(name.length(), 255));
	}

	static String megabytes(long bytes) {
		return String.valueOf(Math.round(bytes / (1024.0 * 1024.0) * 10) / 10.0).replaceAll("\\.0$", "");
	}

}
