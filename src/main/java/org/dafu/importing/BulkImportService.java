package org.dafu.importing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dafu.importing.BulkLetterResult.Outcome;
import org.dafu.importing.LetterArchive.ArchiveRefusal;
import org.dafu.importing.LetterArchive.Entry;
import org.dafu.letter.LetterFormatException;
import org.dafu.letter.ParsedLetter;
import org.dafu.platform.IllegalTransitionException;
import org.dafu.platform.web.LogSafe;
import org.dafu.reply.DuplicateIndexNumberException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * Imports an archive of past, already issued letters (a folder or a zip of .txt and .docx
 * files) as issued replies, each letter in its own transaction: one bad letter neither
 * stops nor undoes the others. A letter whose 索引号 is already in the portal is skipped, so
 * running it again over the same archive changes nothing. See docs/importing.md.
 */
@Service
public class BulkImportService {

	private static final Logger log = LoggerFactory.getLogger(BulkImportService.class);

	private static final String ALREADY_PRESENT = "ALREADY_PRESENT";

	private static final String DUPLICATE_IN_ARCHIVE = "DUPLICATE_IN_ARCHIVE";

	private static final String INDEX_NUMBER_MISSING = "INDEX_NUMBER_MISSING";

	private final ImportService imports;

	private final ArchivedLetters letters;

	private final MessageSource messages;

	BulkImportService(ImportService imports, ArchivedLetters letters, MessageSource messages) {
		this.imports = imports;
		this.letters = letters;
		this.messages = messages;
	}

	/** The largest letter the import reads, in bytes. */
	public long maxLetterBytes() {
		return this.imports.maxBytes();
	}

	/**
	 * Imports every letter of a folder or zip file.
	 * @param source the folder or the zip file
	 * @param options how to import
	 * @param progress told of the number of letters, then of each file's outcome
	 * @return every file with its outcome
	 * @throws IOException when the archive cannot be opened or listed (nothing was
	 * imported)
	 */
	public BulkSummary importArchive(Path source, BulkOptions options, Progress progress) throws IOException {
		long start = System.nanoTime();
		List<BulkLetterResult> results = new ArrayList<>();
		Map<String, String> seen = new HashMap<>();
		try (LetterArchive archive = LetterArchive.open(source, options.maxEntryBytes(), options.maxTotalBytes())) {
			progress.started(archive.letterCount());
			for (Entry entry : archive.entries()) {
				BulkLetterResult result = (entry.refusal() != null) ? refused(entry, options)
						: importLetter(archive, entry, options, seen);
				results.add(result);
				progress.done(result);
			}
		}
		return new BulkSummary(results, Duration.ofNanos(System.nanoTime() - start));
	}

	private BulkLetterResult refused(Entry entry, BulkOptions options) {
		return result(entry, null, LetterArchive.ignored(entry) ? Outcome.IGNORED : Outcome.FAILED, entry.refusal(),
				bulkReason(entry.refusal(), options, sizeArgument(entry.refusal(), options)));
	}

	private BulkLetterResult importLetter(LetterArchive archive, Entry entry, BulkOptions options,
			Map<String, String> seen) {
		String indexNumber = null;
		try {
			ParsedLetter letter = this.imports.parseFile(archive.read(entry), entry.name()).letter();
			indexNumber = letter.metadata().indexNumber();
			if (indexNumber == null || indexNumber.isBlank()) {
				return result(entry, null, Outcome.FAILED, INDEX_NUMBER_MISSING,
						bulkReason(INDEX_NUMBER_MISSING, options));
			}
			if (!ImportService.INDEX_NUMBER.matcher(indexNumber).matches()) {
				return failed(entry, indexNumber, ImportRefusedException.INDEX_NUMBER_MALFORMED, "importing.refused.",
						options);
			}
			String earlier = seen.get(indexNumber);
			if (earlier != null) {
				return result(entry, indexNumber, Outcome.FAILED, DUPLICATE_IN_ARCHIVE,
						bulkReason(DUPLICATE_IN_ARCHIVE, options, earlier));
			}
			if (this.imports.isKnownIndexNumber(indexNumber)) {
				return skipped(entry, indexNumber, options);
			}
			long reply = this.letters.record(letter, entry.name(), options);
			seen.put(indexNumber, entry.name());
			return new BulkLetterResult(entry.name(), indexNumber, Outcome.IMPORTED, null, "", reply);
		}
		catch (ArchiveRefusal ex) {
			return result(entry, indexNumber, Outcome.FAILED, ex.code(),
					bulkReason(ex.code(), options, sizeArgument(ex.code(), options)));
		}
		catch (LetterFormatException ex) {
			return failed(entry, indexNumber, ex.code(), "importing.error.", options, megabytes(options));
		}
		catch (ImportRefusedException ex) {
			if (ImportRefusedException.DUPLICATE_INDEX_NUMBER.equals(ex.code())) {
				return skipped(entry, indexNumber, options);
			}
			return failed(entry, indexNumber, ex.code(), "importing.refused.", options, ex.args());
		}
		catch (DuplicateIndexNumberException ex) {
			return skipped(entry, indexNumber, options);
		}
		catch (BulkRefusal ex) {
			return result(entry, indexNumber, Outcome.FAILED, ex.code(), bulkReason(ex.code(), options, ex.args()));
		}
		catch (IllegalTransitionException ex) {
			return result(entry, indexNumber, Outcome.FAILED, "PROPOSAL_STATE", bulkReason("PROPOSAL_STATE", options));
		}
		catch (DataIntegrityViolationException ex) {
			log.warn("Bulk import: {} conflicts with the database: {}", LogSafe.of(entry.name()),
					ex.getMostSpecificCause().getClass().getSimpleName());
			return result(entry, indexNumber, Outcome.FAILED, "CONFLICT", bulkReason("CONFLICT", options));
		}
		catch (IOException ex) {
			return result(entry, indexNumber, Outcome.FAILED, "UNREADABLE", bulkReason("UNREADABLE", options));
		}
		catch (RuntimeException ex) {
			log.error("Bulk import: {} failed", LogSafe.of(entry.name()), ex);
			return result(entry, indexNumber, Outcome.FAILED, "UNEXPECTED",
					bulkReason("UNEXPECTED", options, ex.getClass().getSimpleName()));
		}
	}

	private BulkLetterResult skipped(Entry entry, String indexNumber, BulkOptions options) {
		return result(entry, indexNumber, Outcome.SKIPPED, ALREADY_PRESENT, bulkReason(ALREADY_PRESENT, options));
	}

	private BulkLetterResult failed(Entry entry, String indexNumber, String code, String prefix, BulkOptions options,
			Object... args) {
		return result(entry, indexNumber, Outcome.FAILED, code,
				this.messages.getMessage(prefix + code, args, code, options.locale()));
	}

	private static BulkLetterResult result(Entry entry, String indexNumber, Outcome outcome, String code,
			String reason) {
		return new BulkLetterResult(entry.name(), indexNumber, outcome, code, reason, null);
	}

	private String bulkReason(String code, BulkOptions options, Object... args) {
		return this.messages.getMessage("importing.bulk.reason." + code, args, code, options.locale());
	}

	private static Object[] sizeArgument(String code, BulkOptions options) {
		if (ArchiveRefusal.TOTAL_TOO_LARGE.equals(code)) {
			return new Object[] { options.maxTotalBytes() / (1024 * 1024) };
		}
		return megabytes(options);
	}

	private static Object[] megabytes(BulkOptions options) {
		return new Object[] { String.format(java.util.Locale.ROOT, "%.1f", options.maxEntryBytes() / 1048576.0) };
	}

	/** Told as the import goes. */
	public interface Progress {

		/** Before the first letter: how many letters will be read. */
		default void started(int letters) {
		}

		/** After each file of the archive. */
		default void done(BulkLetterResult result) {
		}

	}

}
