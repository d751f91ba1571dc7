-- The portfolio as of a date is computed backwards from today's state (see JdbcPortfolioQueries).
-- It reads the installments only of the loans that owe something on an installment that fell due
-- before the report date, or that were paid after it. oldest_owing_due_date says which: the due
-- date of the oldest installment that still owes principal, interest, fee or penalty (null when
-- none does). The loans projection keeps it up to date with the installments.
ALTER TABLE loan_projection ADD COLUMN oldest_owing_due_date DATE;

UPDATE loan_projection l SET oldest_owing_due_date =
    (SELECT min(i.due_date) FROM loan_installment i WHERE i.loan_id = l.loan_id
       AND (i.principal_paid < i.principal_due OR i.interest_paid < i.interest_due OR i.fee_paid < i.fee_due
            OR i.penalty_paid < i.penalty_charged));

-- Penalties charged after a date.
CREATE INDEX loan_penalty_charge_charged_on_idx ON loan_penalty_charge (charged_on);
