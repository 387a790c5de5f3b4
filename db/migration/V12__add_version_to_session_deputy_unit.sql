-- Coordinators edit sessions, deputies and units: optimistic locking, so that the second
-- of two concurrent saves is refused instead of silently overwriting the first.
alter table congress_session add column version integer not null default 0;
alter table deputy add column version integer not null default 0;
alter table handling_unit add column version integer not null default 0;
