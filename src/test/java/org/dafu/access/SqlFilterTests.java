package org.dafu.access;

import org.dafu.reply.ReplyVisibility;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The access filter is one self-contained SQL term for every role: parenthesised, with a
 * space on either side, so that no concatenation can glue it to a keyword (a text block
 * ending in {@code where} loses its trailing space) or split it across the caller's
 * {@code and}/{@code or}.
 */
class SqlFilterTests {

	final AccessPolicy policy = new AccessPolicy();

	@Test
	void everyRolesFilterIsOneParenthesisedTermWithSpacesAround() {
		for (Viewer viewer : List.of(Viewer.anonymous(), Viewer.deputy("d", 1), Viewer.official("o", 2),
				Viewer.coordinator("c"))) {
			String sql = ReplyVisibility.filter(viewer, "r").sql();
			assertThat(sql).as(viewer.role().name()).startsWith(" (").endsWith(") ");
			assertThat(depthNeverBelowOne(sql.strip())).as(viewer.role().name()).isTrue();
		}
		String query = """
				select count(*) from reply r where""" + ReplyVisibility.filter(Viewer.coordinator("c"), "r").sql();
		assertThat(query).endsWith("where (true) ");
	}

	@Test
	void aFilterNeedsACondition() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SqlFilter(" ", java.util.Map.of()));
		assertThat(new SqlFilter(" x = 1 ", java.util.Map.of()).sql()).isEqualTo(" (x = 1) ");
	}

	/** The outer parentheses enclose the whole term (not "(a) or (b)"). */
	private static boolean depthNeverBelowOne(String term) {
		int depth = 0;
		for (int i = 0; i < term.length(); i++) {
			char c = term.charAt(i);
			if (c == '(') {
				depth++;
			}
			else if (c == ')') {
				depth--;
			}
			if (depth == 0 && i < term.length() - 1) {
				return false;
			}
		}
		return depth == 0;
	}

}
