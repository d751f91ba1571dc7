-- Tamper evidence for the event store: a hash chain over domain_event_entry in global order
-- (see org.coopledger.reporting.chain.ChainLink for the exact bytes that are hashed).
-- Kept in tables of its own so that the event store's shape stays Axon's.

CREATE TABLE event_chain (
    global_index     BIGINT       NOT NULL,
    event_identifier VARCHAR(255) NOT NULL,
    link             BYTEA        NOT NULL,
    chained_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT event_chain_pk PRIMARY KEY (global_index)
);

-- One row: where the chain ends. Locked FOR UPDATE by the node that extends the chain, so that
-- several nodes never interleave their links. link NULL means the chain is still at genesis.
CREATE TABLE event_chain_head (
    id           SMALLINT NOT NULL,
    global_index BIGINT   NOT NULL,
    link         BYTEA,
    links        BIGINT   NOT NULL,
    CONSTRAINT event_chain_head_pk PRIMARY KEY (id),
    CONSTRAINT event_chain_head_single_row CHECK (id = 1)
);
INSERT INTO event_chain_head (id, global_index, link, links) VALUES (1, 0, NULL, 0);

-- Head hashes written down at intervals (and logged), so that a chain rewritten from scratch
-- no longer matches what auditors noted.
CREATE TABLE event_chain_checkpoint (
    global_index BIGINT      NOT NULL,
    link         BYTEA       NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT event_chain_checkpoint_pk PRIMARY KEY (global_index)
);
