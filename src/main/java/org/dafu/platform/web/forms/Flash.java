package org.dafu.platform.web.forms;

import java.util.List;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The one flash convention: after a redirect, a page shows at most one notice and one
 * alert, each a message key with optional arguments, through
 * {@code templates/fragments/flash.html}. Controllers set them with
 * {@link #notice(RedirectAttributes, String, Object...)} and
 * {@link #alert(RedirectAttributes, String, Object...)}, or under the attribute names
 * below.
 */
public final class Flash {

	/** A notice (role status): what was done. */
	public static final String MESSAGE = "message";

	/** The notice's message arguments, a list. */
	public static final String MESSAGE_ARGS = "messageArgs";

	/** An alert (role alert): what was refused and why. */
	public static final String ALERT = "alert";

	/** The alert's message arguments, a list. */
	public static final String ALERT_ARGS = "alertArgs";

	private Flash() {
	}

	public static void notice(RedirectAttributes redirect, String key, Object... args) {
		redirect.addFlashAttribute(MESSAGE, key);
		if (args.length > 0) {
			redirect.addFlashAttribute(MESSAGE_ARGS, List.of(args));
		}
	}

	public static void alert(RedirectAttributes redirect, String key, Object... args) {
		redirect.addFlashAttribute(ALERT, key);
		if (args.length > 0) {
			redirect.addFlashAttribute(ALERT_ARGS, List.of(args));
		}
	}

}
