-- Several app instances with their own search index (Lucene) catch up with each other's
-- changes by the replies' updated_at (reply/ReplyIndexCatchUp, docs/search.md).
create index ix_reply_updated_at on reply (updated_at);
