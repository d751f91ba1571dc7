-- Savings accounts and their statements as the "savings-accounts" processing group projects
-- them. Amounts are NUMERIC(38, 4) (enough for every ISO 4217 minor unit) next to the currency
-- they are in; nothing is ever stored as a floating-point number.

-- One row per account. Balance and held are absolute values from the events (balanceAfter,
-- totalHeldAfter); last_sequence_number keeps an older event from overwriting a newer state.
CREATE TABLE savings_account_projection (
    account_id           VARCHAR(64)    NOT NULL,
    member_id            VARCHAR(64)    NOT NULL,
    product_code         VARCHAR(32),
    currency             CHAR(3)        NOT NULL,
    status               VARCHAR(8)     NOT NULL,
    balance              NUMERIC(38, 4) NOT NULL,
    held                 NUMERIC(38, 4) NOT NULL,
    minimum_balance      NUMERIC(38, 4) NOT NULL,
    opened_on            DATE           NOT NULL,
    closed_on            DATE,
    last_sequence_number BIGINT         NOT NULL,
    CONSTRAINT savings_account_projection_pk PRIMARY KEY (account_id),
    CONSTRAINT savings_account_projection_status_ck CHECK (status IN ('OPEN', 'CLOSED')),
    CONSTRAINT savings_account_projection_held_ck CHECK (held >= 0),
    CONSTRAINT savings_account_projection_minimum_ck CHECK (minimum_balance >= 0)
);

-- A member's accounts.
CREATE INDEX savings_account_projection_member_idx ON savings_account_projection (member_id);

-- One row per money movement. entry_no is the account aggregate's sequence number of the
-- event, so a redelivered or replayed event hits the primary key and is ignored.
CREATE TABLE savings_statement_line (
    account_id     VARCHAR(64)    NOT NULL,
    entry_no       BIGINT         NOT NULL,
    transaction_id VARCHAR(64)    NOT NULL,
    type           VARCHAR(16)    NOT NULL,
    direction      VARCHAR(6)     NOT NULL,
    amount         NUMERIC(38, 4) NOT NULL,
    currency       CHAR(3)        NOT NULL,
    balance_after  NUMERIC(38, 4) NOT NULL,
    booking_date   DATE           NOT NULL,
    value_date     DATE           NOT NULL,
    reference      VARCHAR(140),
    recorded_at    TIMESTAMPTZ    NOT NULL,
    CONSTRAINT savings_statement_line_pk PRIMARY KEY (account_id, entry_no),
    CONSTRAINT savings_statement_line_type_ck
        CHECK (type IN ('DEPOSIT', 'WITHDRAWAL', 'TRANSFER_IN', 'TRANSFER_OUT')),
    CONSTRAINT savings_statement_line_direction_ck CHECK (direction IN ('CREDIT', 'DEBIT')),
    CONSTRAINT savings_statement_line_amount_ck CHECK (amount > 0)
);

-- Statements and balances for a date range ("what was the balance on date X").
CREATE INDEX savings_statement_line_booking_idx ON savings_statement_line (account_id, booking_date, entry_no);
