-- The portfolio as of a date is computed backwards from today's state (see JdbcPortfolioQueries):
-- it needs the installments that owe something now and fell due before the report date, found by
-- due date, and the penalties charged after that date.
CREATE INDEX loan_installment_owing_idx ON loan_installment (due_date)
    WHERE principal_paid < principal_due OR interest_paid < interest_due OR fee_paid < fee_due
       OR penalty_paid < penalty_charged;

CREATE INDEX loan_penalty_charge_charged_on_idx ON loan_penalty_charge (charged_on);
