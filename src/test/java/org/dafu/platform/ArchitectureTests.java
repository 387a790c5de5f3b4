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
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The arrows of docs/architecture: they are checked, not hoped for. */
class ArchitectureTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.dafu");

	@Test
	void theLetterReaderIsPlainJava() {
		noClasses().that()
			.resideInAPackage("org.dafu.letter..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "jakarta.persistence..", "jakarta.servlet..",
					"org.dafu.reply..", "org.dafu.proposal..")
			.allowEmptyShould(true)
			.check(CLASSES);
	}

	@Test
	void thePlatformImportsNoFeature() {
		noClasses().that()
			.resideInAPackage("org.dafu.platform..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.dafu.reply..", "org.dafu.proposal..", "org.dafu.congress..", "org.dafu.unit..",
					"org.dafu.account..", "org.dafu.search..", "org.dafu.stats..", "org.dafu.figure..",
					"org.dafu.evaluation..", "org.dafu.notify..", "org.dafu.importing..", "org.dafu.opendata..",
					"org.dafu.history..")
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

}
