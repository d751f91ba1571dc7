-- A called guarantee debits the guarantor's savings; it shows on their statement as its own kind of line.
ALTER TABLE savings_statement_line DROP CONSTRAINT savings_statement_line_type_ck;
ALTER TABLE savings_statement_line ADD CONSTRAINT savings_statement_line_type_ck
    CHECK (type IN ('DEPOSIT', 'WITHDRAWAL', 'TRANSFER_IN', 'TRANSFER_OUT', 'LOAN_PROCEEDS', 'GUARANTEE_CALL'));
