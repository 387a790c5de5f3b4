-- A draft imported from a letter that already carries a 索引号 keeps it for issuing: the
-- unit published the letter under that number, so the portal must not give it another.
alter table reply add column letter_index_number varchar(60)
    constraint ck_reply_letter_index_number check (letter_index_number ~ '^[0-9A-Z]{6,30}/[0-9]{4}-[0-9]{1,10}$');
create unique index uq_reply_letter_index_number on reply (letter_index_number) where status = 'DRAFT';
