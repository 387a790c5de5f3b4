package org.dafu.unit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** A unit refuses what a form could send by field, never by an assertion. */
class HandlingUnitTests {

	@Test
	void aUnitHasANameAndACodeOfSixToThirtyDigitsOrCapitals() {
		assertThatExceptionOfType(UnitRefusedException.class).isThrownBy(() -> new HandlingUnit(" ", "ABC123"))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("name"));
		assertThatExceptionOfType(UnitRefusedException.class).isThrownBy(() -> new HandlingUnit("单位", "abc/../1"))
			.satisfies((ex) -> {
				assertThat(ex.field()).isEqualTo("orgCode");
				assertThat(ex.messageKey()).isEqualTo("coordination.unit.orgCode.invalid");
			});
		HandlingUnit unit = new HandlingUnit("单位", "11330800002618015K");
		assertThatExceptionOfType(UnitRefusedException.class).isThrownBy(() -> unit.redefine("单位", "12345"));
		assertThatExceptionOfType(UnitRefusedException.class).isThrownBy(() -> unit.rename(""));
		assertThat(unit.getOrgCode()).isEqualTo("11330800002618015K");
		assertThat(unit.getName()).isEqualTo("单位");
	}

}
