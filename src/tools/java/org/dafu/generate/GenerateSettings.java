package org.dafu.generate;

import org.springframework.util.Assert;

/**
 * What to generate.
 *
 * @param replies how many replies (one proposal each)
 * @param seed the seed: the same seed gives the same content
 * @param scope a tag added to the names that must be unique in the database (units,
 * sessions, topics); empty for a fresh database
 * @param chunk replies written per transaction
 */
public record GenerateSettings(int replies, long seed, String scope, int chunk) {

	public GenerateSettings {
		Assert.isTrue(replies > 0 && replies <= 10_000_000, "between 1 and 10,000,000 replies");
		Assert.isTrue(chunk > 0, "a positive chunk size");
		scope = (scope != null) ? scope.strip() : "";
		Assert.isTrue(scope.matches("[0-9A-Z]{0,12}"), "a scope is up to 12 digits or capital letters");
	}

	public GenerateSettings(int replies, long seed, String scope) {
		this(replies, seed, scope, 5_000);
	}

}
