package org.dafu.access;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may submit, return and issue (签发) a reply, as plain decisions of the policy. */
class AccessPolicyTests {

	private static final long UNIT = 7L;

	private static final long OTHER_UNIT = 8L;

	private final AccessPolicy policy = new AccessPolicy();

	private final ReplyFacts draft = new ReplyFacts(false, false, UNIT, 1L, Set.of(2L));

	private final ReplyFacts issued = new ReplyFacts(true, true, UNIT, 1L, Set.of(2L));

	@Test
	void onlyASignerOfTheLeadUnitIssuesOrReturns() {
		assertThat(this.policy.canSign(Viewer.official("leader", UNIT), this.draft, UNIT)).isTrue();
		assertThat(this.policy.canSign(Viewer.drafter("drafter", UNIT), this.draft, UNIT))
			.as("a drafter (经办人) never issues")
			.isFalse();
		assertThat(this.policy.canSign(Viewer.official("other", OTHER_UNIT), this.draft, UNIT))
			.as("a signer of another unit")
			.isFalse();
		assertThat(this.policy.canSign(Viewer.official("leader", UNIT), this.draft, OTHER_UNIT))
			.as("a signer of a unit that is no longer the lead unit")
			.isFalse();
		assertThat(this.policy.canSign(Viewer.official("leader", UNIT), this.draft, null)).isFalse();
		assertThat(this.policy.canSign(Viewer.official("leader", UNIT), this.issued, UNIT)).as("issued already")
			.isFalse();
		assertThat(this.policy.canSign(Viewer.coordinator("c"), this.draft, UNIT)).isFalse();
		assertThat(this.policy.canSign(Viewer.deputy("d", 1L), this.draft, UNIT)).isFalse();
		assertThat(this.policy.canSign(Viewer.anonymous(), this.draft, UNIT)).isFalse();
	}

	@Test
	void draftersAndSignersOfTheUnitSubmitNobodyElse() {
		assertThat(this.policy.canSubmit(Viewer.drafter("drafter", UNIT), this.draft)).isTrue();
		assertThat(this.policy.canSubmit(Viewer.official("leader", UNIT), this.draft)).isTrue();
		assertThat(this.policy.canSubmit(Viewer.drafter("drafter", OTHER_UNIT), this.draft)).isFalse();
		assertThat(this.policy.canSubmit(Viewer.coordinator("c"), this.draft)).isFalse();
		assertThat(this.policy.canSubmit(Viewer.drafter("drafter", UNIT), this.issued)).isFalse();
	}

	@Test
	void aSubmittedDraftIsNotIssuedSoOnlyItsUnitAndCoordinatorsSeeIt() {
		// a submitted (待审核) draft is not issued: its facts are those of a draft
		assertThat(this.policy.canRead(Viewer.anonymous(), this.draft)).isFalse();
		assertThat(this.policy.canRead(Viewer.deputy("lead", 1L), this.draft)).isFalse();
		assertThat(this.policy.canRead(Viewer.official("other", OTHER_UNIT), this.draft)).isFalse();
		assertThat(this.policy.canRead(Viewer.drafter("drafter", UNIT), this.draft)).isTrue();
		assertThat(this.policy.canRead(Viewer.coordinator("c"), this.draft)).isTrue();
	}

}
