package org.dafu.platform;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import org.dafu.DafuApplication;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules of the layout (docs/conventions.md) that Spring Modulith's verification
 * ({@code ModulesTests}) does not check. The modules are Modulith's
 * ({@link ApplicationModules}), never a list written here, so a new feature package is
 * covered the day it appears.
 */
class ArchitectureTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.dafu");

	private static final ApplicationModules MODULES = ApplicationModules.of(DafuApplication.class);

	/** The base packages ({@code org.dafu.x..}) of every module but the one named. */
	private static String[] modulesOtherThan(String name) {
		return MODULES.stream()
			.filter((module) -> !module.getName().equals(name))
			.map((module) -> module.getBasePackage().getName() + "..")
			.toArray(String[]::new);
	}

	@Test
	void theLetterReaderIsPlainJava() {
		assertThat(CLASSES.stream().filter((c) -> c.getPackageName().startsWith("org.dafu.letter")))
			.as("the letter package has classes to check")
			.isNotEmpty();
		noClasses().that()
			.resideInAPackage("org.dafu.letter..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "jakarta.persistence..", "jakarta.servlet..")
			.orShould()
			.dependOnClassesThat()
			.resideInAnyPackage(modulesOtherThan("letter"))
			.check(CLASSES);
	}

	/**
	 * The platform is an open module (any feature may use its types), which Modulith's
	 * verification accepts in both directions; it must still know no feature.
	 */
	@Test
	void thePlatformImportsNoFeature() {
		String[] features = modulesOtherThan("platform");
		assertThat(features).as("Modulith found the features").contains("org.dafu.reply..", "org.dafu.letter..");
		noClasses().that()
			.resideInAPackage("org.dafu.platform..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(features)
			.check(CLASSES);
	}

	@Test
	void entitiesStayInsideTheirFeature() {
		classes().that()
			.areAnnotatedWith(Entity.class)
			.should(new ArchCondition<JavaClass>("be used only in their own package") {
				@Override
				public void check(JavaClass entity, ConditionEvents events) {
					for (Dependency dependency : entity.getDirectDependenciesToSelf()) {
						JavaClass user = dependency.getOriginClass();
						if (!user.getPackageName().equals(entity.getPackageName())) {
							events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
						}
					}
				}
			})
			.check(CLASSES);
	}

	@Test
	void repositoriesAreUsedOnlyInTheirOwnPackage() {
		classes().that().haveSimpleNameEndingWith("Repository").should().bePackagePrivate().check(CLASSES);
	}

	@Test
	void noClassAssertsWithSpring() {
		noClasses().should()
			.dependOnClassesThat()
			.haveFullyQualifiedName("org.springframework.util.Assert")
			.because("an assertion on a person's value surfaces as a 500; rules raise domain refusals"
					+ " (platform.RefusedException) and internal invariants use Objects.requireNonNull")
			.check(CLASSES);
	}

}
