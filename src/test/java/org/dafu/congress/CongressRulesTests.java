package org.dafu.congress;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Sessions and deputies refuse what a form could send by field, never by an assertion.
 */
class CongressRulesTests {

	@Test
	void aSessionNeedsItsNumberingAndAName() {
		assertThatExceptionOfType(CongressRefusedException.class)
			.isThrownBy(() -> new CongressSession(null, CongressLevel.CITY, 8, 1, 2022, "会议"))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("bodyType"));
		assertThatExceptionOfType(CongressRefusedException.class)
			.isThrownBy(() -> new CongressSession(BodyType.NPC, CongressLevel.CITY, 0, 1, 2022, "会议"))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("coordination.session.term.invalid"));
		assertThatExceptionOfType(CongressRefusedException.class)
			.isThrownBy(() -> new CongressSession(BodyType.NPC, CongressLevel.CITY, 8, 0, 2022, "会议"))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("sessionNumber"));
		CongressSession session = new CongressSession(BodyType.NPC, CongressLevel.CITY, 8, 1, 2022, " 会议 ");
		assertThat(session.getName()).isEqualTo("会议");
		assertThatExceptionOfType(CongressRefusedException.class)
			.isThrownBy(() -> session.redefine(BodyType.NPC, null, 8, 1, 2022, "会议"))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("level"));
		assertThatExceptionOfType(CongressRefusedException.class)
			.isThrownBy(() -> session.redefine(BodyType.NPC, CongressLevel.CITY, 8, 1, 2022, "  "))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("coordination.session.name.invalid"));
		assertThat(session.getLevel()).isEqualTo(CongressLevel.CITY);
		assertThat(session.getName()).isEqualTo("会议");
	}

	@Test
	void aDeputyHasAName() {
		assertThatExceptionOfType(CongressRefusedException.class).isThrownBy(() -> new Deputy(" ", null))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("coordination.deputy.name.invalid"));
		Deputy deputy = new Deputy("代表", null);
		assertThatExceptionOfType(CongressRefusedException.class).isThrownBy(() -> deputy.rename(null, "代表团"));
		assertThat(deputy.getName()).isEqualTo("代表");
	}

}
