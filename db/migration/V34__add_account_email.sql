-- Where notices are mailed: an account's own address, optional (without one the person
-- sees notices in the portal only). The notify feature asks the account feature for the
-- addresses of a deputy, a unit's officials, the coordinators or one account.
alter table account add column email varchar(254)
    constraint ck_account_email check (email is null or email ~ '^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$');
create index ix_account_email_role on account (role) where email is not null and enabled;
