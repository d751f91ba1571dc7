-- Secondary indexes of projection tables dropped while a rebuild replays the history, with the
-- statement that builds each again (org.coopledger.reporting.rebuild.ParkedIndexes). A row here
-- means the index is missing: the rebuild builds it again when it has caught up, and a start-up
-- after a crash during a rebuild builds it before the projections run.
CREATE TABLE parked_index (
    index_name  text PRIMARY KEY,
    table_name  text NOT NULL,
    definition  text NOT NULL,
    parked_at   timestamptz NOT NULL DEFAULT now()
);
