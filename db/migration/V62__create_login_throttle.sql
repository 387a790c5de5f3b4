-- Sign-in throttling by back-off instead of lock-out. One row per key:
--   'pair:<username>|<address>'  failures of one account from one client address (blocks);
--   'addr:<address>'             failures from one client address, any account (blocks);
--   'user:<username>'            failures of one account from anywhere (never blocks: it
--                                only decides when the account's owner is told).
-- Past a number of free failures a key is blocked for a window that doubles with each
-- further failure, up to a maximum; a key quiet for long enough starts afresh. The rows
-- live in the database so that every instance of the application throttles alike.
create table login_throttle (
    throttle_key     varchar(200) primary key,
    failures         integer      not null check (failures > 0),
    last_failure_at  timestamptz  not null default now(),
    blocked_until    timestamptz,
    noticed_at       timestamptz
);
create index ix_login_throttle_last_failure on login_throttle (last_failure_at);

-- Replaced by login_throttle: counting a username's failures from anywhere let anyone
-- lock anyone out.
drop table login_failure;
