-- When an issued reply last changed for the public: its issue (the issue time it carries,
-- also for letters imported from past years), its latest correction, or the latest change of
-- its disclosure (withdrawn, made public again). The sitemap's lastmod, the Atom entries'
-- updated and the open data's `since` filter read it (docs/search.md). Null while a draft.
-- Kept by the triggers below, whatever code path writes the reply or its corrections.
alter table reply add column public_changed_at timestamptz;

update reply r
   set public_changed_at = greatest(r.issued_at,
           (select max(c.corrected_at) from reply_correction c where c.reply_id = r.id),
           (select max(v.changed_at) from revision v
             where v.entity_type = 'reply' and v.entity_id = r.id and v.change_kind = 'DISCLOSURE_CHANGED'
               and v.changed_at > r.issued_at))
 where r.status = 'ISSUED';

create function track_reply_public_change() returns trigger language plpgsql as $$
begin
    if new.status <> 'ISSUED' then
        new.public_changed_at := null;
    elsif tg_op = 'INSERT' or old.status <> 'ISSUED' then
        new.public_changed_at := greatest(new.issued_at, new.public_changed_at);
    elsif new.disclosure_mode is distinct from old.disclosure_mode then
        new.public_changed_at := greatest(old.public_changed_at, now());
    end if;
    return new;
end;
$$;

create trigger trg_reply_public_change before insert or update on reply
    for each row execute function track_reply_public_change();

create function track_reply_correction() returns trigger language plpgsql as $$
begin
    update reply set public_changed_at = greatest(public_changed_at, new.corrected_at)
     where id = new.reply_id and status = 'ISSUED';
    return null;
end;
$$;

create trigger trg_reply_correction_public_change after insert on reply_correction
    for each row execute function track_reply_correction();

-- "what changed since": issued replies by their last public change
create index ix_reply_public_changed on reply (public_changed_at) where status = 'ISSUED';
