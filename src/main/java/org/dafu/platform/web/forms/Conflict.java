package org.dafu.platform.web.forms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a refused stale save shows (the 409 page,
 * {@code templates/fragments/conflict.html}, through {@link Views#conflict}): for each
 * field, what is stored now (the first save, which stays) beside what was submitted, and
 * the links to go on from there. Every text of the page is a message key with its
 * arguments; the values are shown escaped.
 *
 * @param heading the page's heading
 * @param explanation what happened: nothing of this save was kept
 * @param notes further alerts (the letter was issued meanwhile, say)
 * @param storedColumn the heading of the stored values' column
 * @param submittedColumn the heading of the submitted values' column
 * @param nothingSubmitted shown in the submitted column when the refused request carried
 * no values (a button with only a version), or null
 * @param rows the fields
 * @param links where to go on: the latest version, first the one to use
 */
public record Conflict(Text heading, Text explanation, List<Text> notes, Text storedColumn, Text submittedColumn,
		Text nothingSubmitted, List<Row> rows, List<Link> links) {

	/** A coordinator's form: one reload link to the latest version. */
	public static Builder of(String headingKey, String reloadUrl) {
		return new Builder(headingKey).link(reloadUrl, "conflict.reload");
	}

	/** A page that adds its own explanation, columns and links. */
	public static Builder titled(String headingKey) {
		return new Builder(headingKey);
	}

	/** A message key with its arguments. */
	public record Text(String key, List<Object> args) {

		public static Text of(String key, Object... args) {
			return new Text(key, List.copyOf(Arrays.asList(args)));
		}

		public Object[] arguments() {
			return this.args.toArray();
		}

	}

	/**
	 * One field; {@code valuePrefix} names the message key prefix of an enum value, or is
	 * null for plain text. A null value is shown as a dash.
	 */
	public record Row(Text label, String stored, String submitted, String valuePrefix, boolean differs) {

	}

	/** A link to go on with. */
	public record Link(String url, String labelKey) {

	}

	public static final class Builder {

		private final Text heading;

		private Text explanation = Text.of("conflict.explain");

		private final List<Text> notes = new ArrayList<>();

		private Text storedColumn = Text.of("conflict.stored");

		private Text submittedColumn = Text.of("conflict.submitted");

		private Text nothingSubmitted;

		private final List<Row> rows = new ArrayList<>();

		private final List<Link> links = new ArrayList<>();

		private Builder(String headingKey) {
			this.heading = Text.of(headingKey);
		}

		public Builder explanation(String key, Object... args) {
			this.explanation = Text.of(key, args);
			return this;
		}

		public Builder note(String key, Object... args) {
			this.notes.add(Text.of(key, args));
			return this;
		}

		public Builder columns(Text stored, Text submitted) {
			this.storedColumn = stored;
			this.submittedColumn = submitted;
			return this;
		}

		/** The refused request carried no values: each row shows this instead. */
		public Builder nothingSubmitted(String key) {
			this.nothingSubmitted = Text.of(key);
			return this;
		}

		public Builder row(String labelKey, Object stored, Object submitted) {
			return row(Text.of(labelKey), stored, submitted, null);
		}

		public Builder row(String labelKey, Object stored, Object submitted, String valuePrefix) {
			return row(Text.of(labelKey), stored, submitted, valuePrefix);
		}

		public Builder row(Text label, Object stored, Object submitted, String valuePrefix) {
			String mine = text(stored);
			String theirs = text(submitted);
			this.rows.add(new Row(label, mine, theirs, valuePrefix,
					this.nothingSubmitted == null && !Objects.equals(mine, theirs)));
			return this;
		}

		public Builder link(String url, String labelKey) {
			this.links.add(new Link(url, labelKey));
			return this;
		}

		public Conflict build() {
			return new Conflict(this.heading, this.explanation, List.copyOf(this.notes), this.storedColumn,
					this.submittedColumn, this.nothingSubmitted, List.copyOf(this.rows), List.copyOf(this.links));
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
