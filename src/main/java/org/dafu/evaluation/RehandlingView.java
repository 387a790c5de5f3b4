package org.dafu.evaluation;

import java.time.Instant;
import java.time.LocalDate;

/** 重新办理: which rated reply sent the proposal back, and the new deadline. */
public record RehandlingView(Long proposalId, Long replyId, LocalDate deadline, Instant startedAt) {

}
