-- 签发人: an official who may approve and issue (签发) their unit's replies. An official
-- without it is a drafter (经办人): drafts and submits for review only. Officials that
-- existed before keep issuing, as they did.
alter table account add column signer boolean not null default false;
update account set signer = true where role = 'OFFICIAL';
alter table account add constraint account_signer_is_official check (not signer or role = 'OFFICIAL');
