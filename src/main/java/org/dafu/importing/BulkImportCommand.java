package org.dafu.importing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.dafu.importing.BulkLetterResult.Outcome;
import org.dafu.reply.ResultClass;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Bulk import from the command line (docs/importing.md):
 *
 * <pre>
 * java -jar target/dafu-*.jar --spring.main.web-application-type=none \
 *   --dafu.bulk-import=/archive/letters.zip --dafu.bulk-import.result-class=B \
 *   --dafu.bulk-import.report=/archive/report.csv
 * </pre>
 *
 * Runs before any other start-up work (demo data, first account), then ends the process:
 * 0 when no letter failed, 2 when some failed, 1 when the import could not start.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class BulkImportCommand implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(BulkImportCommand.class);

	private final BulkImportService bulk;

	private final MessageSource messages;

	private final Environment environment;

	private final ConfigurableApplicationContext context;

	BulkImportCommand(BulkImportService bulk, MessageSource messages, Environment environment,
			ConfigurableApplicationContext context) {
		this.bulk = bulk;
		this.messages = messages;
		this.environment = environment;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		String source = this.environment.getProperty("dafu.bulk-import");
		if (source == null) {
			return;
		}
		int code = run(Path.of(source), System.out);
		System.exit(SpringApplication.exit(this.context, () -> code));
	}

	int run(Path source, PrintStream console) {
		Locale locale = Locale.forLanguageTag(this.environment.getProperty("dafu.bulk-import.lang", "zh-CN"));
		BulkOptions options;
		try {
			options = options(locale);
		}
		catch (IllegalArgumentException ex) {
			console.println(message("importing.bulk.cannotStart", locale, message(ex.getMessage(), locale)));
			return 1;
		}
		if (!Files.exists(source)) {
			console.println(message("importing.bulk.cannotStart", locale,
					message("importing.bulk.sourceMissing", locale, source)));
			return 1;
		}
		Path reportPath = Path.of(this.environment.getProperty("dafu.bulk-import.report", "bulk-import-report.csv"));
		ProgressBar bar = new ProgressBar(console, System.console() != null, System::nanoTime,
				(done, total, rate, failed) -> message("importing.bulk.progress", locale, done, total, rate, failed));
		try (BulkReport report = new BulkReport(
				new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(reportPath), StandardCharsets.UTF_8)),
				List.of(message("importing.bulk.report.file", locale),
						message("importing.bulk.report.indexNumber", locale),
						message("importing.bulk.report.outcome", locale),
						message("importing.bulk.report.reason", locale)))) {
			BulkSummary summary = this.bulk.importArchive(source, options, new BulkImportService.Progress() {
				@Override
				public void started(int letters) {
					bar.start(letters);
				}

				@Override
				public void done(BulkLetterResult result) {
					if (result.outcome() != Outcome.IGNORED) {
						bar.step(result.outcome() == Outcome.FAILED);
					}
					try {
						report.write(result);
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				}
			});
			bar.finish();
			console.println(message("importing.bulk.summary", locale, summary.count(Outcome.IMPORTED),
					summary.count(Outcome.SKIPPED), summary.count(Outcome.FAILED), summary.count(Outcome.IGNORED),
					String.format(Locale.ROOT, "%.1f", summary.elapsed().toMillis() / 1000.0),
					String.format(Locale.ROOT, "%.1f", summary.rate())));
			console.println(message("importing.bulk.report", locale, reportPath.toAbsolutePath()));
			return summary.exitCode();
		}
		catch (IOException | UncheckedIOException ex) {
			bar.finish();
			log.error("Bulk import could not run: {}", ex.getMessage());
			console.println(message("importing.bulk.cannotStart", locale, ex.getMessage()));
			return 1;
		}
	}

	private BulkOptions options(Locale locale) {
		ResultClass resultClass;
		try {
			resultClass = ResultClass.parse(this.environment.getProperty("dafu.bulk-import.result-class"));
		}
		catch (IllegalArgumentException ex) {
			resultClass = null;
		}
		if (resultClass == null) {
			throw new IllegalArgumentException("importing.bulk.resultClassMissing");
		}
		long maxLetter = this.bulk.maxLetterBytes();
		long maxTotal = this.environment
			.getProperty("dafu.bulk-import.max-total-size", DataSize.class, DataSize.ofGigabytes(2))
			.toBytes();
		return new BulkOptions(this.environment.getProperty("dafu.bulk-import.session"), resultClass,
				this.environment.getProperty("dafu.bulk-import.disclosure-reason"), locale, maxLetter, maxTotal);
	}

	private String message(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, key, locale);
	}

}
