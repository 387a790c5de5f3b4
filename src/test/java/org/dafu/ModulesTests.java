package org.dafu;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The features are Spring Modulith application modules: each top-level package under
 * {@code org.dafu}, its subpackages internal. {@code verify()} fails the build on a cycle
 * between modules or on a reference into another module's internals.
 */
class ModulesTests {

	static final ApplicationModules MODULES = ApplicationModules.of(DafuApplication.class);

	@Test
	void theModulesDependOnEachOtherWithoutCycles() {
		MODULES.verify();
	}

}
