-- Letters of an archive imported from the command line (--dafu.bulk-import) are recorded
-- like the others, with source kind BULK and the file's path inside the archive.
alter table letter_import drop constraint letter_import_source_kind_check;
alter table letter_import add constraint letter_import_source_kind_check
    check (source_kind in ('PASTE', 'TXT', 'DOCX', 'API', 'BULK'));
