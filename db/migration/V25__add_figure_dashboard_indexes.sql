-- The figures dashboard finds the replies that state a figure (same subject and unit) and
-- the regional parts of a figure (same section, subject and unit).
create index ix_figure_subject_unit on figure (subject, unit);
create index ix_figure_section_subject on figure (section_id, subject, unit);
