package org.dafu.history.web;

import java.util.List;

import org.dafu.access.AccessPolicy;
import org.dafu.access.Viewer;
import org.dafu.history.HistoryReaders;
import org.dafu.history.HistoryService;
import org.dafu.platform.web.NotFoundException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The history of a record as line diffs, for staff who may see it: each feature says who
 * through its {@link HistoryReaders} (coordinators; officials of the reply's unit, of a
 * unit the proposal is assigned to). Everyone else gets a 404, as if there were no
 * history.
 */
@Controller
public class HistoryController {

	static final String VIEW = "history/revisions";

	private final HistoryService history;

	private final AccessPolicy access;

	private final List<HistoryReaders> readers;

	HistoryController(HistoryService history, AccessPolicy access, List<HistoryReaders> readers) {
		this.history = history;
		this.access = access;
		this.readers = List.copyOf(readers);
	}

	@GetMapping("/workspace/history/{type:[a-z_]{2,30}}/{id:[0-9]{1,18}}")
	String revisions(@PathVariable String type, @PathVariable long id, Model model) {
		Viewer viewer = this.access.currentViewer();
		if (!maySee(viewer, type, id)) {
			throw new NotFoundException("history", type + ":" + id);
		}
		model.addAttribute("type", type);
		model.addAttribute("entityId", id);
		model.addAttribute("revisions", this.history.revisions(type, id));
		return VIEW;
	}

	private boolean maySee(Viewer viewer, String type, long id) {
		if (!viewer.isCoordinator() && !viewer.isOfficial()) {
			return false;
		}
		return this.readers.stream().anyMatch((r) -> r.type().equals(type) && r.maySee(viewer, id));
	}

}
