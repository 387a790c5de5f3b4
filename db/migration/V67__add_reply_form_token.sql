-- The one-time token of the form that wrote and issued a reply (follow-up, re-handling):
-- a form sent twice, or twice at once, issues one reply. The service looks the token up
-- first (under a transaction-scoped advisory lock); this constraint is the backstop.
alter table reply add column form_token uuid;
alter table reply add constraint uq_reply_form_token unique (form_token);
