package org.dafu.platform.web.forms;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.ui.Model;

/** Shared bits of the coordinator pages. */
public final class Views {

	static final String CONFLICT_VIEW = "fragments/conflict";

	private Views() {
	}

	/** The 409 page: the stored values beside the submitted ones; nothing was saved. */
	public static String conflict(Model model, HttpServletResponse response, Conflict conflict) {
		response.setStatus(HttpServletResponse.SC_CONFLICT);
		model.addAttribute("conflict", conflict);
		return CONFLICT_VIEW;
	}

	/** A query parameter as an id, or null when absent or not a number. */
	public static Long id(String value) {
		return (value != null && value.matches("[0-9]{1,18}")) ? Long.valueOf(value) : null;
	}

	public static int version(Integer version) {
		return (version != null) ? version : -1;
	}

}
