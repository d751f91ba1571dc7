-- Loans as the "loans" processing group projects them: today's view of each loan and its
-- schedule, and every money movement with its booking date, so that the portfolio can be
-- recomputed "as the history stood at the end of date X" in SQL (movements booked on or before X).
-- Amounts are NUMERIC(38, 4) next to their currency, as in the other projections.
--
-- Idempotence: rows of the movement tables are keyed by the Axon event identifier (and the
-- installment they touch) and inserted at most once; the columns of loan_projection are set to
-- absolute values stated by the events (outstandingAfter, advanceAfter, recoveredAfter) and only by
-- an event newer than the last applied; the paid and penalty columns of loan_installment are
-- recomputed as sums of the movement rows. A redelivered or replayed event therefore changes nothing.

-- One row per loan application, whatever became of it.
CREATE TABLE loan_projection (
    loan_id                   VARCHAR(40)    NOT NULL,
    member_id                 VARCHAR(64)    NOT NULL,
    product_code              VARCHAR(32)    NOT NULL,
    currency                  CHAR(3)        NOT NULL,
    status                    VARCHAR(12)    NOT NULL,
    principal                 NUMERIC(38, 4) NOT NULL,
    installments              INTEGER        NOT NULL,
    submitted_by              VARCHAR(64)    NOT NULL,
    submitted_on              DATE           NOT NULL,
    -- The event's time: orders applications submitted on the same business date.
    submitted_at              TIMESTAMPTZ    NOT NULL,
    approved_by               VARCHAR(64),
    approved_on               DATE,
    rejected_on               DATE,
    withdrawn_on              DATE,
    disbursed_on              DATE,
    closed_on                 DATE,
    written_off_on            DATE,
    -- What the schedule still owes today, due or not (zero before disbursement, after closure and
    -- after write-off).
    outstanding_penalty       NUMERIC(38, 4) NOT NULL,
    outstanding_fee           NUMERIC(38, 4) NOT NULL,
    outstanding_interest      NUMERIC(38, 4) NOT NULL,
    outstanding_principal     NUMERIC(38, 4) NOT NULL,
    advance                   NUMERIC(38, 4) NOT NULL,
    written_off_principal     NUMERIC(38, 4) NOT NULL,
    recovered                 NUMERIC(38, 4) NOT NULL,
    -- The loan aggregate's sequence number of the last event applied to this row.
    last_sequence_number      BIGINT         NOT NULL,
    CONSTRAINT loan_projection_pk PRIMARY KEY (loan_id),
    CONSTRAINT loan_projection_status_ck CHECK (status IN
        ('SUBMITTED', 'APPROVED', 'ACTIVE', 'CLOSED', 'REJECTED', 'WITHDRAWN', 'WRITTEN_OFF')),
    CONSTRAINT loan_projection_principal_ck CHECK (principal > 0),
    CONSTRAINT loan_projection_amounts_ck CHECK (outstanding_penalty >= 0 AND outstanding_fee >= 0
        AND outstanding_interest >= 0 AND outstanding_principal >= 0 AND advance >= 0
        AND written_off_principal >= 0 AND recovered >= 0)
);

-- A member's loans, newest application first.
CREATE INDEX loan_projection_member_idx ON loan_projection (member_id, submitted_on DESC, submitted_at DESC);
-- Loans disbursed by a date (the portfolio as of X).
CREATE INDEX loan_projection_disbursed_idx ON loan_projection (disbursed_on) WHERE disbursed_on IS NOT NULL;

-- One row per installment of a disbursed loan: what the schedule asks for, the penalties charged
-- on it so far and what has been paid of each component so far.
CREATE TABLE loan_installment (
    loan_id          VARCHAR(40)    NOT NULL,
    installment_no   INTEGER        NOT NULL,
    due_date         DATE           NOT NULL,
    currency         CHAR(3)        NOT NULL,
    principal_due    NUMERIC(38, 4) NOT NULL,
    interest_due     NUMERIC(38, 4) NOT NULL,
    fee_due          NUMERIC(38, 4) NOT NULL,
    penalty_charged  NUMERIC(38, 4) NOT NULL,
    penalty_paid     NUMERIC(38, 4) NOT NULL,
    fee_paid         NUMERIC(38, 4) NOT NULL,
    interest_paid    NUMERIC(38, 4) NOT NULL,
    principal_paid   NUMERIC(38, 4) NOT NULL,
    CONSTRAINT loan_installment_pk PRIMARY KEY (loan_id, installment_no),
    CONSTRAINT loan_installment_number_ck CHECK (installment_no >= 1),
    CONSTRAINT loan_installment_paid_ck CHECK (penalty_paid BETWEEN 0 AND penalty_charged
        AND fee_paid BETWEEN 0 AND fee_due AND interest_paid BETWEEN 0 AND interest_due
        AND principal_paid BETWEEN 0 AND principal_due)
);

-- One row per loan money event. kind names the event (DISBURSEMENT, REPAYMENT, ADVANCE_APPLIED,
-- GUARANTEE_CALLED, WRITE_OFF, RECOVERY...); it has no CHECK so that a new kind of money event needs
-- a handler, not a migration. amount is the money the event moved: the principal paid out, the
-- cash received (allocated plus any advance held), the advance applied, the guarantee called, the
-- principal written off, the amount recovered. The component columns split what it settled: the
-- amounts allocated to the loan's components, or for a WRITE_OFF everything still owed that was
-- written off; a DISBURSEMENT has the principal in principal and the fees deducted in fee.
CREATE TABLE loan_movement (
    event_id         VARCHAR(255)   NOT NULL,
    loan_id          VARCHAR(40)    NOT NULL,
    sequence_number  BIGINT         NOT NULL,
    -- Position in the event store; null when the event reached the projection untracked.
    global_index     BIGINT,
    kind             VARCHAR(32)    NOT NULL,
    transaction_id   VARCHAR(64)    NOT NULL,
    booking_date     DATE           NOT NULL,
    currency         CHAR(3)        NOT NULL,
    amount           NUMERIC(38, 4) NOT NULL,
    penalty          NUMERIC(38, 4) NOT NULL,
    fee              NUMERIC(38, 4) NOT NULL,
    interest         NUMERIC(38, 4) NOT NULL,
    principal        NUMERIC(38, 4) NOT NULL,
    CONSTRAINT loan_movement_pk PRIMARY KEY (event_id),
    CONSTRAINT loan_movement_amounts_ck CHECK (amount >= 0 AND penalty >= 0 AND fee >= 0 AND interest >= 0
        AND principal >= 0)
);

-- Flows of a period (disbursed, written off, recovered).
CREATE INDEX loan_movement_booking_idx ON loan_movement (booking_date, kind);
CREATE INDEX loan_movement_loan_idx ON loan_movement (loan_id, sequence_number);

-- One row per installment a payment (repayment, applied advance, called guarantee...) paid on:
-- what it paid of each component, on its booking date. Outstanding principal and days past due
-- as of X come from the rows booked on or before X.
CREATE TABLE loan_allocation (
    event_id         VARCHAR(255)   NOT NULL,
    installment_no   INTEGER        NOT NULL,
    loan_id          VARCHAR(40)    NOT NULL,
    booking_date     DATE           NOT NULL,
    currency         CHAR(3)        NOT NULL,
    penalty          NUMERIC(38, 4) NOT NULL,
    fee              NUMERIC(38, 4) NOT NULL,
    interest         NUMERIC(38, 4) NOT NULL,
    principal        NUMERIC(38, 4) NOT NULL,
    CONSTRAINT loan_allocation_pk PRIMARY KEY (event_id, installment_no),
    CONSTRAINT loan_allocation_amounts_ck CHECK (penalty >= 0 AND fee >= 0 AND interest >= 0 AND principal >= 0)
);

-- What an installment had been paid by a date; repayments collected in a period.
CREATE INDEX loan_allocation_installment_idx ON loan_allocation (loan_id, installment_no, booking_date);
CREATE INDEX loan_allocation_booking_idx ON loan_allocation (booking_date);

-- One row per penalty charged on an installment, with the date it was charged as of.
CREATE TABLE loan_penalty_charge (
    event_id              VARCHAR(255)   NOT NULL,
    installment_no        INTEGER        NOT NULL,
    loan_id               VARCHAR(40)    NOT NULL,
    charged_on            DATE           NOT NULL,
    currency              CHAR(3)        NOT NULL,
    amount                NUMERIC(38, 4) NOT NULL,
    periods_charged_after INTEGER        NOT NULL,
    CONSTRAINT loan_penalty_charge_pk PRIMARY KEY (event_id, installment_no),
    CONSTRAINT loan_penalty_charge_amount_ck CHECK (amount >= 0)
);

CREATE INDEX loan_penalty_charge_installment_idx ON loan_penalty_charge (loan_id, installment_no, charged_on);
