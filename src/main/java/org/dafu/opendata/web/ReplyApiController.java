package org.dafu.opendata.web;

import org.dafu.opendata.ApiParameters;
import org.dafu.opendata.OpenDataLinks;
import org.dafu.opendata.OpenDataSearches;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;

import org.dafu.access.AccessPolicy;
import org.dafu.platform.web.JsonApi;
import org.dafu.platform.web.PageView;
import org.dafu.reply.LetterReads;
import org.dafu.reply.ReplyView;
import org.dafu.search.SearchForm;
import org.dafu.search.SearchHit;
import org.dafu.search.SearchService;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The replies as JSON: the same search, filters and paging as the search page, and one
 * reply with its sections and figures. Only what the access policy lets the caller read;
 * a hidden reply is a 404, like a missing one.
 */
@RestController
@JsonApi
@Tag(name = "replies", description = "答复 (replies to deputies' proposals)")
class ReplyApiController {

	private final SearchService search;

	private final LetterReads replies;

	private final AccessPolicy access;

	ReplyApiController(SearchService search, LetterReads replies, AccessPolicy access) {
		this.search = search;
		this.replies = replies;
		this.access = access;
	}

	@GetMapping(path = "/api/v1/replies", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "searchReplies", summary = "Search replies",
			description = "q: words (Chinese bigrams, all must occur); filters: session, year, unit, topic, "
					+ "result (A-D), region; sort: relevance or date; page from 1, size up to 100. A value "
					+ "outside these is refused (400 problem naming the parameter). next keeps every parameter.")
	ReplyJson.Page list(@ParameterObject SearchForm form) {
		ApiParameters.check(form);
		SearchForm.Request request = OpenDataSearches.check(form);
		PageView<SearchHit> page = this.search.search(this.access.currentViewer(), request.criteria(),
				request.paging());
		String next = page.hasNext() ? OpenDataLinks.apiPage(request.criteria(), page.page() + 1, page.size()) : null;
		return new ReplyJson.Page(page.items()
			.stream()
			.map((h) -> ReplyJson.Item.of(h, OpenDataLinks.reply(h.id(), h.indexNumber())))
			.toList(), page.total(), page.totalExact(), page.page(), page.size(), page.totalPages(), next);
	}

	@GetMapping(path = "/api/v1/replies/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "getReply", summary = "One reply with its sections and figures")
	ReplyJson.Detail reply(@PathVariable long id) {
		return detail(this.replies.letter(this.access.currentViewer(), id));
	}

	@GetMapping(path = "/api/v1/replies/index/{code:[0-9A-Z]{6,30}}/{serial:[0-9]{4}-[0-9]{1,10}}",
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "getReplyByIndexNumber",
			summary = "One reply by its 索引号, e.g. /api/v1/replies/index/11330800002618015K/2022-137066")
	ReplyJson.Detail byIndexNumber(@PathVariable String code, @PathVariable String serial) {
		return detail(this.replies.letterByIndexNumber(this.access.currentViewer(), code + "/" + serial));
	}

	private static ReplyJson.Detail detail(ReplyView reply) {
		return ReplyJson.Detail.of(reply, OpenDataLinks.reply(reply.id(), reply.indexNumber()));
	}

}
