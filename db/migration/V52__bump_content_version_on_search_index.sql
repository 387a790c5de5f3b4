-- Public search results are kept until the content version moves (platform/cache/ResultCache):
-- a change of the search index (re-indexing, the start-up sweep) is a change too.
create constraint trigger trg_reply_search_content_version after insert or update or delete on reply_search
    deferrable initially deferred for each row execute function bump_content_version();
