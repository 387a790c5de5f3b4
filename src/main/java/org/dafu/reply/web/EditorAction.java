package org.dafu.reply.web;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dafu.reply.SectionKind;
import org.dafu.reply.form.SectionForm;

/**
 * The button an editor pressed. Besides saving, buttons change the form's structure (add,
 * move or remove a section, add or remove a figure) without saving, so the editor works
 * without JavaScript: the changed form comes back, and nothing is stored until "save".
 */
final class EditorAction {

	private static final Pattern STRUCTURAL = Pattern.compile(
			"(add-response|add-next-steps|up|down|remove|add-figure|remove-figure)(?:-([0-9]{1,3}))?(?:-([0-9]{1,3}))?");

	private EditorAction() {
	}

	/**
	 * The form after a structural action, or empty when the action is "save" (or unknown,
	 * which saves too).
	 */
	static Optional<ReplyForm> apply(ReplyForm form, String action) {
		Matcher m = STRUCTURAL.matcher((action != null) ? action : "");
		if (!m.matches()) {
			return Optional.empty();
		}
		int section = (m.group(2) != null) ? Integer.parseInt(m.group(2)) : -1;
		int figure = (m.group(3) != null) ? Integer.parseInt(m.group(3)) : -1;
		return Optional.of(switch (m.group(1)) {
			case "add-response" -> form.addSection(SectionKind.RESPONSE);
			case "add-next-steps" -> form.addSection(SectionKind.NEXT_STEPS);
			case "up" -> form.moveSection(section, -1);
			case "down" -> form.moveSection(section, 1);
			case "remove" -> form.removeSection(section);
			case "add-figure" -> form.changeSection(section, SectionForm::addFigure);
			default -> form.changeSection(section, (s) -> s.removeFigure(figure));
		});
	}

}
