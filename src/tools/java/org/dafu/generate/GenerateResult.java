package org.dafu.generate;

import java.time.Duration;
import java.util.List;

/**
 * What a generation wrote.
 *
 * @param sessionIds the sessions it created
 * @param unitIds the units it created
 * @param replies replies written
 * @param sections sections written
 * @param figures figures written
 * @param evaluations evaluations written
 * @param took how long it took
 */
public record GenerateResult(List<Long> sessionIds, List<Long> unitIds, int replies, int sections, int figures,
		int evaluations, Duration took) {

}
