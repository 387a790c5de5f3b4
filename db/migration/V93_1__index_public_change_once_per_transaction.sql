-- The change log's dedupe (note_public_change, V77) looked for its transaction's earlier row
-- with a query that read the log row by row: each call read every row logged so far, so a
-- transaction that changes many public rows at once (V94 setting every assignment, a bulk
-- import, a large correction) took time quadratic in its size. A unique index on what a row
-- means (transaction, kind, reply) lets each call insert its row or find it in one lookup.
--
-- Version 93.1: it comes before V94 on a database not yet there, and a database already past
-- V94 applies it out of order (platform/db/OutOfOrderFixes). It is written to run on either:
-- nothing here depends on V94 to V97, and none of them changes the log's table or function.

-- Rows the index would refuse (the function never logged one twice; a row added by hand
-- might): the first of each stays, and a reader that has seen it has seen the change.
delete from public_change
 where id in (select id
                from (select id, row_number() over (partition by tx, kind, coalesce(reply_id, 0) order by id) as n
                        from public_change) d
               where d.n > 1);

create unique index if not exists uq_public_change_once on public_change (tx, kind, (coalesce(reply_id, 0)));
-- a database where the same index was made by hand, under another name, keeps one
do $$
declare
    twin text;
begin
    for twin in select c.relname
                  from pg_index i join pg_class c on c.oid = i.indexrelid
                 where i.indrelid = 'public_change'::regclass and c.relname <> 'uq_public_change_once'
                   and pg_get_indexdef(i.indexrelid) = replace(pg_get_indexdef('uq_public_change_once'::regclass),
                                                               'uq_public_change_once', c.relname)
    loop
        execute format('drop index %I', twin);
    end loop;
end;
$$;
-- the unique index leads with tx
drop index if exists ix_public_change_tx;

-- Once per transaction, reply and kind, as before. The transaction-scoped advisory lock is
-- still taken first, by every call and only by transactions that change what the public
-- sees, at their commit (the triggers are deferred): such commits follow one another, so ids
-- are visible in the order they were given and a reader that has seen id n has seen every
-- change below n. A call that finds its row still draws an id, unused: readers follow ids
-- in order and never count on them being contiguous.
create or replace function note_public_change(change_kind text, reply bigint) returns void language plpgsql as $$
begin
    perform pg_advisory_xact_lock(5014960725);
    insert into public_change (reply_id, kind) values (reply, change_kind)
        on conflict (tx, kind, (coalesce(reply_id, 0))) do nothing;
end;
$$;
