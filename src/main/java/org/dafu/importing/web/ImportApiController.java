package org.dafu.importing.web;

import org.dafu.importing.ImportRefusedException;
import org.dafu.importing.ImportService;
import org.dafu.importing.ImportSource;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.dafu.access.AccessPolicy;
import org.dafu.access.Viewer;
import org.dafu.letter.LetterFormatException;
import org.dafu.letter.ParsedLetter;
import org.dafu.platform.web.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The import API for bulk migration by unit officials (HTTP Basic, stateless): the body
 * is the letter as {@code text/plain} (UTF-8, or the charset it declares; GB18030/GBK is
 * detected when none is declared) or a multipart field {@code file} (.txt or .docx).
 * {@code /preview} answers with the parse and writes nothing; {@code /api/v1/imports}
 * saves the letter as a draft of the official's unit, like the import page's confirm.
 */
@RestController
@Tag(name = "imports", description = "Bulk import of reply letters by unit officials (HTTP Basic)")
class ImportApiController {

	private static final Logger log = LoggerFactory.getLogger(ImportApiController.class);

	private final ImportService imports;

	private final AccessPolicy access;

	private final MessageSource messages;

	ImportApiController(ImportService imports, AccessPolicy access, MessageSource messages) {
		this.imports = imports;
		this.access = access;
		this.messages = messages;
	}

	@Operation(operationId = "previewImport", summary = "Parse a letter and answer with what was read; writes nothing",
			security = @SecurityRequirement(name = "basic"),
			parameters = @Parameter(in = ParameterIn.HEADER, name = "X-Requested-By", required = true,
					description = "any value: a browser on another site cannot send it",
					schema = @Schema(type = "string")),
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = { @Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(type = "string")),
							@Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
									schema = @Schema(implementation = Upload.class)) }),
			responses = { @ApiResponse(responseCode = "200", description = "The letter as parsed"),
					@ApiResponse(responseCode = "400", ref = "#/components/responses/Problem"),
					@ApiResponse(responseCode = "401", ref = "#/components/responses/Problem"),
					@ApiResponse(responseCode = "403", ref = "#/components/responses/Problem"),
					@ApiResponse(responseCode = "413", ref = "#/components/responses/Problem"),
					@ApiResponse(responseCode = "415", ref = "#/components/responses/Problem"),
					@ApiResponse(responseCode = "422", ref = "#/components/responses/Problem") })
	@PostMapping(path = "/api/v1/imports/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ImportJson.Letter previewFile(@RequestPart("file") MultipartFile file) throws IOException {
		return json(Uploads.readFile(this.imports, file).letter());
	}

	@Hidden
	@PostMapping(path = "/api/v1/imports/preview", consumes = MediaType.TEXT_PLAIN_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ImportJson.Letter previewText(HttpServletRequest request) throws IOException {
		return json(Uploads.readBody(this.imports, request).letter());
	}

	@Operation(operationId = "importLetter", summary = "Save a letter as a draft reply of the official's unit",
			security = @SecurityRequirement(name = "basic"),
			parameters = @Parameter(in = ParameterIn.HEADER, name = "X-Requested-By", required = true,
					description = "any value: a browser on another site cannot send it",
					schema = @Schema(type = "string")),
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = { @Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(type = "string")),
							@Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
									schema = @Schema(implementation = Upload.class)) }),
			responses = {
					@ApiResponse(responseCode = "201", description = "Saved as a draft; Location is its edit page",
							headers = @Header(name = "Location", schema = @Schema(type = "string"))),
					@ApiResponse(responseCode = "400", ref = "#/components/responses/Problem"),
					@ApiResponse(responseCode = "401", ref = "#/components/responses/Problem"),
					@ApiResponse(responseCode = "403", ref = "#/components/responses/Problem"),
					@ApiResponse(responseCode = "409", ref = "#/components/responses/Problem"),
					@ApiResponse(responseCode = "413", ref = "#/components/responses/Problem"),
					@ApiResponse(responseCode = "415", ref = "#/components/responses/Problem"),
					@ApiResponse(responseCode = "422", ref = "#/components/responses/Problem") })
	@PostMapping(path = "/api/v1/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ImportJson.Created> importFile(@RequestPart("file") MultipartFile file,
			@RequestParam(required = false) Long sessionId, @RequestParam(required = false) String resultClass,
			@RequestParam(required = false) String disclosureReason) throws IOException {
		return save(Uploads.readFile(this.imports, file), Uploads.safeFilename(file.getOriginalFilename()), sessionId,
				resultClass, disclosureReason);
	}

	@Hidden
	@PostMapping(path = "/api/v1/imports", consumes = MediaType.TEXT_PLAIN_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ImportJson.Created> importText(HttpServletRequest request,
			@RequestParam(required = false) Long sessionId, @RequestParam(required = false) String resultClass,
			@RequestParam(required = false) String disclosureReason) throws IOException {
		return save(Uploads.readBody(this.imports, request), null, sessionId, resultClass, disclosureReason);
	}

	private ResponseEntity<ImportJson.Created> save(ImportService.Read read, String sourceName, Long sessionId,
			String resultClass, String disclosureReason) {
		Viewer viewer = this.access.currentViewer();
		long id = this.imports.confirmAsRead(viewer, read, ImportSource.API, sourceName, sessionId, resultClass,
				disclosureReason);
		log.info("letter imported through the API by {} as draft {}", LogSafe.of(viewer.username()), id);
		URI location = URI.create("/workspace/unit/replies/" + id + "/edit");
		return ResponseEntity.created(location).body(new ImportJson.Created(id, location.toString()));
	}

	private ImportJson.Letter json(ParsedLetter letter) {
		return ImportJson.of(letter, this.messages, LocaleContextHolder.getLocale());
	}

	@ExceptionHandler(LetterFormatException.class)
	ResponseEntity<ProblemDetail> unreadable(LetterFormatException ex) {
		log.info("import API input refused: {}", ex.code());
		HttpStatus status = switch (ex.code()) {
			case LetterFormatException.TOO_LARGE, LetterFormatException.TEXT_TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
			case LetterFormatException.UNSUPPORTED_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
			case LetterFormatException.NO_LETTER -> HttpStatus.UNPROCESSABLE_CONTENT;
			default -> HttpStatus.BAD_REQUEST;
		};
		return error(status, ex.code(), "importing.error." + ex.code());
	}

	@ExceptionHandler(ImportRefusedException.class)
	ResponseEntity<ProblemDetail> refused(ImportRefusedException ex) {
		log.info("import API refused: {}", ex.code());
		HttpStatus status = switch (ex.code()) {
			case ImportRefusedException.DUPLICATE_INDEX_NUMBER -> HttpStatus.CONFLICT;
			case ImportRefusedException.NOT_YOUR_PROPOSAL -> HttpStatus.FORBIDDEN;
			default -> HttpStatus.UNPROCESSABLE_CONTENT;
		};
		return error(status, ex.code(), "importing.refused." + ex.code(), ex.args());
	}

	/**
	 * An error as {@code application/problem+json} (RFC 9457), with the reason's code as
	 * {@code error}.
	 */
	private ResponseEntity<ProblemDetail> error(HttpStatus status, String code, String key, Object... args) {
		Locale locale = LocaleContextHolder.getLocale();
		Object[] arguments = (args.length > 0) ? args : new Object[] { Uploads.megabytes(this.imports.maxBytes()) };
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				this.messages.getMessage(key, arguments, locale));
		problem.setProperty("error", code);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/** The multipart form of the import operations. */
	record Upload(@Schema(type = "string", format = "binary",
			description = "the letter: .txt (UTF-8 or GB18030) or .docx") String file) {
	}

}
