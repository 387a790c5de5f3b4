-- A target's first measurement can be what its own reply states: an achievement of the same
-- reply with the same subject, unit and region (docs/figures.md, "Measurements"). It keeps the
-- achievement it came from (unlinking deletes the row; a correction that restates the letter
-- links again), the period the letter gives (1—9月), and whether the unit confirmed it.
-- Measurements the unit records carry a period and a source too.
alter table figure_measurement
    add column period           varchar(50),
    add column source           varchar(300),
    add column source_figure_id bigint references figure (id) on delete cascade,
    add column confirmed_at     timestamptz,
    add column confirmed_by     varchar(100);

create unique index ux_figure_measurement_stated on figure_measurement (figure_id)
    where source_figure_id is not null;
create index ix_figure_measurement_source_figure on figure_measurement (source_figure_id)
    where source_figure_id is not null;

-- Replies issued before this migration: their targets get the value they state, as new
-- issues do.
insert into figure_measurement (figure_id, measured_on, value, period, source_reply_id, source_figure_id, recorded_by)
select t.id, coalesce(r.signed_on, (r.issued_at at time zone 'Asia/Shanghai')::date), a.value, a.period, r.id, a.id,
       'system'
from figure t
join reply r on r.id = t.reply_id and r.status = 'ISSUED'
join lateral (select s.id, s.value, s.period from figure s
              where s.reply_id = t.reply_id and s.kind = 'ACHIEVEMENT' and s.subject = t.subject
                and s.unit = t.unit and s.region is not distinct from t.region
              order by s.section_id, s.ordinal, s.id limit 1) a on true
where t.kind = 'TARGET'
  and not exists (select 1 from figure_measurement m where m.figure_id = t.id and m.source_figure_id is not null);
