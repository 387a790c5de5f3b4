-- Search moved to Hibernate Search (search/, docs/search.md): its index lives outside the
-- database (Lucene on disk, or OpenSearch), so the tsvector table of V20 goes, with its
-- GIN index and the content-version trigger V52 put on it. The date index of V20 stays
-- (the lists sort by it).
drop trigger if exists trg_reply_search_content_version on reply_search;
drop table reply_search;
