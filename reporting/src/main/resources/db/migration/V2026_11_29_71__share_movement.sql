-- Every purchase and redemption of member shares, as the "shares" processing group projects
-- them: the dated history that share capital "as of" a date and the member statement read
-- (member_projection holds only the current holding). entry_no is the member aggregate's
-- sequence number of the event, so a redelivered or replayed event hits the primary key and
-- is ignored. The group is new, so its processor starts from the first event by itself.
CREATE TABLE share_movement (
    member_id      VARCHAR(64)    NOT NULL,
    entry_no       BIGINT         NOT NULL,
    transaction_id VARCHAR(64)    NOT NULL,
    type           VARCHAR(10)    NOT NULL,
    share_count    INTEGER        NOT NULL,
    amount         NUMERIC(38, 4) NOT NULL,
    currency       CHAR(3)        NOT NULL,
    shares_after   INTEGER        NOT NULL,
    capital_after  NUMERIC(38, 4) NOT NULL,
    booking_date   DATE           NOT NULL,
    recorded_at    TIMESTAMPTZ    NOT NULL,
    CONSTRAINT share_movement_pk PRIMARY KEY (member_id, entry_no),
    CONSTRAINT share_movement_type_ck CHECK (type IN ('PURCHASE', 'REDEMPTION')),
    CONSTRAINT share_movement_count_ck CHECK (share_count > 0),
    CONSTRAINT share_movement_after_ck CHECK (shares_after >= 0)
);

-- A member's holding on a date, and statements over a period.
CREATE INDEX share_movement_booking_idx ON share_movement (member_id, booking_date, entry_no);
