-- The member register as the "members" processing group projects it. One row per member,
-- keyed by the member id; every column is set to an absolute value taken from an event, and
-- last_sequence_number (the member aggregate's sequence number of the last event applied)
-- keeps a redelivered or older event from overwriting a newer state.
--
-- Personal (KYC) columns are nullable so that erasure of a member can blank them in place.
-- Lengths follow the limits the write side enforces; document_number has none there.
CREATE TABLE member_projection (
    member_id            VARCHAR(64)   NOT NULL,
    member_number        VARCHAR(32)   NOT NULL,
    legal_name           VARCHAR(200),
    date_of_birth        DATE,
    gender               VARCHAR(16),
    phone                VARCHAR(32),
    country_of_origin    VARCHAR(64),
    address              VARCHAR(500),
    document_type        VARCHAR(32),
    document_number      TEXT,
    segment              VARCHAR(32)   NOT NULL,
    branch               VARCHAR(64)   NOT NULL,
    join_date            DATE          NOT NULL,
    status               VARCHAR(8)    NOT NULL,
    exited_on            DATE,
    shares_held          INTEGER       NOT NULL DEFAULT 0,
    share_capital        NUMERIC(38, 4),
    share_currency       CHAR(3),
    last_sequence_number BIGINT        NOT NULL,
    CONSTRAINT member_projection_pk PRIMARY KEY (member_id),
    CONSTRAINT member_projection_status_ck CHECK (status IN ('ACTIVE', 'EXITED')),
    CONSTRAINT member_projection_shares_ck CHECK (shares_held >= 0),
    -- Share capital and its currency exist together, from the first share movement on.
    CONSTRAINT member_projection_capital_ck CHECK ((share_capital IS NULL) = (share_currency IS NULL))
);

-- Tellers look members up by the number printed on the passbook.
CREATE INDEX member_projection_number_idx ON member_projection (member_number);
