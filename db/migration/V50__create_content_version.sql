-- One global version of everything the public pages show. Every transaction that writes
-- content bumps it once, at commit time (a deferred constraint trigger, so the row lock is
-- held only for the instant of the commit), in the same transaction as the change. App
-- instances compare it with the version their rendered-page cache was filled at
-- (platform/cache) and drop the cache when it moved.
create table content_version (
    id          integer     primary key check (id = 1),
    version     bigint      not null check (version >= 0),
    changed_at  timestamptz not null default now()
);
insert into content_version (id, version) values (1, 0);

create function bump_content_version() returns trigger language plpgsql as $$
begin
    -- Once per transaction, however many rows it writes.
    if current_setting('dafu.content_version_bumped', true) is distinct from txid_current()::text then
        perform set_config('dafu.content_version_bumped', txid_current()::text, true);
        update content_version set version = version + 1, changed_at = now() where id = 1;
    end if;
    return null;
end;
$$;

do $$
declare
    t text;
begin
    foreach t in array array['congress_session', 'deputy', 'handling_unit', 'topic_category', 'proposal',
                             'proposal_cosigner', 'assignment', 'reply', 'reply_section', 'figure',
                             'figure_measurement', 'evaluation', 'rehandling']
    loop
        execute format('create constraint trigger trg_%s_content_version after insert or update or delete on %I '
                       || 'deferrable initially deferred for each row execute function bump_content_version()', t, t);
    end loop;
end;
$$;

-- The public list sorts "issued_at desc nulls last, id desc"; ix_reply_public (V1) sorts
-- nulls first and cannot serve that order. This one can, and lets deep pages skip rows
-- in the index alone.
create index ix_reply_public_latest on reply (issued_at desc nulls last, id desc)
    where status = 'ISSUED' and disclosure_mode = 'PROACTIVE';
