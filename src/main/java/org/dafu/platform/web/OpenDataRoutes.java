package org.dafu.platform.web;

import java.util.List;

/**
 * The open-data routes (GET and HEAD): what anonymous readers may fetch from any origin
 * (account/OpenDataCors) and cache by validators
 * (platform/cache/OpenDataValidatorsFilter). A new open-data format is added here once.
 */
public final class OpenDataRoutes {

	public static final List<String> PATHS = List.of("/api/v1/replies", "/api/v1/replies/**",
			"/api/v1/sessions/*/statistics", "/replies.csv", "/replies.xlsx", "/replies.atom",
			"/statistics/sessions/*.xlsx", "/sitemap.xml", "/robots.txt", "/v3/api-docs", "/v3/api-docs/**");

	private OpenDataRoutes() {
	}

}
