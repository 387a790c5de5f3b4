-- What the public sees changed: one row per reply (or per aggregate) and per committing
-- transaction, written at commit by the deferred triggers below. App instances read the
-- log by id (platform/cache/PublicChanges) and empty only the cached pages and results a
-- change touches. Drafts, workspace-only data, notifications, the audit log, sessions and
-- the login throttle write nothing here, so they empty nothing and no writer waits for
-- another unless both change what the public sees (see note_public_change).
--
-- Replaces the single-row content version (V50, V52, V68): its triggers go, and its
-- function stays as a no-op for the search index trigger of V52 while that table exists.
do $$
declare
    t text;
begin
    foreach t in array array['congress_session', 'deputy', 'handling_unit', 'topic_category', 'proposal',
                             'proposal_cosigner', 'assignment', 'reply', 'reply_section', 'figure',
                             'figure_measurement', 'evaluation', 'rehandling']
    loop
        execute format('drop trigger if exists trg_%s_content_version on %I', t, t);
    end loop;
end;
$$;
drop trigger if exists trg_reply_correction_content_version on reply_correction;

create or replace function bump_content_version() returns trigger language plpgsql as $$
begin
    return null;
end;
$$;

drop table content_version;

-- kind: REPLY (reply_id: that reply's page and every public list, search, feed, statistic
-- and figure it counts in), LISTS (the aggregates only: statistics inputs of proposals and
-- assignments), ALL (names shown on many pages: sessions, deputies, units, topics).
create table public_change (
    id        bigserial   primary key,
    tx        bigint      not null default txid_current(),
    reply_id  bigint,
    kind      varchar(10) not null check (kind in ('REPLY', 'LISTS', 'ALL')),
    at        timestamptz not null default now(),
    constraint ck_public_change_reply check ((kind = 'REPLY') = (reply_id is not null))
);
create index ix_public_change_tx on public_change (tx);
-- the log is never empty: its newest row is the open data's validator
insert into public_change (kind) values ('ALL');

-- Once per transaction, reply and kind. The transaction-scoped advisory lock is taken only
-- by transactions that change what the public sees, at their commit (the triggers are
-- deferred): such commits follow one another, so ids are visible in the order they were
-- given and a reader that has seen id n has seen every change below n.
create function note_public_change(change_kind text, reply bigint) returns void language plpgsql as $$
begin
    perform pg_advisory_xact_lock(5014960725);
    insert into public_change (reply_id, kind)
    select reply, change_kind
     where not exists (select 1 from public_change c
                        where c.tx = txid_current() and c.kind = change_kind
                          and c.reply_id is not distinct from reply);
end;
$$;

-- a reply that is or was issued (its page, the lists, search, feeds, statistics); drafts never
create function log_reply_public_change() returns trigger language plpgsql as $$
begin
    if tg_op <> 'INSERT' and old.status = 'ISSUED' then
        perform note_public_change('REPLY', old.id);
    elsif tg_op <> 'DELETE' and new.status = 'ISSUED' then
        perform note_public_change('REPLY', new.id);
    end if;
    return null;
end;
$$;

create constraint trigger trg_reply_public_change_log after insert or update or delete on reply
    deferrable initially deferred for each row execute function log_reply_public_change();

-- the parts of an issued reply (sections, figures, corrections) and what is said of it
-- (evaluations, rehandling): the parts of a draft never
create function log_reply_part_public_change() returns trigger language plpgsql as $$
declare
    r bigint;
begin
    select id into r from reply
     where id = (case when tg_op = 'DELETE' then old.reply_id else new.reply_id end) and status = 'ISSUED';
    if r is not null then
        perform note_public_change('REPLY', r);
    end if;
    if tg_op = 'UPDATE' and old.reply_id <> new.reply_id then
        select id into r from reply where id = old.reply_id and status = 'ISSUED';
        if r is not null then
            perform note_public_change('REPLY', r);
        end if;
    end if;
    return null;
end;
$$;

do $$
declare
    t text;
begin
    foreach t in array array['reply_section', 'figure', 'reply_correction', 'evaluation', 'rehandling']
    loop
        execute format('create constraint trigger trg_%s_public_change_log after insert or update or delete on %I '
                       || 'deferrable initially deferred for each row execute function log_reply_part_public_change()',
                       t, t);
    end loop;
end;
$$;

-- measurements of an issued reply's figures (its page and the figures dashboard)
create function log_measurement_public_change() returns trigger language plpgsql as $$
declare
    r bigint;
begin
    for r in select f.reply_id from figure f join reply p on p.id = f.reply_id and p.status = 'ISSUED'
              where f.id in (case when tg_op = 'DELETE' then old.figure_id else new.figure_id end,
                             case when tg_op = 'UPDATE' then old.figure_id end)
    loop
        perform note_public_change('REPLY', r);
    end loop;
    return null;
end;
$$;

create constraint trigger trg_figure_measurement_public_change_log after insert or update or delete on figure_measurement
    deferrable initially deferred for each row execute function log_measurement_public_change();

-- proposals, their co-signers and assignments: the public statistics count them, and the
-- pages of their issued replies show them
create function log_proposal_row_public_change() returns trigger language plpgsql as $$
declare
    r bigint;
begin
    perform note_public_change('LISTS', null);
    for r in select id from reply
              where proposal_id in (case when tg_op = 'DELETE' then old.id else new.id end) and status = 'ISSUED'
    loop
        perform note_public_change('REPLY', r);
    end loop;
    return null;
end;
$$;

create function log_proposal_part_public_change() returns trigger language plpgsql as $$
declare
    r bigint;
begin
    perform note_public_change('LISTS', null);
    for r in select id from reply
              where proposal_id in (case when tg_op = 'DELETE' then old.proposal_id else new.proposal_id end,
                                    case when tg_op = 'UPDATE' then old.proposal_id end)
                and status = 'ISSUED'
    loop
        perform note_public_change('REPLY', r);
    end loop;
    return null;
end;
$$;

create constraint trigger trg_proposal_public_change_log after insert or update or delete on proposal
    deferrable initially deferred for each row execute function log_proposal_row_public_change();
create constraint trigger trg_proposal_cosigner_public_change_log after insert or update or delete on proposal_cosigner
    deferrable initially deferred for each row execute function log_proposal_part_public_change();
create constraint trigger trg_assignment_public_change_log after insert or update or delete on assignment
    deferrable initially deferred for each row execute function log_proposal_part_public_change();

-- names and titles shown on many pages: rare, and everything public is emptied
create function log_everything_public_change() returns trigger language plpgsql as $$
begin
    perform note_public_change('ALL', null);
    return null;
end;
$$;

do $$
declare
    t text;
begin
    foreach t in array array['congress_session', 'deputy', 'handling_unit', 'topic_category']
    loop
        execute format('create constraint trigger trg_%s_public_change_log after insert or update or delete on %I '
                       || 'deferrable initially deferred for each row execute function log_everything_public_change()',
                       t, t);
    end loop;
end;
$$;
