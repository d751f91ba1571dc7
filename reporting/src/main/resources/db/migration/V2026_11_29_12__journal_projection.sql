-- Every journal line of every money event, as the "journal" processing group projects it:
-- the general ledger that the trial balance sums. Keyed by the event identifier and the
-- line's position in its entry, so a redelivered or replayed event is ignored.
CREATE TABLE journal_line (
    event_id       VARCHAR(255)   NOT NULL,
    line_no        INTEGER        NOT NULL,
    transaction_id VARCHAR(64)    NOT NULL,
    event_type     VARCHAR(100)   NOT NULL,
    gl_code        VARCHAR(8)     NOT NULL,
    side           VARCHAR(6)     NOT NULL,
    amount         NUMERIC(38, 4) NOT NULL,
    currency       CHAR(3)        NOT NULL,
    booking_date   DATE           NOT NULL,
    -- Position of the event in the event store, so an auditor can check the trial balance
    -- at any point of the stream; null when the event reached the projection untracked.
    global_index   BIGINT,
    CONSTRAINT journal_line_pk PRIMARY KEY (event_id, line_no),
    CONSTRAINT journal_line_side_ck CHECK (side IN ('DEBIT', 'CREDIT')),
    CONSTRAINT journal_line_amount_ck CHECK (amount > 0)
);

-- The trial balance as of a date.
CREATE INDEX journal_line_booking_idx ON journal_line (booking_date);
-- All lines of one business transaction (the legs of a transfer).
CREATE INDEX journal_line_transaction_idx ON journal_line (transaction_id);
