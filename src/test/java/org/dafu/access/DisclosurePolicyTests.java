package org.dafu.access;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may change a reply's disclosure (公开方式), and who may withdraw an issued one on the
 * disclosure page, as plain decisions of the policy.
 */
class DisclosurePolicyTests {

	private static final long UNIT = 7L;

	private static final long OTHER_UNIT = 8L;

	private final AccessPolicy policy = new AccessPolicy();

	private final ReplyFacts draft = new ReplyFacts(false, false, UNIT, 1L, Set.of(2L));

	private final ReplyFacts issued = new ReplyFacts(true, true, UNIT, 1L, Set.of(2L));

	@Test
	void theRepliesUnitAndCoordinatorsChangeItsDisclosureNobodyElse() {
		for (ReplyFacts reply : new ReplyFacts[] { this.draft, this.issued }) {
			assertThat(this.policy.canChangeDisclosure(Viewer.coordinator("c"), reply)).isTrue();
			assertThat(this.policy.canChangeDisclosure(Viewer.official("leader", UNIT), reply)).isTrue();
			assertThat(this.policy.canChangeDisclosure(Viewer.drafter("drafter", UNIT), reply))
				.as("a drafter of the unit too")
				.isTrue();
			assertThat(this.policy.canChangeDisclosure(Viewer.official("other", OTHER_UNIT), reply)).isFalse();
			assertThat(this.policy.canChangeDisclosure(Viewer.deputy("lead", 1L), reply))
				.as("not even the proposal's deputy")
				.isFalse();
			assertThat(this.policy.canChangeDisclosure(Viewer.anonymous(), reply)).isFalse();
		}
	}

	@Test
	void withdrawingIsChangingTheDisclosureOfAnIssuedReply() {
		Viewer[] viewers = { Viewer.coordinator("c"), Viewer.official("leader", UNIT), Viewer.drafter("d", UNIT),
				Viewer.official("other", OTHER_UNIT), Viewer.deputy("lead", 1L), Viewer.anonymous() };
		for (Viewer viewer : viewers) {
			assertThat(this.policy.canWithdraw(viewer, this.issued)).as(viewer.toString())
				.isEqualTo(this.policy.canChangeDisclosure(viewer, this.issued));
			assertThat(this.policy.canWithdraw(viewer, this.draft)).as("a draft is not withdrawn: " + viewer).isFalse();
		}
	}

}
