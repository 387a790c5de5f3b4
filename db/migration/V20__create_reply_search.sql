-- The search index of replies (search/): CJK bigrams produced in the application
-- (Lucene's StandardTokenizer + CJKBigramFilter) stored as a tsvector with weights
-- A (proposal title, section headings), B (opening, bodies, closing), C (figures'
-- subjects), and the plain texts the highlighter cuts passages from. Visibility is never
-- stored here: every query joins reply and applies the access policy.
create table reply_search (
    reply_id    bigint      primary key references reply (id) on delete cascade,
    document    tsvector    not null,
    title       text        not null default '',
    headings    text        not null default '',
    body        text        not null default '',
    subjects    text        not null default '',
    indexed_at  timestamptz not null default now()
);
create index ix_reply_search_document on reply_search using gin (document);

-- Sorting results by the letter's date, and the region filter.
create index ix_reply_date on reply ((coalesce(signed_on, (issued_at at time zone 'Asia/Shanghai')::date)) desc, id desc);
