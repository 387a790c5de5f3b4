package org.dafu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module documentation that Spring Modulith's {@link Documenter} writes from the code
 * (the component diagram of all modules, one diagram and one canvas per module) goes to
 * {@code target/spring-modulith-docs}; a copy is committed in {@code docs/modules}. This
 * test fails when the copy no longer says what the code says (whitespace aside). To
 * regenerate: run this test and copy the files it wrote, as its message says
 * (docs/modules/README.md).
 */
class ModuleDocumentationTests {

	static final Path GENERATED = Path.of("target", "spring-modulith-docs");

	static final Path COMMITTED = Path.of("docs", "modules");

	static final String HOW_TO_REGENERATE = "The module documentation in docs/modules is out of date. Regenerate it:\n"
			+ "  ./mvnw -B test -Dtest=ModuleDocumentationTests -Dsurefire.failIfNoSpecifiedTests=false\n"
			+ "  rm -f docs/modules/*.puml docs/modules/*.adoc && cp target/spring-modulith-docs/* docs/modules/\n"
			+ "and commit docs/modules (docs/modules/README.md).";

	@Test
	void theCommittedModuleDocumentationIsWhatTheCodeSays() throws IOException {
		new Documenter(ModulesTests.MODULES).writeDocumentation().writeAggregatingDocument();

		Set<String> generated = documents(GENERATED);
		assertThat(generated).as("the Documenter wrote the diagrams and canvases").contains("components.puml");
		assertThat(documents(COMMITTED)).as(HOW_TO_REGENERATE).isEqualTo(generated);
		List<String> differing = new ArrayList<>();
		for (String name : generated) {
			if (!withoutWhitespace(GENERATED.resolve(name)).equals(withoutWhitespace(COMMITTED.resolve(name)))) {
				differing.add(name);
			}
		}
		assertThat(differing).as(HOW_TO_REGENERATE).isEmpty();
	}

	/** The documents a folder holds: PlantUML diagrams and AsciiDoc canvases. */
	private static Set<String> documents(Path folder) throws IOException {
		if (!Files.isDirectory(folder)) {
			return Set.of();
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.map((file) -> file.getFileName().toString())
				.filter((name) -> name.endsWith(".puml") || name.endsWith(".adoc"))
				.collect(Collectors.toCollection(TreeSet::new));
		}
	}

	/**
	 * A document's lines without their whitespace, blank lines dropped, sorted: the
	 * Documenter writes the same relations in a different order from one run to the next.
	 */
	private static List<String> withoutWhitespace(Path file) {
		try {
			return Files.readAllLines(file, StandardCharsets.UTF_8)
				.stream()
				.map((line) -> line.replaceAll("\\s+", ""))
				.filter((line) -> !line.isEmpty())
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
