-- 待测评 reminders: a deputy is reminded once per reply, some days before the rating
-- window closes (notify/RatingReminders). The job inserts here with "on conflict do
-- nothing" and notifies only when its own insert happened, in the same transaction, so
-- restarts and several app instances never send twice.
create table rating_reminder_sent (
    reply_id   bigint      not null references reply (id) on delete cascade,
    deputy_id  bigint      not null references deputy (id) on delete cascade,
    sent_at    timestamptz not null default now(),
    primary key (reply_id, deputy_id)
);
