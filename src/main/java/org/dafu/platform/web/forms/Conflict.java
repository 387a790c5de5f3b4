package org.dafu.platform.web.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a refused stale save shows: for each field, what is stored now (the first save,
 * which stays) beside what was submitted.
 */
public record Conflict(String headingKey, String reloadUrl, List<Row> rows) {

	public static Builder of(String headingKey, String reloadUrl) {
		return new Builder(headingKey, reloadUrl);
	}

	/**
	 * One field; {@code valuePrefix} names the message key prefix of an enum value, or is
	 * null for plain text.
	 */
	public record Row(String labelKey, String stored, String submitted, String valuePrefix) {

		public boolean differs() {
			return !Objects.equals(this.stored, this.submitted);
		}

	}

	public static final class Builder {

		private final String headingKey;

		private final String reloadUrl;

		private final List<Row> rows = new ArrayList<>();

		private Builder(String headingKey, String reloadUrl) {
			this.headingKey = headingKey;
			this.reloadUrl = reloadUrl;
		}

		public Builder row(String labelKey, Object stored, Object submitted) {
			return row(labelKey, stored, submitted, null);
		}

		public Builder row(String labelKey, Object stored, Object submitted, String valuePrefix) {
			this.rows.add(new Row(labelKey, text(stored), text(submitted), valuePrefix));
			return this;
		}

		public Conflict build() {
			return new Conflict(this.headingKey, this.reloadUrl, List.copyOf(this.rows));
		}

		private static String text(Object value) {
			if (value == null) {
				return null;
			}
			String text = value.toString().strip();
			return text.isEmpty() ? null : text;
		}

	}

}
