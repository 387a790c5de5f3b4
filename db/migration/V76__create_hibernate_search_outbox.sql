-- Hibernate Search's outbox-polling coordination (docs/operations.md), used when several
-- instances share one OpenSearch index: every change to an indexed entity is written as an
-- event in hsearch_outbox_event in the same transaction, and the instances' background
-- agents (registered in hsearch_agent, each owning a share of the events by entity id hash)
-- index it once and delete it. The columns are those Hibernate Search 8.2 maps (with the
-- application's naming strategy); unused while the embedded Lucene backend is chosen.
create table hsearch_agent (
    id uuid not null primary key,
    type varchar(255) not null
        check (type in ('EVENT_PROCESSING_DYNAMIC_SHARDING', 'EVENT_PROCESSING_STATIC_SHARDING', 'MASS_INDEXING')),
    name varchar(255) not null,
    expiration timestamp(6) with time zone not null,
    state varchar(255) not null check (state in ('RUNNING', 'WAITING', 'SUSPENDED')),
    total_shard_count integer,
    assigned_shard_index integer,
    tenant_id varchar(255),
    payload bytea
);

create table hsearch_outbox_event (
    id uuid not null primary key,
    entity_name varchar(256) not null,
    entity_id varchar(256) not null,
    entity_id_hash integer not null,
    payload bytea not null,
    retries integer not null,
    process_after timestamp(6) with time zone not null,
    status varchar(255) not null check (status in ('PENDING', 'ABORTED')),
    tenant_id varchar(255)
);

-- the agents read the events due, oldest first
create index ix_hsearch_outbox_event_process_after on hsearch_outbox_event (process_after);
