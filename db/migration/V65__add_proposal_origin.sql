-- Where a proposal comes from: registered in the portal (by a coordinator, or the demo),
-- or created by the bulk import of an archive of past, already issued letters (a
-- historical record: its number, title and lead deputy were read from the letter).
alter table proposal add column origin varchar(20) not null default 'REGISTERED';
alter table proposal add constraint proposal_origin_check
    check (origin in ('REGISTERED', 'IMPORTED_ARCHIVE'));
