-- The figures dashboard without reading every figure per request (docs/figures.md,
-- docs/benchmarks.md):
--
-- figure_target_count: targets of issued replies, counted per disclosure (主动公开 or not),
--   reply unit, proposal topic (0: none) and region ('': none). The dashboard's count and
--   its region filter's options are summed from it for the public, officials and
--   coordinators; a deputy's own non-public replies are added by a query of their own.
--   Kept by triggers on figure, reply and proposal that take off the old contribution and
--   add the new one, in the transaction of the change.
-- figure_breakdown: the regional breakdowns (two or more figures of one section, subject,
--   unit and kind that name distinct regions), one row per group with its first figure's
--   id, recomputed from the group whenever one of its figures changes. The dashboard walks
--   it newest first, checking each row's reply against the access policy.
-- ix_figure_target_deadline: the dashboard's page of targets in its order, walked from the
--   start instead of sorting every target.
--
-- FigureDashboardCountTests compares both tables with a recomputation from scratch.

create index ix_figure_target_deadline on figure (deadline_year, id) where kind = 'TARGET';

create table figure_target_count (
    proactive boolean    not null,
    unit_id  bigint      not null,
    topic_id bigint      not null,
    region   varchar(50) not null,
    targets  integer     not null,
    primary key (proactive, unit_id, topic_id, region)
);

comment on table figure_target_count is 'Derived: targets per group, kept by triggers (V82)';

create view figure_target_count_recount as
select r.disclosure_mode = 'PROACTIVE' as proactive, r.unit_id, coalesce(p.topic_category_id, 0) as topic_id,
       coalesce(f.region, '') as region, count(*)::integer as targets
  from figure f
  join reply r on r.id = f.reply_id
  join proposal p on p.id = r.proposal_id
 where f.kind = 'TARGET' and r.status = 'ISSUED'
 group by 1, 2, 3, 4;

insert into figure_target_count select * from figure_target_count_recount;

create table figure_breakdown (
    first_id   bigint       primary key,
    reply_id   bigint       not null references reply (id) on delete cascade,
    section_id bigint       not null,
    subject    varchar(200) not null,
    unit       varchar(20)  not null,
    kind       varchar(12)  not null,
    parts      integer      not null,
    constraint uq_figure_breakdown_group unique (section_id, subject, unit, kind)
);
create index ix_figure_breakdown_reply on figure_breakdown (reply_id);
comment on table figure_breakdown is 'Derived: regional breakdowns, kept by triggers (V82)';

create view figure_breakdown_recount as
select min(f.id) as first_id, min(f.reply_id) as reply_id, f.section_id, f.subject, f.unit, f.kind,
       count(distinct f.region)::integer as parts
  from figure f
 where f.region is not null
 group by f.section_id, f.subject, f.unit, f.kind
having count(distinct f.region) >= 2;

insert into figure_breakdown select * from figure_breakdown_recount;

-- Adds sign × the targets of one reply, by region, to the group of the given reply facts.
create function figure_target_shift(p_reply bigint, p_proactive boolean, p_unit bigint, p_topic bigint,
                                    p_sign integer) returns void language plpgsql as $$
begin
    insert into figure_target_count as c (proactive, unit_id, topic_id, region, targets)
    select p_proactive, p_unit, coalesce(p_topic, 0), coalesce(f.region, ''), p_sign * count(*)
      from figure f where f.reply_id = p_reply and f.kind = 'TARGET'
     group by coalesce(f.region, '')
     order by coalesce(f.region, '')
    on conflict (proactive, unit_id, topic_id, region) do update set targets = c.targets + excluded.targets;
    delete from figure_target_count
     where proactive = p_proactive and unit_id = p_unit and topic_id = coalesce(p_topic, 0) and targets = 0;
end;
$$;

-- Adds sign to the group of one target of reply rid, if that reply is issued.
create function figure_target_add(p_reply bigint, p_region varchar, p_sign integer)
    returns void language plpgsql as $$
declare
    facts record;
begin
    select r.disclosure_mode = 'PROACTIVE' as proactive, r.unit_id, coalesce(p.topic_category_id, 0) as topic
      into facts
      from reply r join proposal p on p.id = r.proposal_id
     where r.id = p_reply and r.status = 'ISSUED';
    if not found then
        return;
    end if;
    insert into figure_target_count as c (proactive, unit_id, topic_id, region, targets)
    values (facts.proactive, facts.unit_id, facts.topic, coalesce(p_region, ''), p_sign)
    on conflict (proactive, unit_id, topic_id, region) do update set targets = c.targets + excluded.targets;
    delete from figure_target_count
     where proactive = facts.proactive and unit_id = facts.unit_id and topic_id = facts.topic
       and region = coalesce(p_region, '') and targets = 0;
end;
$$;

create function figure_breakdown_refresh(p_section bigint, p_subject varchar, p_unit varchar, p_kind varchar)
    returns void language plpgsql as $$
begin
    delete from figure_breakdown
     where section_id = p_section and subject = p_subject and unit = p_unit and kind = p_kind;
    insert into figure_breakdown
    select * from figure_breakdown_recount
     where section_id = p_section and subject = p_subject and unit = p_unit and kind = p_kind;
end;
$$;

create function figure_dashboard_on_figure() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        if old.kind = 'TARGET' then
            perform figure_target_add(old.reply_id, old.region, -1);
        end if;
        if old.region is not null then
            perform figure_breakdown_refresh(old.section_id, old.subject, old.unit, old.kind);
        end if;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        if new.kind = 'TARGET' then
            perform figure_target_add(new.reply_id, new.region, 1);
        end if;
        if new.region is not null then
            perform figure_breakdown_refresh(new.section_id, new.subject, new.unit, new.kind);
        end if;
    end if;
    return null;
end;
$$;
create trigger trg_figure_dashboard_insert after insert on figure
    for each row execute function figure_dashboard_on_figure();
create trigger trg_figure_dashboard_delete after delete on figure
    for each row execute function figure_dashboard_on_figure();
create trigger trg_figure_dashboard_update after update on figure
    for each row when ((new.kind, new.region, new.reply_id, new.section_id, new.subject, new.unit)
                       is distinct from (old.kind, old.region, old.reply_id, old.section_id, old.subject, old.unit))
    execute function figure_dashboard_on_figure();

-- A reply's targets move with its issue, disclosure, unit and proposal. Before a delete,
-- while its figures are still there (their own delete triggers no longer find the reply).
create function figure_target_on_reply() returns trigger language plpgsql as $$
declare
    old_topic bigint;
    new_topic bigint;
begin
    if tg_op in ('UPDATE', 'DELETE') and old.status = 'ISSUED' then
        select topic_category_id into old_topic from proposal where id = old.proposal_id;
        perform figure_target_shift(old.id, old.disclosure_mode = 'PROACTIVE', old.unit_id, old_topic, -1);
    end if;
    if tg_op = 'UPDATE' and new.status = 'ISSUED' then
        select topic_category_id into new_topic from proposal where id = new.proposal_id;
        perform figure_target_shift(new.id, new.disclosure_mode = 'PROACTIVE', new.unit_id, new_topic, 1);
    end if;
    if tg_op = 'DELETE' then
        return old;
    end if;
    return null;
end;
$$;
create trigger trg_reply_figure_targets_delete before delete on reply
    for each row when (old.status = 'ISSUED') execute function figure_target_on_reply();
create trigger trg_reply_figure_targets_update after update on reply
    for each row when ((new.status, new.disclosure_mode, new.unit_id, new.proposal_id)
                       is distinct from (old.status, old.disclosure_mode, old.unit_id, old.proposal_id))
    execute function figure_target_on_reply();

create function figure_target_on_proposal() returns trigger language plpgsql as $$
declare
    r record;
begin
    for r in select id, disclosure_mode, unit_id from reply where proposal_id = new.id and status = 'ISSUED' loop
        perform figure_target_shift(r.id, r.disclosure_mode = 'PROACTIVE', r.unit_id, old.topic_category_id, -1);
        perform figure_target_shift(r.id, r.disclosure_mode = 'PROACTIVE', r.unit_id, new.topic_category_id, 1);
    end loop;
    return null;
end;
$$;
create trigger trg_proposal_figure_targets after update on proposal
    for each row when (new.topic_category_id is distinct from old.topic_category_id)
    execute function figure_target_on_proposal();
