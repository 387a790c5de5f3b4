-- Handling statistics kept up to date as the data changes, instead of read off every
-- proposal, assignment, reply and evaluation on each request (docs/figures.md,
-- "Statistics and disclosure"; docs/benchmarks.md). Two narrow tables, kept by the
-- triggers below in the transaction of the change, whatever code path writes:
--
-- proposal_tally: one row per proposal: its session, topic, lead assignment (unit, dates),
--   the date of its first issued reply (the signing date, else the issue day in China
--   Standard Time) and the result class of its latest issued reply. The statistics sum it
--   per session, unit, topic and class in one query.
-- evaluation_tally: one row per issued reply that has evaluations (满意度测评): its
--   session, its unit (the one that wrote it) and its evaluations by result.
--
-- proposal_count: proposal_tally summed per session, lead unit, topic and result class
--   (0 and '' stand for none), kept by a trigger on proposal_tally that takes off a row's
--   old contribution and adds its new one. The statistics read these sums; only the
--   proposals still unreplied are read one by one (ix_proposal_tally_open), as whether
--   they are overdue depends on the day.
-- evaluation_count: evaluation_tally summed per session and unit, kept the same way.
--
-- Each tally row is recomputed whole from its sources (one proposal, one reply), never adjusted
-- by a difference, so a missed order of events cannot make it drift; the row lock on the
-- proposal (or reply) serialises concurrent recomputations of the same row.
-- StatisticsTallyTests compares every table with a recomputation from scratch.

create table proposal_tally (
    proposal_id  bigint primary key references proposal (id) on delete cascade,
    session_id   bigint     not null,
    topic_id     bigint,
    unit_id      bigint,
    assigned_on  date,
    deadline     date,
    replied_on   date,
    result_class varchar(1)
);
create index ix_proposal_tally_session on proposal_tally (session_id);
-- "Derived:" tables are left out of data archives: restoring the rows they count rebuilds them
-- (platform/db/backup/DataArchive).
comment on table proposal_tally is 'Derived: one row per proposal, kept by triggers (V81)';
create index ix_proposal_tally_unit on proposal_tally (unit_id) where unit_id is not null;

create table evaluation_tally (
    reply_id            bigint primary key references reply (id) on delete cascade,
    session_id          bigint  not null,
    unit_id             bigint  not null,
    satisfied           integer not null,
    basically_satisfied integer not null,
    unsatisfied         integer not null
);
create index ix_evaluation_tally_session on evaluation_tally (session_id);
comment on table evaluation_tally is 'Derived: evaluations per issued reply, kept by triggers (V81)';
create index ix_evaluation_tally_unit on evaluation_tally (unit_id);

-- The same rows, computed from scratch: the start value here, and what the tests compare.
create view proposal_tally_recount as
select p.id as proposal_id, p.session_id, p.topic_category_id as topic_id, a.unit_id, a.assigned_on, a.deadline,
       (select min(coalesce(r.signed_on, (r.issued_at at time zone 'Asia/Shanghai')::date)) from reply r
         where r.proposal_id = p.id and r.status = 'ISSUED') as replied_on,
       (select r.result_class from reply r where r.proposal_id = p.id and r.status = 'ISSUED'
         order by r.issued_at desc, r.id desc limit 1) as result_class
  from proposal p
  left join assignment a on a.proposal_id = p.id and a.role = 'LEAD';

create view evaluation_tally_recount as
select r.id as reply_id, p.session_id, r.unit_id,
       count(*) filter (where e.result = 'SATISFIED')::integer as satisfied,
       count(*) filter (where e.result = 'BASICALLY_SATISFIED')::integer as basically_satisfied,
       count(*) filter (where e.result = 'UNSATISFIED')::integer as unsatisfied
  from reply r
  join proposal p on p.id = r.proposal_id
  join evaluation e on e.reply_id = r.id
 where r.status = 'ISSUED'
 group by r.id, p.session_id, r.unit_id;

insert into proposal_tally select * from proposal_tally_recount;
insert into evaluation_tally select * from evaluation_tally_recount;

create function refresh_proposal_tally(pid bigint) returns void language plpgsql as $$
begin
    if pid is null then
        return;
    end if;
    -- not "for update": inserting a reply or an assignment holds "for key share" on it
    perform 1 from proposal where id = pid for no key update;
    if not found then
        delete from proposal_tally where proposal_id = pid;
        return;
    end if;
    insert into proposal_tally as t
    select * from proposal_tally_recount where proposal_id = pid
    on conflict (proposal_id) do update
       set session_id = excluded.session_id, topic_id = excluded.topic_id, unit_id = excluded.unit_id,
           assigned_on = excluded.assigned_on, deadline = excluded.deadline,
           replied_on = excluded.replied_on, result_class = excluded.result_class
     where (t.session_id, t.topic_id, t.unit_id, t.assigned_on, t.deadline, t.replied_on, t.result_class)
           is distinct from (excluded.session_id, excluded.topic_id, excluded.unit_id, excluded.assigned_on,
                             excluded.deadline, excluded.replied_on, excluded.result_class);
end;
$$;

create function refresh_evaluation_tally(rid bigint) returns void language plpgsql as $$
begin
    if rid is null then
        return;
    end if;
    -- evaluations hold "for key share" on their reply while they are written
    perform 1 from reply where id = rid for no key update;
    delete from evaluation_tally where reply_id = rid;
    insert into evaluation_tally select * from evaluation_tally_recount where reply_id = rid;
end;
$$;

-- proposal: its session or topic
create function proposal_tally_on_proposal() returns trigger language plpgsql as $$
declare
    rid bigint;
begin
    perform refresh_proposal_tally(new.id);
    if tg_op = 'UPDATE' and new.session_id is distinct from old.session_id then
        for rid in select id from reply where proposal_id = new.id loop
            perform refresh_evaluation_tally(rid);
        end loop;
    end if;
    return null;
end;
$$;
create trigger trg_proposal_tally_insert after insert on proposal
    for each row execute function proposal_tally_on_proposal();
create trigger trg_proposal_tally_update after update on proposal
    for each row when (new.session_id is distinct from old.session_id
                       or new.topic_category_id is distinct from old.topic_category_id)
    execute function proposal_tally_on_proposal();

-- assignment: the lead unit and its dates
create function proposal_tally_on_assignment() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        perform refresh_proposal_tally(old.proposal_id);
    end if;
    if tg_op in ('INSERT', 'UPDATE') and (tg_op = 'INSERT' or new.proposal_id <> old.proposal_id) then
        perform refresh_proposal_tally(new.proposal_id);
    end if;
    return null;
end;
$$;
create trigger trg_assignment_tally_insert after insert on assignment
    for each row when (new.role = 'LEAD') execute function proposal_tally_on_assignment();
create trigger trg_assignment_tally_delete after delete on assignment
    for each row when (old.role = 'LEAD') execute function proposal_tally_on_assignment();
create trigger trg_assignment_tally_update after update on assignment
    for each row when ((old.role = 'LEAD' or new.role = 'LEAD')
                       and (new.role, new.unit_id, new.assigned_on, new.deadline, new.proposal_id)
                           is distinct from (old.role, old.unit_id, old.assigned_on, old.deadline, old.proposal_id))
    execute function proposal_tally_on_assignment();

-- reply: issuing, its dates and class, its proposal and unit (a draft saved changes none)
create function tally_on_reply() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        perform refresh_proposal_tally(old.proposal_id);
        return null;
    end if;
    perform refresh_proposal_tally(new.proposal_id);
    if tg_op = 'UPDATE' then
        if new.proposal_id <> old.proposal_id then
            perform refresh_proposal_tally(old.proposal_id);
        end if;
        perform refresh_evaluation_tally(new.id);
    end if;
    return null;
end;
$$;
create trigger trg_reply_tally_insert after insert on reply
    for each row when (new.status = 'ISSUED') execute function tally_on_reply();
create trigger trg_reply_tally_delete after delete on reply
    for each row when (old.status = 'ISSUED') execute function tally_on_reply();
create trigger trg_reply_tally_update after update on reply
    for each row when ((new.status, new.signed_on, new.issued_at, new.result_class, new.proposal_id, new.unit_id)
                       is distinct from
                       (old.status, old.signed_on, old.issued_at, old.result_class, old.proposal_id, old.unit_id))
    execute function tally_on_reply();

-- evaluation: its result, and which reply it rates
create function evaluation_tally_on_evaluation() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        perform refresh_evaluation_tally(old.reply_id);
    end if;
    if tg_op = 'INSERT' or (tg_op = 'UPDATE' and new.reply_id <> old.reply_id) then
        perform refresh_evaluation_tally(new.reply_id);
    end if;
    return null;
end;
$$;
create trigger trg_evaluation_tally_insert after insert on evaluation
    for each row execute function evaluation_tally_on_evaluation();
create trigger trg_evaluation_tally_delete after delete on evaluation
    for each row execute function evaluation_tally_on_evaluation();
create trigger trg_evaluation_tally_update after update on evaluation
    for each row when ((new.result, new.reply_id) is distinct from (old.result, old.reply_id))
    execute function evaluation_tally_on_evaluation();

-- The sums
create index ix_proposal_tally_open on proposal_tally (session_id, unit_id, deadline)
    where unit_id is not null and replied_on is null;

create table proposal_count (
    session_id   bigint     not null,
    unit_id      bigint     not null,
    topic_id     bigint     not null,
    result_class varchar(1) not null,
    received     integer    not null,
    assigned     integer    not null,
    replied      integer    not null,
    on_time      integer    not null,
    late         integer    not null,
    days         bigint     not null,
    primary key (session_id, unit_id, topic_id, result_class)
);
create index ix_proposal_count_unit on proposal_count (unit_id);
comment on table proposal_count is 'Derived: proposal_tally summed per group, kept by a trigger (V81)';

create table evaluation_count (
    session_id          bigint  not null,
    unit_id             bigint  not null,
    satisfied           integer not null,
    basically_satisfied integer not null,
    unsatisfied         integer not null,
    primary key (session_id, unit_id)
);
create index ix_evaluation_count_unit on evaluation_count (unit_id);
comment on table evaluation_count is 'Derived: evaluation_tally summed per group, kept by a trigger (V81)';

-- What one proposal_tally row adds to its group.
create view proposal_count_part as
select session_id, coalesce(unit_id, 0) as unit_id, coalesce(topic_id, 0) as topic_id,
       coalesce(result_class, '') as result_class, 1 as received,
       (unit_id is not null)::integer as assigned,
       (unit_id is not null and replied_on is not null)::integer as replied,
       coalesce(unit_id is not null and replied_on <= deadline, false)::integer as on_time,
       coalesce(unit_id is not null and replied_on > deadline, false)::integer as late,
       case when unit_id is not null and replied_on is not null then replied_on - assigned_on else 0 end as days
  from proposal_tally;

create view proposal_count_recount as
select session_id, unit_id, topic_id, result_class, sum(received)::integer as received,
       sum(assigned)::integer as assigned, sum(replied)::integer as replied, sum(on_time)::integer as on_time,
       sum(late)::integer as late, sum(days)::bigint as days
  from proposal_count_part
 group by session_id, unit_id, topic_id, result_class;

create view evaluation_count_recount as
select session_id, unit_id, sum(satisfied)::integer as satisfied,
       sum(basically_satisfied)::integer as basically_satisfied, sum(unsatisfied)::integer as unsatisfied
  from evaluation_tally
 group by session_id, unit_id;

insert into proposal_count select * from proposal_count_recount;
insert into evaluation_count select * from evaluation_count_recount;

create function proposal_count_add(t proposal_tally, sign integer) returns void language plpgsql as $$
declare
    u bigint := coalesce(t.unit_id, 0);
    tp bigint := coalesce(t.topic_id, 0);
    c varchar := coalesce(t.result_class, '');
    a boolean := t.unit_id is not null;
begin
    insert into proposal_count as n (session_id, unit_id, topic_id, result_class, received, assigned, replied,
                                     on_time, late, days)
    values (t.session_id, u, tp, c, sign, sign * a::integer, sign * (a and t.replied_on is not null)::integer,
            sign * coalesce(a and t.replied_on <= t.deadline, false)::integer,
            sign * coalesce(a and t.replied_on > t.deadline, false)::integer,
            sign * (case when a and t.replied_on is not null then t.replied_on - t.assigned_on else 0 end))
    on conflict (session_id, unit_id, topic_id, result_class) do update
       set received = n.received + excluded.received, assigned = n.assigned + excluded.assigned,
           replied = n.replied + excluded.replied, on_time = n.on_time + excluded.on_time,
           late = n.late + excluded.late, days = n.days + excluded.days;
    delete from proposal_count
     where session_id = t.session_id and unit_id = u and topic_id = tp and result_class = c and received = 0;
end;
$$;

create function proposal_count_on_tally() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        perform proposal_count_add(old, -1);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        perform proposal_count_add(new, 1);
    end if;
    return null;
end;
$$;
create trigger trg_proposal_count after insert or update or delete on proposal_tally
    for each row execute function proposal_count_on_tally();

create function evaluation_count_add(t evaluation_tally, sign integer) returns void language plpgsql as $$
begin
    insert into evaluation_count as n (session_id, unit_id, satisfied, basically_satisfied, unsatisfied)
    values (t.session_id, t.unit_id, sign * t.satisfied, sign * t.basically_satisfied, sign * t.unsatisfied)
    on conflict (session_id, unit_id) do update
       set satisfied = n.satisfied + excluded.satisfied,
           basically_satisfied = n.basically_satisfied + excluded.basically_satisfied,
           unsatisfied = n.unsatisfied + excluded.unsatisfied;
    delete from evaluation_count
     where session_id = t.session_id and unit_id = t.unit_id
       and satisfied = 0 and basically_satisfied = 0 and unsatisfied = 0;
end;
$$;

create function evaluation_count_on_tally() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        perform evaluation_count_add(old, -1);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        perform evaluation_count_add(new, 1);
    end if;
    return null;
end;
$$;
create trigger trg_evaluation_count after insert or update or delete on evaluation_tally
    for each row execute function evaluation_count_on_tally();
