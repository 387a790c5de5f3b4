-- 催办 (V91), continued. 催办次数 shows on the public statistics: a reminder is a change of the aggregates (their
-- cached results are emptied when it commits, as for proposals and assignments: V77).
create function log_reminder_public_change() returns trigger language plpgsql as $$
begin
    perform note_public_change('LISTS', null);
    return null;
end;
$$;

create constraint trigger trg_proposal_reminder_public_change_log after insert or update or delete on proposal_reminder
    deferrable initially deferred for each row execute function log_reminder_public_change();

-- A reminder deleted with its proposal (on delete cascade) no longer finds the proposal's
-- session: every group of its unit is recomputed then (V91 looked the session up only).
create or replace function reminder_count_on_reminder() returns trigger language plpgsql as $$
declare
    sid bigint;
begin
    if tg_op in ('UPDATE', 'DELETE') then
        select session_id into sid from proposal where id = old.proposal_id;
        if sid is not null then
            perform refresh_reminder_count(sid, old.unit_id);
        else
            for sid in select session_id from reminder_count where unit_id = old.unit_id loop
                perform refresh_reminder_count(sid, old.unit_id);
            end loop;
        end if;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        perform refresh_reminder_count((select session_id from proposal where id = new.proposal_id), new.unit_id);
    end if;
    return null;
end;
$$;
